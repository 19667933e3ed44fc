package org.mash.strategy.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Social care, police and health are the minimum at every strategy discussion (MASH.md 2.3): they are invited
 * to every discussion, and a discussion held without all three attending must say why.
 */
public final class CoreAgencies {

    public static final String SOCIAL_CARE = "social-care";
    public static final String POLICE = "police";
    public static final String HEALTH = "health";
    public static final List<String> ALL = List.of(SOCIAL_CARE, POLICE, HEALTH);

    private CoreAgencies() {
    }

    /** The agencies every discussion invites. */
    public static List<String> defaultInvitations() {
        return ALL;
    }

    /** All three core agencies attended (an agency missing from the map did not). */
    public static boolean present(Map<String, Attendance> attendance) {
        return ALL.stream().allMatch(agency -> attendance.get(agency) == Attendance.ATTENDED);
    }

    /** The core agencies that did not attend. */
    public static List<String> absent(Map<String, Attendance> attendance) {
        return ALL.stream().filter(agency -> attendance.get(agency) != Attendance.ATTENDED).toList();
    }

    /** A discussion held without the core agencies needs a reason. */
    public static List<Violation> check(Map<String, Attendance> attendance, String absenceReason) {
        List<Violation> violations = new ArrayList<>();
        if (!present(attendance) && (absenceReason == null || absenceReason.isBlank())) {
            violations.add(new Violation("absenceReason", "required-when-core-agency-absent",
                    "say why the discussion went ahead without " + String.join(", ", absent(attendance))
                            + ": social care, police and health are the minimum"));
        }
        return violations;
    }
}

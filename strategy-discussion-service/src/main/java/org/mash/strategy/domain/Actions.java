package org.mash.strategy.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Actions agreed at a strategy discussion (MASH.md 2.3): each owned by an agency, due on a date; it is due by
 * the end of that date (Europe/London) and overdue while not done after that. Pure: today and now are given.
 */
public final class Actions {

    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private Actions() {
    }

    public static List<Violation> check(ActionRequest request, LocalDate today) {
        List<Violation> violations = new ArrayList<>(Agencies.check("agency", request.agency()));
        if (request.dueOn().isBefore(today)) {
            violations.add(new Violation("dueOn", "not-in-past", "an action cannot be due on " + request.dueOn()
                    + ", which has passed"));
        }
        return violations;
    }

    /** The end of the due date, in UTC. */
    public static OffsetDateTime dueAt(LocalDate dueOn) {
        return dueOn.atTime(END_OF_DAY).atZone(MashTime.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    public static boolean overdue(OffsetDateTime completedAt, LocalDate dueOn, Instant now) {
        return completedAt == null && dueAt(dueOn).toInstant().isBefore(now);
    }
}

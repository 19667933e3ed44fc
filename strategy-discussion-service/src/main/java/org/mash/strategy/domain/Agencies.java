package org.mash.strategy.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The agencies a strategy discussion invites, named as in the access token's {@code agency} claim. Social
 * care, police and health are the minimum ({@link CoreAgencies}); education, GP, the mental health trust and
 * others join as relevant (MASH.md 2.3). Any other agency may be invited by a name of the same shape.
 */
public final class Agencies {

    public static final String EDUCATION = "education";
    public static final String GP = "gp";
    public static final String MENTAL_HEALTH_TRUST = "mental-health-trust";
    public static final String HOUSING = "housing";
    public static final String PROBATION = "probation";
    public static final String YOUTH_JUSTICE = "youth-justice";

    /** The agencies usually invited, core agencies first. */
    public static final List<String> USUAL = List.of(CoreAgencies.SOCIAL_CARE, CoreAgencies.POLICE, CoreAgencies.HEALTH,
            EDUCATION, GP, MENTAL_HEALTH_TRUST, HOUSING, PROBATION, YOUTH_JUSTICE);

    /** The longest agency name: what the metrics store keeps (varchar(40)). */
    public static final int MAX_LENGTH = 40;

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

    private Agencies() {
    }

    /** An agency name: lower case letters, digits and hyphens, 2 to 40 characters (e.g. {@code mental-health-trust}). */
    public static List<Violation> check(String field, String agency) {
        if (agency == null || agency.isBlank()) {
            return List.of(new Violation(field, "required", "name the agency, e.g. one of " + USUAL));
        }
        if (!NAME.matcher(agency).matches()) {
            return List.of(new Violation(field, "agency-name", "'" + agency + "' is not an agency name: lower case "
                    + "letters, digits and hyphens, 2 to 40 characters, e.g. one of " + USUAL));
        }
        return List.of();
    }
}

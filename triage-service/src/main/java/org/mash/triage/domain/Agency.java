package org.mash.triage.domain;

import java.util.Arrays;
import java.util.Optional;

/** The partner agencies a MASH practitioner can ask for information (MASH.md 2.2), by their token's agency code. */
public enum Agency {
    POLICE("police"),
    HEALTH("health"),
    EDUCATION("education"),
    PROBATION("probation"),
    HOUSING("housing"),
    ADULT_SOCIAL_CARE("adult-social-care"),
    MENTAL_HEALTH("mental-health");

    private final String code;

    Agency(String code) {
        this.code = code;
    }

    /** The code used in the API, in the tokens' {@code agency} claim and in the events, e.g. {@code adult-social-care}. */
    public String code() {
        return code;
    }

    public static Optional<Agency> of(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Agency::code).toList());
    }
}

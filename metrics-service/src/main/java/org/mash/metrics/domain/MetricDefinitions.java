package org.mash.metrics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of MASH.md 2.4, from counts already made over a period. Each states its numerator and
 * denominator and a one-line definition, published with it.
 */
public final class MetricDefinitions {

    public static final String CONTACTS = "contacts";
    public static final String REFERRALS = "referrals";
    public static final String CONVERSION = "conversion";
    public static final String S47 = "s47";

    public static final String CONTACTS_DEFINITION = "contacts received in the period (by received date)";
    public static final String REFERRALS_DEFINITION =
            "contacts decided in the period whose outcome is a referral (CSC_ASSESSMENT or STRATEGY_DISCUSSION)";
    public static final String CONVERSION_DEFINITION =
            "contacts decided in the period whose outcome is a referral (CSC_ASSESSMENT or STRATEGY_DISCUSSION) / contacts decided in the period";
    public static final String S47_DEFINITION = "section 47 enquiries started in the period (by start date)";

    private MetricDefinitions() {
    }

    public static Figure contacts(long received) {
        return count(CONTACTS, received, CONTACTS_DEFINITION);
    }

    public static Figure referrals(long referrals) {
        return count(REFERRALS, referrals, REFERRALS_DEFINITION);
    }

    public static Figure conversion(long referrals, long decided) {
        return new Figure(CONVERSION, percent(referrals, decided), referrals, decided, Figure.PERCENT, CONVERSION_DEFINITION);
    }

    public static Figure s47(long started) {
        return count(S47, started, S47_DEFINITION);
    }

    /** 100 × numerator / denominator, rounded half-up to one decimal place; null when the denominator is 0. */
    public static Double percent(long numerator, long denominator) {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + numerator + "/" + denominator);
        }
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP).doubleValue();
    }

    private static Figure count(String id, long n, String definition) {
        if (n < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + n);
        }
        return new Figure(id, (double) n, n, null, Figure.COUNT, definition);
    }

    /** The agencies every strategy discussion needs (sd-attendance): social care, police and health. */
    public static final java.util.List<String> CORE_AGENCIES = java.util.List.of("social-care", "police", "health");

    /**
     * Whether a held discussion had social care, police and health all present: as the event states it, or,
     * from an event that does not state it, whether all three attended.
     */
    public static boolean coreAgenciesPresent(Boolean stated, java.util.Map<String, String> attendance) {
        if (stated != null) {
            return stated;
        }
        return attendance != null && CORE_AGENCIES.stream().allMatch(a -> "ATTENDED".equals(attendance.get(a)));
    }
}

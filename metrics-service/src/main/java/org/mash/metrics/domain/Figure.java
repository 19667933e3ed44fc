package org.mash.metrics.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One figure, stating what it counts.
 * <ul>
 *   <li>{@code count}: {@code value = numerator}, no denominator;</li>
 *   <li>{@code percent}: {@code 100 × numerator / denominator} to 1 dp, no value (null) when the denominator is 0;</li>
 *   <li>{@code per-10000}: {@code 10,000 × numerator / denominator} (the configured child population), to 1 dp;</li>
 *   <li>{@code hours}: a median, percentile or age in hours to 1 dp over {@code numerator} observations, no denominator.</li>
 * </ul>
 * In a breakdown, {@code breakdown} names the dimension and {@code group} the group; a value withheld by
 * disclosure control has {@code display} ({@code <5} or {@code withheld}) instead of the numbers.
 */
public record Figure(String id, Double value, Long numerator, Long denominator, String unit, String definition,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String breakdown,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String group,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String display) {

    public static final String COUNT = "count";
    public static final String PERCENT = "percent";
    public static final String PER_10000 = "per-10000";
    public static final String HOURS = "hours";

    /** A headline figure (no breakdown). */
    public Figure(String id, Double value, long numerator, Long denominator, String unit, String definition) {
        this(id, value, Long.valueOf(numerator), denominator, unit, definition, null, null, null);
    }

    /** This figure for one group of a breakdown. */
    public Figure inGroup(String dimension, String groupName) {
        return new Figure(id, value, numerator, denominator, unit, definition, dimension, groupName, display);
    }

    /** This figure with its numbers hidden, shown as {@code display}; numbers that reveal nothing are kept. */
    public Figure withheld(Long keptNumerator, Long keptDenominator, String shown) {
        return new Figure(id, null, keptNumerator, keptDenominator, unit, definition, breakdown, group, shown);
    }
}

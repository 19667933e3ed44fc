package org.mash.metrics.domain;

/**
 * One published figure, stating what it counts. A count has no denominator; a percent is
 * {@code numerator / denominator} and has no value (null) when the denominator is 0.
 *
 * @param unit {@code count} or {@code percent}
 */
public record Figure(String id, Double value, long numerator, Long denominator, String unit, String definition) {

    public static final String COUNT = "count";
    public static final String PERCENT = "percent";
}

package org.mash.metrics.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/** The metrics service's settings ({@code mash.metrics.*} in application.properties). */
@ConfigMapping(prefix = "mash.metrics")
public interface MetricsConfig {

    /**
     * Children (0-17) in the area, for the rates per 10,000 (contact-rate, referral-rate, s47-rate): the ONS mid-year
     * estimate ({@code MASH_METRICS_CHILD_POPULATION}).
     */
    @Positive
    long childPopulation();

    /** Kafka consumers per input topic on each instance (read by the channels' {@code concurrency}). */
    @WithDefault("3")
    int consumersPerTopic();

    /** How often the figure publisher looks for changed facts (read by its schedule). */
    @WithDefault("2s")
    String publishInterval();

    /** The figures are recomputed at least this often, even with no change (time moves overdue figures). */
    @WithDefault("60s")
    Duration recomputeEvery();

    /** Events behind (this instance's consumers) above which the publisher holds while catching up. */
    @WithDefault("1000")
    long catchUpLag();

    /** The longest the publisher holds while catching up. */
    @WithDefault("5m")
    Duration maxHoldWhileCatchingUp();

    /** How often the dashboards' stream says how fresh the figures are, between figure updates. */
    @WithDefault("15s")
    Duration streamHeartbeat();
}

package org.mash.metrics.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mash.metrics.domain.Breakdown;
import org.mash.metrics.domain.Figure;
import org.mash.metrics.domain.MetricDefinitions;
import org.mash.metrics.domain.Period;
import org.mash.metrics.repository.FactQueries;
import org.mash.platform.time.WorkingDays;

/** Loads the facts of a period and turns them into figures by the rules of {@link MetricDefinitions} (MASH.md 2.4). */
@ApplicationScoped
public class MetricsService {

    /** The figures of a period as they stand at {@code asOf}. */
    public record Report(Period period, OffsetDateTime asOf, List<Figure> figures) {
    }

    private final Clock clock;
    private final FactQueries facts;
    private final long childPopulation;
    private final WorkingDays workingDays = WorkingDays.englandAndWales();

    public MetricsService(Clock clock, FactQueries facts,
                          @ConfigProperty(name = "mash.metrics.child-population") long childPopulation) {
        if (childPopulation <= 0) {
            throw new IllegalArgumentException("mash.metrics.child-population must be positive, not " + childPopulation);
        }
        this.clock = clock;
        this.facts = facts;
        this.childPopulation = childPopulation;
    }

    /** The headline figures of a period and, if asked, the same figures per group of a breakdown, as of now. */
    @WithSession
    public Uni<Report> report(Period period, Breakdown breakdown) {
        Instant now = clock.instant();
        return facts.load(period, now).map(loaded -> {
            List<Figure> figures = new ArrayList<>(MetricDefinitions.figures(period, now, loaded, childPopulation, workingDays));
            if (breakdown != null) {
                figures.addAll(MetricDefinitions.breakdown(breakdown, period, now, loaded, workingDays));
            }
            return new Report(period, now.atOffset(ZoneOffset.UTC), figures);
        });
    }

    /** The headline figures of a period, as of now. */
    @WithSession
    public Uni<Report> report(Period period) {
        return report(period, null);
    }

    /** The headline figures of a period as of now; call within a session. */
    public Uni<List<Figure>> count(Period period) {
        Instant now = clock.instant();
        return facts.load(period, now).map(loaded -> MetricDefinitions.figures(period, now, loaded, childPopulation, workingDays));
    }
}

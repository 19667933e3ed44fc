package org.mash.metrics.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
                          MetricsConfig config) {
        this.clock = clock;
        this.facts = facts;
        this.childPopulation = config.childPopulation();
    }

    /** The headline figures of a period and, if asked, the same figures per group of a breakdown, as of now. */
    @WithSession
    public Uni<Report> report(Period period, Breakdown breakdown) {
        Instant now = clock.instant();
        return facts.load(period, now).chain(loaded -> offTheEventLoop(() -> {
            List<Figure> figures = new ArrayList<>(MetricDefinitions.figures(period, now, loaded, childPopulation, workingDays));
            if (breakdown != null) {
                figures.addAll(MetricDefinitions.breakdown(breakdown, period, now, loaded, workingDays));
            }
            return new Report(period, now.atOffset(ZoneOffset.UTC), figures);
        }));
    }

    /** The headline figures of a period, as of now. */
    @WithSession
    public Uni<Report> report(Period period) {
        return report(period, null);
    }

    /** The headline figures of a period as of now; call within a session. */
    public Uni<List<Figure>> count(Period period) {
        Instant now = clock.instant();
        return facts.load(period, now).chain(loaded -> offTheEventLoop(
                () -> MetricDefinitions.figures(period, now, loaded, childPopulation, workingDays)));
    }

    /**
     * Computes on a worker thread, then comes back to the caller's Vert.x context (the session's). A year's figures
     * take a while over a large store; on the event loop they would hold up the consumers and every request.
     */
    private static <T> Uni<T> offTheEventLoop(Supplier<T> computation) {
        Context context = Vertx.currentContext();
        Uni<T> computed = Uni.createFrom().item(computation).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? computed : computed.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}

package org.mash.metrics.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;
import org.mash.metrics.domain.Figure;
import org.mash.metrics.domain.MetricDefinitions;
import org.mash.metrics.domain.Period;
import org.mash.metrics.events.MetricsEvents;
import org.mash.metrics.repository.PublicationState;
import org.mash.platform.outbox.Outbox;

/**
 * Publishes the figures of the current financial year for dashboards when they have changed since last
 * published. Runs once per interval, so many input events give at most one {@code figures-updated} event
 * per interval (coalescing). The event and the record of what was published commit together.
 */
@ApplicationScoped
public class FigurePublisher {

    private static final Logger LOG = Logger.getLogger(FigurePublisher.class);

    private final MetricsService metrics;
    private final Outbox outbox;
    private final Clock clock;
    private final FigureStream stream;
    private final FactChanges changes;
    private final java.time.Duration recomputeEvery;
    private java.time.Instant lastComputed = java.time.Instant.MIN;

    public FigurePublisher(MetricsService metrics, Outbox outbox, Clock clock, FigureStream stream, FactChanges changes,
                           @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mash.metrics.recompute-every",
                                   defaultValue = "60s") java.time.Duration recomputeEvery) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.clock = clock;
        this.stream = stream;
        this.changes = changes;
        this.recomputeEvery = recomputeEvery;
    }

    /**
     * Each interval: recomputes the current financial year's figures if a fact changed since the last time, or
     * at least every {@code mash.metrics.recompute-every} (the backlog's overdue count moves with the clock alone).
     */
    @Scheduled(every = "${mash.metrics.publish-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishChanged() throws Throwable {
        java.time.Instant now = clock.instant();
        boolean changed = changes.take();
        if (!changed && now.isBefore(lastComputed.plus(recomputeEvery))) {
            return;
        }
        try {
            publishIfChanged(Period.currentFinancialYear(clock));
            lastComputed = now;
        } catch (Throwable e) {
            changes.changed();
            throw e;
        }
    }

    /** Publishes the figures of {@code period} if they differ from those last published; true if published. */
    public boolean publishIfChanged(Period period) throws Throwable {
        MetricsEvents.FiguresUpdatedV1 published = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> metrics.count(period)
                .chain(figures -> PublicationState.<PublicationState>findById(period.label())
                        .chain(state -> publishIfChanged(period, figures, state)))));
        if (published == null) {
            return false;
        }
        // committed: dashboards on the Server-Sent Events stream get the same update
        stream.published(published);
        return true;
    }

    private Uni<MetricsEvents.FiguresUpdatedV1> publishIfChanged(Period period, List<Figure> figures, PublicationState state) {
        String hash = hash(figures);
        if (state != null && hash.equals(state.lastPublishedHash)) {
            return Uni.createFrom().nullItem();
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        MetricsEvents.FiguresUpdatedV1 data = new MetricsEvents.FiguresUpdatedV1(MetricsEvents.PeriodV1.of(period), now, figures);
        PublicationState next = state != null ? state : new PublicationState();
        next.periodLabel = period.label();
        next.lastPublishedHash = hash;
        next.lastPublishedAt = now;
        Uni<PublicationState> save = state != null ? Uni.createFrom().item(next) : next.<PublicationState>persist();
        return outbox.publish(MetricsEvents.TOPIC, period.label(), MetricsEvents.FIGURES_UPDATED, period.label(), data)
                .chain(() -> save)
                .invoke(() -> LOG.infof("figures of %s changed; published", period.label()))
                .replaceWith(data);
    }

    /**
     * A hash of what the figures say (not of when they were computed). The age of the oldest open contact grows
     * with the clock alone, so it is left out: it is published with the next real change.
     */
    static String hash(List<Figure> figures) {
        StringBuilder text = new StringBuilder();
        for (Figure f : figures) {
            if (MetricDefinitions.BACKLOG_OLDEST_HOURS.equals(f.id())) {
                continue;
            }
            text.append(f.id()).append('/').append(f.group()).append('=').append(f.value()).append(';').append(f.numerator()).append('/')
                    .append(f.denominator()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

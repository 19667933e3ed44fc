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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.mash.metrics.domain.Figure;
import org.mash.metrics.domain.MetricDefinitions;
import org.mash.metrics.domain.Period;
import org.mash.metrics.domain.PublicationPolicy;
import org.mash.metrics.events.MetricsEvents;
import org.mash.metrics.repository.PublicationState;
import org.mash.platform.cluster.ClusterLock;
import org.mash.platform.freshness.Freshness;
import org.mash.platform.outbox.Outbox;

/**
 * Publishes the figures of the current financial year for dashboards when they have changed since last
 * published. Runs once per interval, so many input events give at most one {@code figures-updated} event
 * per interval (coalescing). The event and the record of what was published commit together. While the service
 * catches up on a backlog of events the figures are held ({@link PublicationPolicy}): mid-backlog figures are of no
 * real moment, and computing them would slow the catching up.
 */
@ApplicationScoped
public class FigurePublisher {

    private static final Logger LOG = Logger.getLogger(FigurePublisher.class);

    private final MetricsService metrics;
    private final Outbox outbox;
    private final Clock clock;
    private final FactChanges changes;
    private final Freshness freshness;
    private final PublicationPolicy policy;
    private Instant lastComputed = Instant.MIN;
    private boolean catchingUp;

    public FigurePublisher(MetricsService metrics, Outbox outbox, Clock clock, FactChanges changes, Freshness freshness,
                           MetricsConfig config) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.clock = clock;
        this.changes = changes;
        this.freshness = freshness;
        this.policy = new PublicationPolicy(config.recomputeEvery(), config.catchUpLag(), config.maxHoldWhileCatchingUp());
    }

    /**
     * Each interval, recomputes the current financial year's figures when {@link PublicationPolicy} says so: a fact
     * changed, or {@code mash.metrics.recompute-every} passed; held while the consumers catch up on a backlog.
     */
    @Scheduled(every = "${mash.metrics.publish-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishChanged() throws Throwable {
        Instant now = clock.instant();
        PublicationPolicy.Decision decision = policy.decide(now, changes.pending(), lastComputed, this::eventsBehind);
        if (decision != PublicationPolicy.Decision.COMPUTE) {
            return;
        }
        changes.take();
        try {
            if (publishIfChanged(Period.currentFinancialYear(clock)) == Publication.SKIPPED) {
                // another instance is publishing from a snapshot that may predate this instance's facts: look again
                changes.changed();
                return;
            }
            lastComputed = now;
        } catch (Throwable e) {
            changes.changed();
            throw e;
        }
    }

    /** The events the consumers are behind (0 if not known), logging when catching up starts and ends. */
    private long eventsBehind() {
        long behind = freshness.eventsBehind().orElse(0);
        boolean now = policy.catchingUp(behind);
        if (now != catchingUp) {
            catchingUp = now;
            if (now) {
                LOG.infof("catching up: %d events behind; figures are recomputed at most every %s until caught up",
                        behind, policy.maxHold());
            } else {
                LOG.infof("caught up (%d events behind): figures are recomputed as facts change", behind);
            }
        }
        return behind;
    }

    /** What one publication run did. */
    public enum Publication { PUBLISHED, UNCHANGED, SKIPPED }

    /**
     * Publishes the figures of {@code period} if they differ from those last published. One instance at a time
     * ({@link ClusterLock#FIGURE_PUBLISHER}): another's run answers {@link Publication#SKIPPED}.
     */
    public Publication publishIfChanged(Period period) throws Throwable {
        long started = System.nanoTime();
        Optional<MetricsEvents.FiguresUpdatedV1> published = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                ClusterLock.FIGURE_PUBLISHER.ifHeld(() -> metrics.count(period)
                        .chain(figures -> PublicationState.<PublicationState>findById(period.label())
                                .chain(state -> publishIfChanged(period, figures, state)))
                        .map(Optional::ofNullable), null)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (published == null) {
            LOG.debugf("figures of %s not computed: another instance is publishing", period.label());
            return Publication.SKIPPED;
        }
        if (published.isEmpty()) {
            LOG.debugf("figures of %s unchanged (computed in %d ms)", period.label(), millis);
            return Publication.UNCHANGED;
        }
        // committed: the event reaches the dashboards of every instance through mash.metrics.v1 (FigureFeed)
        LOG.infof("figures of %s changed; published (computed in %d ms)", period.label(), millis);
        return Publication.PUBLISHED;
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

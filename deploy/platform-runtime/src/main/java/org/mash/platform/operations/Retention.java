package org.mash.platform.operations;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.mash.platform.cluster.ClusterLock;

/**
 * Keeps the plumbing tables from growing without bound, on one instance at a time ({@link ClusterLock#RETENTION}):
 * events published longer ago than {@code mash.outbox.retention} (default 7 days), inbox ids older than
 * {@code mash.inbox.retention} (default 30 days: far beyond any redelivery, which comes from offsets not yet
 * committed, seconds old) and dead letters resolved longer ago than {@code mash.dead-letters.retention} (default
 * 90 days). Never an event not yet published, a parked one, or an open dead letter. Deletes in chunks of
 * {@value #CHUNK} rows, so no run holds long locks.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final int CHUNK = 10_000;
    private static final int MAX_CHUNKS_PER_RUN = 50;

    private final Clock clock;
    private final Duration outbox;
    private final Duration inbox;
    private final Duration deadLetters;

    public Retention(Clock clock,
                     @ConfigProperty(name = "mash.outbox.retention", defaultValue = "P7D") Duration outbox,
                     @ConfigProperty(name = "mash.inbox.retention", defaultValue = "P30D") Duration inbox,
                     @ConfigProperty(name = "mash.dead-letters.retention", defaultValue = "P90D") Duration deadLetters) {
        this.clock = clock;
        this.outbox = outbox;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
    }

    @Scheduled(every = "${mash.retention.interval:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return prune().replaceWithVoid();
    }

    /** One pruning run; answers how many rows went, or -1 if another instance was pruning. */
    public Uni<Long> prune() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> ClusterLock.RETENTION.ifHeld(() -> chunks(
                        "delete from outbox_event where id in (select id from outbox_event where published_at < ?1 limit "
                                + CHUNK + ")", now.minus(outbox), 0, 0L)
                        .chain(n -> chunks("delete from processed_event where ctid in (select ctid from processed_event "
                                + "where processed_at < ?1 limit " + CHUNK + ")", now.minus(inbox), 0, n))
                        .chain(n -> chunks("delete from dead_letter where id in (select id from dead_letter "
                                + "where status <> 'OPEN' and resolved_at < ?1 limit " + CHUNK + ")", now.minus(deadLetters), 0, n)),
                -1L))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("pruned %d row(s) past their retention (outbox %s, inbox %s, dead letters %s)", n, outbox,
                                inbox, deadLetters);
                    }
                });
    }

    private Uni<Long> chunks(String delete, OffsetDateTime before, int chunk, long total) {
        if (chunk >= MAX_CHUNKS_PER_RUN) {
            return Uni.createFrom().item(total);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(delete).setParameter(1, before).executeUpdate())
                .chain(deleted -> deleted < CHUNK ? Uni.createFrom().item(total + deleted)
                        : chunks(delete, before, chunk + 1, total + deleted));
    }
}

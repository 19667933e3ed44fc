package org.mash.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.platform.problem.ProblemException;

/**
 * Events Kafka refused for good ({@link OutboxRelay}), as operators see and settle them: retry one once the cause is
 * mended (the relay takes it again, in its place before its key's later events), or discard it with a reason (it is
 * never sent; the key's later events go on).
 */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);
    private static final String PARKED = "parkedAt is not null and publishedAt is null and discardedAt is null";

    private final Clock clock;

    public ParkedEvents(Clock clock) {
        this.clock = clock;
    }

    /** A parked event, and how many later events of its key wait behind it. */
    public record Parked(OutboxEvent event, long waitingBehind) {
    }

    public Uni<List<Parked>> list(int page, int size) {
        return Panache.withSession(() -> OutboxEvent.<OutboxEvent>find(PARKED, Sort.ascending("seq"))
                .page(Page.of(page, size)).list()
                .chain(rows -> {
                    Uni<List<Parked>> all = Uni.createFrom().item(new java.util.ArrayList<>());
                    for (OutboxEvent row : rows) {
                        all = all.chain(list -> OutboxEvent.count("publishedAt is null and discardedAt is null "
                                + "and topic = ?1 and messageKey = ?2 and seq > ?3", row.topic, row.messageKey, row.seq)
                                .map(n -> {
                                    list.add(new Parked(row, n));
                                    return list;
                                }));
                    }
                    return all;
                }));
    }

    public Uni<Long> count() {
        return Panache.withSession(() -> OutboxEvent.count(PARKED));
    }

    /** Puts a parked event back in line; the relay sends it at its next run. */
    public Uni<OutboxEvent> retry(UUID id, String operator) {
        return settle(id, "parkedAt = null, attempts = 0", operator, "retried");
    }

    /** Drops a parked event for good, with who and why; its key's later events go on. */
    public Uni<OutboxEvent> discard(UUID id, String operator, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return Panache.withTransaction(() -> OutboxEvent.update("discardedAt = ?1, discardedBy = ?2, discardReason = ?3 where id = ?4 and "
                        + PARKED, now, operator, reason, id))
                .chain(updated -> settled(id, updated, operator, "discarded (" + reason + ")"));
    }

    private Uni<OutboxEvent> settle(UUID id, String set, String operator, String what) {
        return Panache.withTransaction(() -> OutboxEvent.update(set + " where id = ?1 and " + PARKED, id))
                .chain(updated -> settled(id, updated, operator, what));
    }

    private Uni<OutboxEvent> settled(UUID id, int updated, String operator, String what) {
        if (updated == 0) {
            return Uni.createFrom().failure(ProblemException.notFound("no parked event " + id));
        }
        LOG.infof("%s %s parked event %s", operator, what, id);
        return Panache.withSession(() -> OutboxEvent.<OutboxEvent>findById(id));
    }
}

package org.mash.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.mash.platform.correlation.CorrelationId;
import org.mash.platform.events.CloudEvent;
import org.mash.platform.events.MalformedEventException;

/**
 * Idempotent, lossless consumption: runs a handler once per event id and consumer, in its own transaction,
 * recording the id in the same transaction as the handler's effect. A record that is not a valid event
 * ({@link MalformedEventException}), or whose data the database can never take as it is (SQLSTATE class 22),
 * fails at once, so the connector sends it to the dead-letter topic, where it is kept to be replayed; any other
 * failure (database down, a conflict) is retried with backoff, for as long as it takes, and the consumer does
 * not move past the event meanwhile: nothing is skipped.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private final Clock clock;

    public Inbox(Clock clock) {
        this.clock = clock;
    }

    /**
     * Parses the record value as a CloudEvent, takes its correlation id into the log context and, the first
     * time this consumer sees the event id, applies {@code handler}. A repeated delivery has no effect.
     */
    public Uni<Void> handleOnce(String consumer, String recordValue, Function<CloudEvent, Uni<Void>> handler) {
        CloudEvent event = CloudEvent.parse(recordValue);
        CorrelationId.set(event.correlationid());
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> firstDelivery(consumer, event).chain(first -> {
                    if (!first) {
                        LOG.debugf("%s already processed event %s (%s)", consumer, event.id(), event.type());
                        return Uni.createFrom().voidItem();
                    }
                    return handler.apply(event);
                })))
                .runSubscriptionOn(onContext)
                .onFailure(Inbox::retryable).invoke(failure -> LOG.warnf("%s could not apply event %s (%s), retrying: %s",
                        consumer, event.id(), event.type(), failure.toString()))
                .onFailure(Inbox::retryable).retry().withBackOff(FIRST_RETRY, MAX_RETRY).indefinitely()
                .onFailure().invoke(failure -> LOG.errorf("%s cannot apply event %s (%s); it goes to the dead-letter topic: %s",
                        consumer, event.id(), event.type(), failure.toString()));
    }

    /**
     * Worth another try: the database, the network or a lock will come back. Not worth it, so the event goes to
     * the dead-letter topic (kept there, to be replayed once fixed) instead of stopping the partition for good:
     * a malformed event, and data the database can never take as it is (SQLSTATE class 22, "data exception":
     * a value too long, out of range, or not valid for its type).
     */
    static boolean retryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MalformedEventException) {
                return false;
            }
            if (t instanceof io.vertx.sqlclient.DatabaseException db && db.getSqlState() != null && db.getSqlState().startsWith("22")) {
                return false;
            }
        }
        return true;
    }

    private Uni<Boolean> firstDelivery(String consumer, CloudEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into processed_event (event_id, consumer, event_type, processed_at) "
                                + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, event.id())
                .setParameter(2, consumer)
                .setParameter(3, event.type())
                .setParameter(4, OffsetDateTime.now(clock))
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }
}

package org.mash.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.mash.platform.correlation.CorrelationId;
import org.mash.platform.events.CloudEvent;
import org.mash.platform.events.EventContracts;
import org.mash.platform.events.MalformedEventException;
import org.mash.platform.failure.Failures;

/**
 * Idempotent consumption that never stops: runs a consumer's handler once per event id, in its own transaction,
 * recording the id in the same transaction as the handler's effect.
 *
 * <ul>
 *   <li>A record that is not an event, or whose data breaks the published contract of its type
 *       ({@link EventContracts}), is set aside at once: it goes to the consumer's dead-letter topic.</li>
 *   <li>A transient failure ({@link Failures}: the database down or restarting, a lost connection, a deadlock, a
 *       serialization failure, a lock timeout) is retried with backoff for as long as it takes; the consumer does not
 *       move past the event meanwhile, so nothing is skipped. The connector's acknowledgement timeout is off
 *       ({@code throttled.unprocessed-record-max-age.ms=0}), so a long outage does not close the channel.</li>
 *   <li>Any other failure is tried {@code mash.inbox.max-attempts} times in all, then set aside with its reason, and
 *       consumption goes on. Before giving up the database is asked {@code select 1}: if it does not answer, the
 *       failure was the outage in disguise and is retried as transient.</li>
 * </ul>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration maxRetry;

    public Inbox(Clock clock,
                 @ConfigProperty(name = "mash.inbox.max-attempts", defaultValue = "3") int maxAttempts,
                 @ConfigProperty(name = "mash.inbox.first-retry", defaultValue = "PT0.5S") Duration firstRetry,
                 @ConfigProperty(name = "mash.inbox.max-retry", defaultValue = "PT30S") Duration maxRetry) {
        this.clock = clock;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /** What a replay of a dead letter did. */
    public enum Replayed { APPLIED, ALREADY_APPLIED, NOT_HANDLED }

    /**
     * Parses the record value as a CloudEvent, checks it against its contract, takes its correlation id into the log
     * context and, the first time this consumer sees the event id, applies it. A repeated delivery has no effect.
     * Fails only when the record is to be set aside (dead-lettered).
     */
    public Uni<Void> handleOnce(EventConsumer consumer, String recordValue) {
        CloudEvent event;
        try {
            event = receive(consumer, recordValue);
        } catch (MalformedEventException e) {
            LOG.errorf("%s sets aside a record that is not a valid event; it goes to the dead-letter topic: %s",
                    consumer.name(), e.getMessage());
            return Uni.createFrom().failure(e);
        }
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return attempt(consumer, event, onContext, 1, 1);
    }

    /**
     * Applies a dead letter once more, now, without retrying: the operator sees at once whether the cause is mended.
     * Fails with the reason if it still cannot be applied.
     */
    public Uni<Replayed> replay(EventConsumer consumer, String recordValue) {
        CloudEvent event = receive(consumer, recordValue);
        if (event == null) {
            return Uni.createFrom().item(Replayed.NOT_HANDLED);
        }
        return applyOnce(consumer, event).map(first -> first ? Replayed.APPLIED : Replayed.ALREADY_APPLIED);
    }

    /** The event in the record, checked against its contract; null if the consumer does not act on its type. */
    static CloudEvent receive(EventConsumer consumer, String recordValue) {
        if (recordValue == null) {
            throw new MalformedEventException("an empty record (no value)");
        }
        com.fasterxml.jackson.databind.JsonNode tree = CloudEvent.readTree(recordValue);
        List<EventContracts.Violation> envelope = EventContracts.violations(EventContracts.ENVELOPE, tree);
        if (!envelope.isEmpty()) {
            throw new MalformedEventException("not a valid event envelope: "
                    + envelope.stream().limit(10).map(v -> v.path() + " " + v.message()).toList());
        }
        CloudEvent event = CloudEvent.fromTree(tree);
        CorrelationId.set(CorrelationId.opaque(event.correlationid())); // an event's own id only if it is opaque
        if (!consumer.handles(event.type())) {
            return null;
        }
        List<EventContracts.Violation> violations = EventContracts.violations(event.type(), event.data());
        if (!violations.isEmpty()) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") breaks its contract: "
                    + violations.stream().limit(10).map(v -> v.path() + " " + v.message()).toList());
        }
        return event;
    }

    private Uni<Void> attempt(EventConsumer consumer, CloudEvent event, Executor onContext, int attempt, int permanentTries) {
        return Uni.createFrom().deferred(() -> applyOnce(consumer, event)).runSubscriptionOn(onContext).replaceWithVoid()
                .onFailure().recoverWithUni(failure -> kindOf(failure, onContext).chain(kind -> {
                    if (kind == Failures.Kind.TRANSIENT) {
                        if (attempt == 1 || attempt % 10 == 0) {
                            LOG.warnf("%s cannot apply event %s (%s) for now (attempt %d), retrying until it can: %s",
                                    consumer.name(), event.id(), event.type(), attempt, Failures.reason(failure));
                        }
                        return later(attempt).chain(() -> attempt(consumer, event, onContext, attempt + 1, permanentTries));
                    }
                    if (permanentTries < maxAttempts) {
                        LOG.warnf("%s could not apply event %s (%s) (try %d of %d): %s", consumer.name(), event.id(),
                                event.type(), permanentTries, maxAttempts, Failures.reason(failure));
                        return later(permanentTries).chain(() -> attempt(consumer, event, onContext, attempt + 1, permanentTries + 1));
                    }
                    String reason = Failures.reason(failure);
                    LOG.errorf("%s sets aside event %s (%s) after %d tries; it goes to the dead-letter topic: %s",
                            consumer.name(), event.id(), event.type(), permanentTries, reason);
                    return Uni.createFrom().failure(new SetAsideException(
                            "not applied after " + permanentTries + " tries: " + reason, failure));
                }));
    }

    /** Transient or not; a failure that looks permanent while the database does not answer is the outage itself. */
    private Uni<Failures.Kind> kindOf(Throwable failure, Executor onContext) {
        if (Failures.isTransient(failure)) {
            return Uni.createFrom().item(Failures.Kind.TRANSIENT);
        }
        return Uni.createFrom().deferred(() -> Panache.withSession(() -> Panache.getSession().chain(session ->
                        session.createNativeQuery("select 1").getSingleResult())))
                .runSubscriptionOn(onContext)
                .ifNoItem().after(PROBE_TIMEOUT).fail()
                .map(answered -> Failures.Kind.PERMANENT)
                .onFailure().recoverWithItem(Failures.Kind.TRANSIENT);
    }

    private Uni<Void> later(int attempt) {
        long millis = Math.min(maxRetry.toMillis(), firstRetry.toMillis() * (1L << Math.min(attempt - 1, 16)));
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(millis));
    }

    /** One transaction: the event id, then the handler; false if this consumer had applied the event already. */
    private Uni<Boolean> applyOnce(EventConsumer consumer, CloudEvent event) {
        return Panache.withTransaction(() -> firstDelivery(consumer.name(), event).chain(first -> {
            if (!first) {
                LOG.debugf("%s already processed event %s (%s)", consumer.name(), event.id(), event.type());
                return Uni.createFrom().item(false);
            }
            return consumer.apply(event).replaceWith(true);
        }));
    }

    private Uni<Boolean> firstDelivery(String consumer, CloudEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into processed_event (event_id, consumer, event_type, processed_at, event_time) "
                                + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, event.id())
                .setParameter(2, consumer)
                .setParameter(3, event.type())
                .setParameter(4, OffsetDateTime.now(clock))
                .setParameter(5, event.time())
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /** A record given up on: its message is the reason the dead letter carries ({@code dead-letter-reason}). */
    public static class SetAsideException extends RuntimeException {
        public SetAsideException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

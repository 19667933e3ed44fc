package org.mash.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.mash.platform.correlation.CorrelationId;
import org.mash.platform.events.CloudEvent;

/**
 * Idempotent consumption: runs a handler once per event id and consumer, recording the id in the same
 * transaction as the handler's effect. Call it from a {@code @WithTransaction} consumer method.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
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
        return firstDelivery(consumer, event).chain(first -> {
            if (!first) {
                LOG.debugf("%s already processed event %s (%s)", consumer, event.id(), event.type());
                return Uni.createFrom().voidItem();
            }
            return handler.apply(event);
        });
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

package org.mash.platform.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mash.platform.correlation.CorrelationId;
import org.mash.platform.events.CloudEvent;
import org.mash.platform.events.EventContracts;

/**
 * Records an event to publish. Call it inside the transaction that makes the change: the event is then
 * committed with the change or not at all, and {@link OutboxRelay} delivers it to Kafka even if the broker
 * is down at that moment or the service stops right after answering. The event is checked against its published
 * schema first ({@link EventContracts}): an event that breaks the contract fails the change instead of reaching a
 * consumer that would have to set it aside.
 */
@ApplicationScoped
public class Outbox {

    private final String source;
    private final Clock clock;

    public Outbox(@ConfigProperty(name = "mash.events.source") String source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * @param topic   the Kafka topic, e.g. {@code mash.contacts.v1}
     * @param key     the record key: the contact id, so all events of one contact stay in order
     * @param type    the CloudEvents type, ending in its major version
     * @param subject what the event is about (an id, never personal data)
     * @param data    the event data, serialised as JSON
     */
    public Uni<CloudEvent> publish(String topic, String key, String type, String subject, Object data) {
        java.util.List<EventContracts.Violation> violations = EventContracts.violations(type, data);
        if (!violations.isEmpty()) {
            // a bug of this service, not of the caller: refuse the change rather than send consumers a poison record
            return Uni.createFrom().failure(new IllegalStateException("event " + type + " about " + subject
                    + " breaks its published contract, nothing is written: " + violations));
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        CloudEvent event = CloudEvent.create(type, source, subject, now, data, CorrelationId.current());
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.fromString(event.id());
        row.topic = topic;
        row.messageKey = key;
        row.type = type;
        row.payload = event.toJson();
        row.correlationId = event.correlationid();
        row.createdAt = now;
        return row.persist().replaceWith(event);
    }
}

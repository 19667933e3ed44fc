package org.mash.platform.deadletter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.mash.platform.events.CloudEvent;

/**
 * Copies each record of this service's dead-letter topic ({@code mash.<service>.dlq}, channel {@value #CHANNEL}) into
 * {@code dead_letter}, with the reason the connector wrote into its headers, so operators can list and replay them
 * ({@link DeadLetters}). Logs a warning for each. Never gives up on a record: it only inserts, once (keyed by the
 * dead-letter topic, partition and offset), and a failure (the database down) is retried until it goes in.
 */
@ApplicationScoped
public class DeadLetterIndexer {

    public static final String CHANNEL = "dead-letters";
    private static final Logger LOG = Logger.getLogger(DeadLetterIndexer.class);

    @Incoming(CHANNEL)
    public Uni<Void> index(ConsumerRecord<String, byte[]> record) {
        String reason = header(record, "dead-letter-reason");
        LOG.warnf("dead letter: a record of %s (partition %s, offset %s, key %s) was set aside: %s",
                header(record, "dead-letter-topic"), header(record, "dead-letter-partition"),
                header(record, "dead-letter-offset"), clean(record.key(), 200), reason);
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> insert(record)))
                .runSubscriptionOn(onContext)
                .onFailure().invoke(e -> LOG.warnf("cannot record dead letter %s/%d/%d yet, retrying: %s",
                        record.topic(), record.partition(), record.offset(), e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely();
    }

    private Uni<Void> insert(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = eventIn(record);
        String eventId = event == null ? null : clean(event.id(), 200);
        String eventType = event == null ? null : clean(event.type(), 200);
        String reason = header(record, "dead-letter-reason");
        OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC);
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into dead_letter (id, dlq_topic, dlq_partition, dlq_offset, original_topic, original_partition, "
                                + "original_offset, message_key, event_id, event_type, value, reason, cause, dead_lettered_at, status) "
                                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'OPEN') "
                                + "on conflict (dlq_topic, dlq_partition, dlq_offset) do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, record.topic())
                .setParameter(3, record.partition())
                .setParameter(4, record.offset())
                .setParameter(5, clean(header(record, "dead-letter-topic"), 200))
                .setParameter(6, integer(header(record, "dead-letter-partition")))
                .setParameter(7, longValue(header(record, "dead-letter-offset")))
                .setParameter(8, clean(record.key(), 200))
                .setParameter(9, eventId)
                .setParameter(10, eventType)
                .setParameter(11, record.value() == null ? new byte[0] : record.value())
                .setParameter(12, reason == null ? "no reason given" : clean(reason, 4000))
                .setParameter(13, clean(header(record, "dead-letter-cause"), 4000))
                .setParameter(14, at)
                .executeUpdate()).replaceWithVoid();
    }

    /** The event in a dead letter, if it is one (the reason says why it may not be). */
    private static CloudEvent eventIn(ConsumerRecord<String, byte[]> record) {
        try {
            return CloudEvent.parse(new String(record.value(), StandardCharsets.UTF_8));
        } catch (RuntimeException notAnEvent) {
            return null;
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Text a column can hold: no control characters (a NUL is what set some records aside), at most {@code max} long. */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String plain = text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "?");
        return plain.length() > max ? plain.substring(0, max) : plain;
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String text) {
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package org.mash.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.mash.platform.correlation.CorrelationId;
import org.mash.platform.events.CloudEvent;

/**
 * Relays committed outbox rows to Kafka in commit order, a batch at a time, pipelined, and waits for the
 * broker's acknowledgement of each. A row is marked published only once acknowledged, and only up to the
 * first failure in the batch; the rest is retried on the next tick. Delivery is at least once: consumers
 * de-duplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "mash-events-out";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final java.time.Duration SEND_TIMEOUT = java.time.Duration.ofSeconds(60);

    @Inject
    @Channel(CHANNEL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    MutinyEmitter<String> emitter;

    @Inject
    Clock clock;

    @ConfigProperty(name = "mash.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @Scheduled(every = "${mash.outbox.interval:0.1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayPending() throws Throwable {
        relay();
    }

    /** Publishes what is pending now; returns how many events were acknowledged by Kafka. */
    public int relay() throws Throwable {
        List<OutboxEvent> pending = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                OutboxEvent.<OutboxEvent>find("publishedAt is null order by seq").page(0, batchSize).list()));
        if (pending.isEmpty()) {
            return 0;
        }
        // Send the whole batch pipelined, in commit order (the producer keeps per-partition order: idempotence on),
        // then wait for every acknowledgement.
        List<Uni<String>> sends = new ArrayList<>();
        for (OutboxEvent row : pending) {
            sends.add(emitter.sendMessage(toMessage(row)).map(ignored -> (String) null)
                    .onFailure().recoverWithItem(e -> String.valueOf(e.getMessage())));
        }
        List<String> errors = Uni.join().all(sends).andCollectFailures().await().atMost(SEND_TIMEOUT);
        // Only the prefix up to the first failure counts as published, so a retry never lets a later event of a
        // contact overtake an earlier one for good (a later one already sent may arrive twice: consumers de-duplicate).
        List<UUID> published = new ArrayList<>();
        OutboxEvent failed = null;
        String error = null;
        for (int i = 0; i < pending.size(); i++) {
            if (errors.get(i) != null) {
                failed = pending.get(i);
                error = errors.get(i);
                LOG.warnf("Kafka did not acknowledge event %s (%s) to %s, will retry: %s", failed.id, failed.type,
                        failed.topic, error);
                break;
            }
            published.add(pending.get(i).id);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID failedId = failed == null ? null : failed.id;
        String failure = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Uni<Integer> marked = published.isEmpty() ? Uni.createFrom().item(0)
                    : OutboxEvent.update("publishedAt = ?1 where id in ?2", now, published);
            return failedId == null ? marked : marked.chain(n -> OutboxEvent.update(
                    "attempts = attempts + 1, lastError = ?1 where id = ?2", failure, failedId));
        }));
        return published.size();
    }

    private static Message<String> toMessage(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        if (row.correlationId != null) {
            headers.add(CorrelationId.KAFKA_HEADER, row.correlationId.getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .withHeaders(headers)
                .build();
        return Message.of(row.payload).addMetadata(metadata);
    }
}

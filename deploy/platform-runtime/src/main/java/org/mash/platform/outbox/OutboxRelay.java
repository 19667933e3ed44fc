package org.mash.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.mash.platform.cluster.ClusterLock;
import org.mash.platform.correlation.CorrelationId;
import org.mash.platform.events.CloudEvent;
import org.mash.platform.failure.Failures;

/**
 * Relays committed outbox rows to Kafka in commit order ({@code seq}, numbered at commit) and marks each published
 * once the broker acknowledges it. Delivery is at least once: consumers de-duplicate by event id.
 *
 * <ul>
 *   <li><b>One relay at a time across instances.</b> Each run holds {@link ClusterLock#OUTBOX_RELAY} for its
 *       transaction; another instance's run skips. If the holder dies its lock goes with its connection.</li>
 *   <li><b>In order per key, in parallel across keys.</b> A batch is split by topic and key; a key's events are sent
 *       one after the other, each only once the one before is acknowledged, and the first failure stops the rest of
 *       that key for this run. Different keys go side by side.</li>
 *   <li><b>Never blocked by one event.</b> An event Kafka refuses for good (too large, a topic the service may not
 *       write: {@link #refusedForGood}) is parked with its error; later events of its key wait behind it (order per
 *       contact is kept), every other key goes on. Operators see parked events beside dead letters and retry or
 *       discard them. A broker outage is not a refusal: those events are retried each run.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "mash-events-out";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_BATCHES_PER_RUN = 20;

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
        for (int i = 0; i < MAX_BATCHES_PER_RUN && relay() == batchSize; i++) {
            // a full batch: more is waiting, go on without waiting for the next tick
        }
    }

    /** Publishes one batch of what is pending now, if no other instance is relaying; returns how many Kafka acknowledged. */
    public int relay() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                ClusterLock.OUTBOX_RELAY.ifHeld(this::relayHoldingTheLock, 0)));
    }

    private Uni<Integer> relayHoldingTheLock() {
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return OutboxEvent.<OutboxEvent>find("from OutboxEvent o where o.publishedAt is null and o.parkedAt is null "
                        + "and o.discardedAt is null and o.seq is not null and not exists (select 1 from OutboxEvent p "
                        + "where p.parkedAt is not null and p.publishedAt is null and p.discardedAt is null "
                        + "and p.topic = o.topic and p.messageKey = o.messageKey and p.seq < o.seq) order by o.seq")
                .page(0, batchSize).list()
                .chain(pending -> pending.isEmpty() ? Uni.createFrom().item(0)
                        : send(pending).emitOn(onContext).chain(outcome -> record(pending, outcome)));
    }

    /** What Kafka said to one run: the events acknowledged, and the first failure of each key that had one. */
    record Outcome(List<UUID> acknowledged, Map<UUID, Throwable> failed) {
    }

    private Uni<Outcome> send(List<OutboxEvent> pending) {
        Map<String, List<OutboxEvent>> byKey = new LinkedHashMap<>();
        for (OutboxEvent row : pending) {
            byKey.computeIfAbsent(row.topic + '\u0000' + row.messageKey, k -> new ArrayList<>()).add(row);
        }
        Map<UUID, Boolean> acknowledged = new ConcurrentHashMap<>();
        Map<UUID, Throwable> failed = new ConcurrentHashMap<>();
        List<Uni<Void>> chains = new ArrayList<>();
        for (List<OutboxEvent> rows : byKey.values()) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (OutboxEvent row : rows) {
                chain = chain.chain(() -> emitter.sendMessage(toMessage(row))
                        .invoke(() -> acknowledged.put(row.id, true))
                        .onFailure().invoke(e -> failed.put(row.id, e)));
            }
            // the first failure ends this key's run; the others go on
            chains.add(chain.onFailure().recoverWithNull().replaceWithVoid());
        }
        return Uni.join().all(chains).andCollectFailures()
                .ifNoItem().after(RUN_TIMEOUT).recoverWithItem(List.of())
                .map(done -> new Outcome(pending.stream().map(r -> r.id).filter(acknowledged::containsKey).toList(),
                        Map.copyOf(failed)));
    }

    private Uni<Integer> record(List<OutboxEvent> pending, Outcome outcome) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Uni<Integer> marked = outcome.acknowledged().isEmpty() ? Uni.createFrom().item(0)
                : OutboxEvent.update("publishedAt = ?1 where id in ?2", now, outcome.acknowledged());
        for (OutboxEvent row : pending) {
            Throwable failure = outcome.failed().get(row.id);
            if (failure == null) {
                continue;
            }
            boolean park = refusedForGood(failure);
            String error = Failures.reason(failure);
            if (park) {
                LOG.errorf("Kafka refuses event %s (%s) to %s for good; parked, later events of key %s wait behind it "
                        + "until an operator retries or discards it: %s", row.id, row.type, row.topic, row.messageKey, error);
            } else if (row.attempts == 0 || (row.attempts + 1) % 50 == 0) {
                LOG.warnf("Kafka did not acknowledge event %s (%s) to %s (attempt %d), will retry: %s", row.id, row.type,
                        row.topic, row.attempts + 1, error);
            }
            marked = marked.chain(n -> OutboxEvent.update("attempts = attempts + 1, lastError = ?1, parkedAt = ?2 where id = ?3",
                    error.length() > 1000 ? error.substring(0, 1000) : error, park ? now : null, row.id).replaceWith(n));
        }
        return marked.replaceWith(outcome.acknowledged().size());
    }

    /**
     * Kafka's answers that no retry changes: the record is larger than the broker or producer accept, the service may
     * not write the topic, the topic name is invalid, the record cannot be serialised. Retriable errors (a broker
     * down, a leader moving, a timeout) are not among them.
     */
    static boolean refusedForGood(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.RetriableException) {
                return false;
            }
            if (t instanceof org.apache.kafka.common.errors.RecordTooLargeException
                    || t instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException
                    || t instanceof org.apache.kafka.common.errors.AuthorizationException
                    || t instanceof org.apache.kafka.common.errors.InvalidTopicException
                    || t instanceof org.apache.kafka.common.errors.SerializationException
                    || t instanceof org.apache.kafka.common.InvalidRecordException) {
                return true;
            }
        }
        return false;
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

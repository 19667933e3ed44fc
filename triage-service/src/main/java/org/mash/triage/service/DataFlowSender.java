package org.mash.triage.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.triage.repository.DataFlowBatch;
import org.mash.triage.repository.DataFlowChild;

/**
 * Sends the data flow's queued calls to the department, one at a time and in order (a child's later change never
 * overtakes an earlier one): accepted (200), the receipts are kept and the payload cleared; refused for good (400,
 * 413: the data must be mended), the call is marked refused and its children are sent whole at the next run; anything
 * else (401, 403, 429, 5xx, the network) is tried again, waiting 10 s, then twice as long each time, to at most an hour,
 * until it is accepted. Several instances share the work through a lease on the call at the head of the queue. Logs
 * say which call and what status, never its data.
 */
@ApplicationScoped
public class DataFlowSender {

    private static final Logger LOG = Logger.getLogger(DataFlowSender.class);
    /** Longer than one call can take (the token, then the POST, each with its timeout). */
    static final int LEASE_SECONDS = 120;

    private final TriageConfig.DataFlow config;
    private final DataFlowClient client;
    private final Clock clock;

    public DataFlowSender(TriageConfig config, DataFlowClient client, Clock clock) {
        this.config = config.dataFlow();
        this.client = client;
        this.clock = clock;
    }

    /** A claimed call: its id, payload, children and how many times it was tried before. */
    record Claimed(UUID id, String payload, String childIds, int attempts) {
    }

    @Scheduled(every = "${mash.triage.data-flow.send-interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() throws Throwable {
        if (!DataFlowRuns.missing(config).isEmpty()) {
            return;
        }
        for (int i = 0; i < 50; i++) {
            Claimed call = claimHead();
            if (call == null) {
                return;
            }
            DataFlowClient.Outcome outcome = client.send(call.payload());
            record(call, outcome);
            if (!outcome.accepted()) {
                return;
            }
        }
    }

    /**
     * The call at the head of the queue, if due: leased to this instance for {@value #LEASE_SECONDS} s (another instance
     * takes it over if this one dies before recording the outcome).
     */
    Claimed claimHead() throws Throwable {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select id from data_flow_batch where status = 'PENDING' "
                        + "order by seq limit 1 for update", UUID.class).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().<Claimed>nullItem()
                        : DataFlowBatch.<DataFlowBatch>findById(ids.get(0)).map(b -> {
                            if (b.nextAttemptAt.isAfter(now)) {
                                return null;
                            }
                            b.nextAttemptAt = now.plusSeconds(LEASE_SECONDS);
                            return new Claimed(b.id, b.payload, b.childIds, b.attempts);
                        }))));
    }

    private void record(Claimed call, DataFlowClient.Outcome outcome) throws Throwable {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                DataFlowBatch.<DataFlowBatch>findById(call.id()).chain(b -> {
                    b.attempts++;
                    if (outcome.accepted()) {
                        b.status = DataFlowBatch.SENT;
                        b.sentAt = now;
                        b.receipts = outcome.receipts();
                        b.payload = null;
                        b.lastError = null;
                        LOG.infof("data flow call %s (%d records) accepted", b.id, b.records);
                        return Uni.createFrom().voidItem();
                    }
                    b.lastError = outcome.error();
                    if (outcome.refused()) {
                        b.status = DataFlowBatch.REFUSED;
                        LOG.warnf("data flow call %s refused for good: %s; its children go whole at the next run",
                                b.id, outcome.error());
                        return DataFlowChild.delete("laChildId in ?1", List.of(b.childIds.split(","))).replaceWithVoid();
                    }
                    b.nextAttemptAt = now.plus(backoff(b.attempts));
                    LOG.warnf("data flow call %s not accepted (%s): tried again at %s", b.id, outcome.error(), b.nextAttemptAt);
                    return Uni.createFrom().voidItem();
                })));
    }

    /** The wait after {@code attempts} failed tries: the first retry, doubling, to at most an hour. */
    Duration backoff(int attempts) {
        Duration wait = config.firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(Duration.ofHours(1)) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }
}

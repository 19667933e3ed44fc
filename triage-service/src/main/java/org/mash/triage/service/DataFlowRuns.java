package org.mash.triage.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.platform.cluster.ClusterLock;
import org.mash.platform.problem.ProblemException;
import org.mash.triage.domain.dataflow.DataFlowRecords;
import org.mash.triage.repository.DataFlowBatch;
import org.mash.triage.repository.DataFlowChild;
import org.mash.triage.repository.DataFlowRun;

/**
 * A run of the daily data flow: every child in the cohort, as {@link DataFlowRecords} makes their record, compared
 * with what was last queued for them; what changed (or the whole record, the first time), and a purge for a child
 * record that no longer exists, is queued in calls of at most 100 records for {@link DataFlowSender}. One run at a
 * time across the instances; on the schedule ({@code mash.triage.data-flow.cron}, daily overnight) and on demand.
 * Counts only are logged, never a child's data.
 */
@ApplicationScoped
public class DataFlowRuns {

    private static final Logger LOG = Logger.getLogger(DataFlowRuns.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> RECORD = new TypeReference<>() {
    };

    /** What a run queued. */
    public record Summary(UUID runId, OffsetDateTime startedAt, String trigger, int children, int records, int purged,
                          int batches) {

        static Summary of(DataFlowRun r) {
            return new Summary(r.id, r.startedAt, r.trigger, r.children, r.records, r.purged, r.batches);
        }
    }

    private final TriageRules rules;
    private final TriageConfig.DataFlow config;
    private final Clock clock;

    public DataFlowRuns(TriageRules rules, TriageConfig config, Clock clock) {
        this.rules = rules;
        this.config = config.dataFlow();
        this.clock = clock;
    }

    @Scheduled(cron = "{mash.triage.data-flow.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        if (!missing(config).isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return run("SCHEDULE", null).invoke(s -> LOG.infof("data flow run %s: %d children in the cohort, %d records "
                        + "queued (%d purged) in %d calls", s.runId(), s.children(), s.records(), s.purged(), s.batches()))
                .onFailure().invoke(e -> LOG.warnf("data flow run failed: %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** What the data flow still needs before it can run: empty when it is on and its receiver fully set. */
    public static List<String> missing(TriageConfig.DataFlow config) {
        List<String> missing = new ArrayList<>();
        if (!config.enabled()) {
            missing.add("enabled");
        }
        if (config.baseUrl().isEmpty()) {
            missing.add("base-url");
        }
        if (config.tokenUrl().isEmpty()) {
            missing.add("token-url");
        }
        if (config.clientId().isEmpty()) {
            missing.add("client-id");
        }
        if (config.clientSecret().isEmpty()) {
            missing.add("client-secret");
        }
        return missing;
    }

    /**
     * Runs now, in a transaction of its own (named here, so the schedule's call within this bean has one too); a 409
     * problem when the data flow is not configured or another run is under way.
     */
    public Uni<Summary> run(String trigger, String requestedBy) {
        List<String> missing = missing(config);
        if (!missing.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.conflict("the data flow is not configured: set "
                    + "mash.triage.data-flow." + String.join(", ", missing) + " (docs/returns.md)"));
        }
        return Panache.withTransaction(() -> queueUnderLock(trigger, requestedBy));
    }

    private Uni<Summary> queueUnderLock(String trigger, String requestedBy) {
        return ClusterLock.DATA_FLOW_RUN.tryLock().chain(held -> {
            if (!held) {
                return Uni.createFrom().failure(ProblemException.conflict("a data flow run is under way: try again shortly"));
            }
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            LocalDate today = now.atZoneSameInstant(rules.zone()).toLocalDate();
            return CensusFacts.load(now.plusSeconds(1), rules.zone())
                    .chain(children -> DataFlowChild.<DataFlowChild>listAll()
                            .chain(sent -> queue(children, sent, today, now, trigger, requestedBy)));
        });
    }

    /** The data flow's state: what it still needs, its ten latest runs (newest first), its calls by status. */
    public record State(List<String> missing, List<Summary> runs, long pending, long sent, long refused) {
    }

    @WithTransaction
    public Uni<State> state() {
        return DataFlowRun.<DataFlowRun>find("order by startedAt desc").page(0, 10).list()
                .chain(runs -> DataFlowBatch.count("status", DataFlowBatch.PENDING)
                        .chain(pending -> DataFlowBatch.count("status", DataFlowBatch.SENT)
                                .chain(sent -> DataFlowBatch.count("status", DataFlowBatch.REFUSED)
                                        .map(refused -> new State(missing(config), runs.stream().map(Summary::of).toList(),
                                                pending, sent, refused)))));
    }

    private Uni<Summary> queue(List<CensusFacts.Child> children, List<DataFlowChild> sent, LocalDate today,
                               OffsetDateTime now, String trigger, String requestedBy) {
        Map<String, DataFlowChild> previous = new HashMap<>();
        sent.forEach(s -> previous.put(s.laChildId, s));
        List<Map<String, Object>> records = new ArrayList<>();
        List<String> recordChildren = new ArrayList<>();
        List<DataFlowChild> fresh = new ArrayList<>();
        int cohort = 0;
        for (CensusFacts.Child child : children) {
            String id = child.facts().laChildId();
            DataFlowChild last = previous.remove(id);
            if (!DataFlowRecords.inCohort(child.facts(), today)) {
                continue; // left the cohort: no longer sent, never deleted; if it comes back, what changed since is sent
            }
            cohort++;
            Map<String, Object> current = DataFlowRecords.full(child.facts());
            Map<String, Object> update = DataFlowRecords.update(last == null ? null : read(last.record), current);
            if (update == null) {
                continue;
            }
            records.add(update);
            recordChildren.add(id);
            DataFlowChild snapshot = last != null ? last : new DataFlowChild();
            snapshot.laChildId = id;
            snapshot.record = write(current);
            snapshot.queuedAt = now;
            if (last == null) {
                fresh.add(snapshot);
            }
        }
        // a record sent before that is no longer a child with a referral (merged into another, or unlinked): deleted
        List<String> gone = previous.keySet().stream().sorted().toList();
        gone.forEach(id -> {
            records.add(DataFlowRecords.purged(id));
            recordChildren.add(id);
        });
        DataFlowRun run = new DataFlowRun();
        run.id = UUID.randomUUID();
        run.startedAt = now;
        run.trigger = trigger;
        run.requestedBy = requestedBy;
        run.children = cohort;
        run.records = records.size();
        run.purged = gone.size();
        List<List<Integer>> calls = DataFlowRecords.batches(
                java.util.stream.IntStream.range(0, records.size()).boxed().toList(), config.recordsPerCall());
        run.batches = calls.size();
        Uni<Void> chain = run.persist()
                .chain(() -> fresh.isEmpty() ? Uni.createFrom().voidItem() : DataFlowChild.persist(fresh))
                .chain(() -> gone.isEmpty() ? Uni.createFrom().item(0L) : DataFlowChild.delete("laChildId in ?1", gone))
                .replaceWithVoid();
        for (List<Integer> call : calls) {
            chain = chain.chain(() -> nextSeq().chain(seq -> {
                DataFlowBatch b = new DataFlowBatch();
                b.id = UUID.randomUUID();
                b.runId = run.id;
                b.seq = seq;
                b.records = call.size();
                b.childIds = String.join(",", call.stream().map(recordChildren::get).toList());
                b.payload = write(call.stream().map(records::get).toList());
                b.status = DataFlowBatch.PENDING;
                b.nextAttemptAt = now;
                return b.persist().replaceWithVoid();
            }));
        }
        return chain.replaceWith(Summary.of(run));
    }

    private static Uni<Long> nextSeq() {
        return Panache.getSession().chain(s -> s.createNativeQuery("select nextval('data_flow_batch_seq')", Long.class)
                .getSingleResult());
    }

    static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, RECORD);
        } catch (JsonProcessingException e) {
            return null; // unreadable: the child is sent whole
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a data flow record could not be written", e);
        }
    }
}

package org.mash.triage.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mash.triage.domain.CaseAction;
import org.mash.triage.domain.PartnerChecks;
import org.mash.triage.repository.PartnerCheck;
import org.jboss.logging.Logger;
import org.mash.platform.cluster.ClusterLock;
import org.mash.platform.outbox.Outbox;
import org.mash.triage.domain.CaseStatus;
import org.mash.triage.events.TriageEvents;
import org.mash.triage.repository.TriageCase;

/**
 * Makes late work visible: a case past its due time and still undecided, or an information check past its due
 * time and still unanswered while its case is undecided ({@link PartnerChecks#flagOverdue}), is flagged and its
 * {@code case-overdue} / {@code check-overdue} event published, in one transaction, once (the flag is stored, so a
 * restart does not publish it again). One instance at a time checks ({@link ClusterLock#OVERDUE_WATCH}), so several
 * instances of the service publish each once too. An overdue check also counts on its case ({@code checksOverdue}), so the
 * queue shows it and can be filtered by it.
 */
@ApplicationScoped
public class OverdueWatch {

    private static final Logger LOG = Logger.getLogger(OverdueWatch.class);

    private final Outbox outbox;
    private final Clock clock;
    private final CaseActivities activities;

    public OverdueWatch(Outbox outbox, Clock clock, CaseActivities activities) {
        this.outbox = outbox;
        this.clock = clock;
        this.activities = activities;
    }

    @Scheduled(every = "${mash.triage.overdue-check:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> check() {
        return flagOverdue().chain(() -> flagOverdueChecks()).replaceWithVoid();
    }

    /** Flags the cases that have become overdue since the last check; returns how many (0 while another instance checks). */
    @WithTransaction
    public Uni<Integer> flagOverdue() {
        return ClusterLock.OVERDUE_WATCH.ifHeld(this::flagOverdueCases, 0);
    }

    private Uni<Integer> flagOverdueCases() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return TriageCase.<TriageCase>find("status <> ?1 and overdueFlaggedAt is null and dueAt < ?2 order by dueAt",
                        CaseStatus.DECIDED, now).page(0, 500).list()
                .chain(cases -> publish(cases, now));
    }

    private Uni<Integer> publish(List<TriageCase> cases, OffsetDateTime now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TriageCase c : cases) {
            c.overdueFlaggedAt = now;
            TriageEvents.CaseOverdueV1 event = new TriageEvents.CaseOverdueV1(c.id, c.contactId, c.childRef, c.rag.name(),
                    c.receivedAt, c.dueAt, now);
            chain = chain.chain(() -> outbox.publish(TriageEvents.TOPIC, c.contactId.toString(), TriageEvents.CASE_OVERDUE,
                    c.id.toString(), event))
                    .chain(() -> activities.record(c.id, CaseAction.OVERDUE, CaseActivities.SYSTEM, CaseActivities.SYSTEM,
                            now, "passed its due time " + c.dueAt + " undecided"));
        }
        return chain.invoke(() -> {
            if (!cases.isEmpty()) {
                LOG.warnf("%d case(s) passed their due time undecided", cases.size());
            }
        }).replaceWith(cases.size());
    }

    /** Flags the information checks that have become overdue since the last check; returns how many (0 while another instance checks). */
    @WithTransaction
    public Uni<Integer> flagOverdueChecks() {
        return ClusterLock.OVERDUE_WATCH.ifHeld(this::flagOverdueChecksHoldingTheLock, 0);
    }

    private Uni<Integer> flagOverdueChecksHoldingTheLock() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        // the query selects what PartnerChecks.flagOverdue flags (so decided cases' checks never fill the page)
        return PartnerCheck.<PartnerCheck>find("respondedAt is null and overdueFlaggedAt is null and dueAt < ?1 "
                        + "and caseId in (select c.id from TriageCase c where c.status <> ?2) order by dueAt",
                        now, CaseStatus.DECIDED).page(0, 500).list()
                .chain(found -> found.isEmpty() ? Uni.createFrom().item(0) : TriageCase.<TriageCase>list("id in ?1",
                        found.stream().map(ch -> ch.caseId).distinct().toList()).chain(cases -> {
                    Map<UUID, TriageCase> byId = cases.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
                    List<PartnerCheck> checks = found.stream().filter(ch -> PartnerChecks.flagOverdue(
                            byId.get(ch.caseId).status, ch.dueAt.toInstant(), null, null, now.toInstant())).toList();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (PartnerCheck check : checks) {
                        TriageCase c = byId.get(check.caseId);
                        check.overdueFlaggedAt = now;
                        TriageEvents.CheckOverdueV1 event = new TriageEvents.CheckOverdueV1(check.id, c.id, c.contactId,
                                c.childRef, check.agency, check.rag.name(), check.requestedAt, check.dueAt, now);
                        chain = chain
                                .chain(() -> TriageCase.update("checksOverdue = checksOverdue + 1 where id = ?1", c.id))
                                .chain(() -> outbox.publish(TriageEvents.TOPIC, c.contactId.toString(),
                                        TriageEvents.CHECK_OVERDUE, check.id.toString(), event))
                                .chain(() -> activities.record(c.id, CaseAction.CHECK_OVERDUE, CaseActivities.SYSTEM,
                                        CaseActivities.SYSTEM, now, check.agency + " has not answered by " + check.dueAt));
                    }
                    return chain.invoke(() -> {
                        if (!checks.isEmpty()) {
                            LOG.warnf("%d information check(s) passed their due time unanswered", checks.size());
                        }
                    }).replaceWith(checks.size());
                }));
    }
}

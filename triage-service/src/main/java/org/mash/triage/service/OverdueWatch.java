package org.mash.triage.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;
import org.mash.platform.outbox.Outbox;
import org.mash.triage.domain.CaseStatus;
import org.mash.triage.events.TriageEvents;
import org.mash.triage.repository.TriageCase;

/**
 * Makes late work visible: a case past its due time and still undecided is flagged and its
 * {@code case-overdue} event published, in one transaction, once (the flag is stored, so a restart does not
 * publish it again).
 */
@ApplicationScoped
public class OverdueWatch {

    private static final Logger LOG = Logger.getLogger(OverdueWatch.class);

    private final Outbox outbox;
    private final Clock clock;

    public OverdueWatch(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${mash.triage.overdue-check:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return flagOverdue().replaceWithVoid();
    }

    /** Flags the cases that have become overdue since the last check; returns how many. */
    @WithTransaction
    public Uni<Integer> flagOverdue() {
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
                    c.id.toString(), event)).replaceWithVoid();
        }
        return chain.invoke(() -> {
            if (!cases.isEmpty()) {
                LOG.warnf("%d case(s) passed their due time undecided", cases.size());
            }
        }).replaceWith(cases.size());
    }
}

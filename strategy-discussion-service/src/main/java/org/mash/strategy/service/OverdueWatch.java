package org.mash.strategy.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.mash.platform.cluster.ClusterLock;
import org.mash.platform.outbox.Outbox;
import org.mash.strategy.domain.Actions;
import org.mash.strategy.domain.DiscussionStatus;
import org.mash.strategy.domain.OverdueKind;
import org.mash.strategy.domain.S47Conclusion;
import org.mash.strategy.events.StrategyEvents;
import org.mash.strategy.repository.Discussion;
import org.mash.strategy.repository.DiscussionAction;
import org.mash.strategy.repository.DiscussionChild;
import org.mash.strategy.repository.S47Enquiry;

/**
 * Makes late work visible: a discussion not held by its due time, an action not done by the end of its due date
 * and an ICPC not held by the end of its target date are flagged and their {@code item-overdue} event published,
 * in one transaction, once (the flag is stored, so a restart does not publish them again; one instance at a time
 * checks, {@link ClusterLock#OVERDUE_WATCH}, and each flag is a conditional update). The event is per
 * child, keyed by the child's contact id: a sibling group's discussion, or an action for all its children, gives
 * one per child; an ICPC, or an action for one child, gives one.
 */
@ApplicationScoped
public class OverdueWatch {

    private static final Logger LOG = Logger.getLogger(OverdueWatch.class);
    static final int BATCH = 500;

    private final DeadlineService deadlines;
    private final StrategyDiscussionService discussions;
    private final Outbox outbox;

    public OverdueWatch(DeadlineService deadlines, StrategyDiscussionService discussions, Outbox outbox) {
        this.deadlines = deadlines;
        this.discussions = discussions;
        this.outbox = outbox;
    }

    @Scheduled(every = "${mash.strategy.overdue-check:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> check() {
        return flagOverdue().replaceWithVoid();
    }

    /** Flags what has become overdue since the last check; answers how many items (0 while another instance checks). */
    @WithTransaction
    public Uni<Integer> flagOverdue() {
        return ClusterLock.OVERDUE_WATCH.ifHeld(this::flagOverdueHoldingTheLock, 0);
    }

    private Uni<Integer> flagOverdueHoldingTheLock() {
        OffsetDateTime now = discussions.now();
        return deadlines.openDiscussions(null, true, true, now, BATCH).chain(late ->
                deadlines.openActions(null, true, true, now, BATCH).chain(actions ->
                deadlines.pendingIcpcs(null, true, true, now, BATCH).chain(icpcs -> {
                    List<UUID> ids = late.stream().map(d -> d.id).collect(Collectors.toList());
                    actions.forEach(a -> ids.add(a.discussionId));
                    return DiscussionChild.<DiscussionChild>list("discussionId in ?1", ids.isEmpty() ? List.of(new UUID(0, 0)) : ids)
                            .chain(children -> publish(late, actions, icpcs,
                                    children.stream().collect(Collectors.groupingBy(c -> c.discussionId)), now));
                })));
    }

    /**
     * Flags each item with a conditional update (still pending and not flagged yet) and publishes its event only if
     * that changed the row: the loaded rows are never written back, so a completion, conclusion or ICPC date
     * committed since they were read is neither overwritten nor flagged as overdue.
     */
    private Uni<Integer> publish(List<Discussion> late, List<DiscussionAction> actions, List<S47Enquiry> icpcs,
                                 Map<UUID, List<DiscussionChild>> children, OffsetDateTime now) {
        AtomicInteger flagged = new AtomicInteger();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Discussion d : late) {
            chain = chain.chain(() -> Discussion.update("overdueFlaggedAt = :now where id = :id "
                            + "and overdueFlaggedAt is null and status = :open",
                    Parameters.with("now", now).and("id", d.id).and("open", DiscussionStatus.OPEN)).chain(updated -> {
                Uni<Void> events = Uni.createFrom().voidItem();
                if (updated == 1) {
                    flagged.incrementAndGet();
                    for (DiscussionChild c : children.getOrDefault(d.id, List.of())) {
                        events = events.chain(() -> send(new StrategyEvents.ItemOverdueV1(OverdueKind.DISCUSSION, d.id,
                                d.id, c.contactId, c.childRef, null, d.dueAt, now)));
                    }
                }
                return events;
            }));
        }
        for (DiscussionAction a : actions) {
            chain = chain.chain(() -> DiscussionAction.update("overdueFlaggedAt = :now where id = :id "
                            + "and overdueFlaggedAt is null and completedAt is null",
                    Parameters.with("now", now).and("id", a.id)).chain(updated -> {
                Uni<Void> events = Uni.createFrom().voidItem();
                if (updated == 1) {
                    flagged.incrementAndGet();
                    for (DiscussionChild c : children.getOrDefault(a.discussionId, List.of())) {
                        if (a.contactId == null || a.contactId.equals(c.contactId)) {
                            events = events.chain(() -> send(new StrategyEvents.ItemOverdueV1(OverdueKind.ACTION, a.id,
                                    a.discussionId, c.contactId, c.childRef, a.agency, Actions.dueAt(a.dueOn), now)));
                        }
                    }
                }
                return events;
            }));
        }
        for (S47Enquiry e : icpcs) {
            chain = chain.chain(() -> S47Enquiry.update("icpcOverdueFlaggedAt = :now where id = :id "
                            + "and icpcOverdueFlaggedAt is null and icpcHeldOn is null and withdrawnAt is null "
                            + "and (icpcRequired is null or icpcRequired = true)",
                    Parameters.with("now", now).and("id", e.id)).chain(updated -> {
                if (updated != 1) {
                    return Uni.createFrom().voidItem();
                }
                flagged.incrementAndGet();
                return send(new StrategyEvents.ItemOverdueV1(OverdueKind.ICPC, e.id, e.discussionId,
                        e.contactId, e.childRef, null, S47Conclusion.dueAt(e.icpcTargetDate), now));
            }));
        }
        return chain.map(done -> {
            if (flagged.get() > 0) {
                LOG.warnf("overdue: %d item(s) flagged of %d discussion(s) not held, %d action(s) not done, "
                        + "%d ICPC(s) not held", flagged.get(), late.size(), actions.size(), icpcs.size());
            }
            return flagged.get();
        });
    }

    private Uni<Void> send(StrategyEvents.ItemOverdueV1 event) {
        return outbox.publish(StrategyEvents.TOPIC, event.contactId().toString(), StrategyEvents.ITEM_OVERDUE,
                event.itemId().toString(), event).replaceWithVoid();
    }
}

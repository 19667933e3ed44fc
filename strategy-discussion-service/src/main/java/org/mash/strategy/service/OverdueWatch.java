package org.mash.strategy.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.mash.platform.outbox.Outbox;
import org.mash.strategy.domain.Actions;
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
 * in one transaction, once (the flag is stored, so a restart does not publish them again). The event is per
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
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return flagOverdue().replaceWithVoid();
    }

    /** Flags what has become overdue since the last check; answers how many items. */
    @WithTransaction
    public Uni<Integer> flagOverdue() {
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

    private Uni<Integer> publish(List<Discussion> late, List<DiscussionAction> actions, List<S47Enquiry> icpcs,
                                 Map<UUID, List<DiscussionChild>> children, OffsetDateTime now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Discussion d : late) {
            d.overdueFlaggedAt = now;
            for (DiscussionChild c : children.getOrDefault(d.id, List.of())) {
                chain = chain.chain(() -> send(new StrategyEvents.ItemOverdueV1(OverdueKind.DISCUSSION, d.id, d.id,
                        c.contactId, c.childRef, null, d.dueAt, now)));
            }
        }
        for (DiscussionAction a : actions) {
            a.overdueFlaggedAt = now;
            for (DiscussionChild c : children.getOrDefault(a.discussionId, List.of())) {
                if (a.contactId == null || a.contactId.equals(c.contactId)) {
                    chain = chain.chain(() -> send(new StrategyEvents.ItemOverdueV1(OverdueKind.ACTION, a.id,
                            a.discussionId, c.contactId, c.childRef, a.agency, Actions.dueAt(a.dueOn), now)));
                }
            }
        }
        for (S47Enquiry e : icpcs) {
            e.icpcOverdueFlaggedAt = now;
            chain = chain.chain(() -> send(new StrategyEvents.ItemOverdueV1(OverdueKind.ICPC, e.id, e.discussionId,
                    e.contactId, e.childRef, null, S47Conclusion.dueAt(e.icpcTargetDate), now)));
        }
        int count = late.size() + actions.size() + icpcs.size();
        return chain.invoke(() -> {
            if (count > 0) {
                LOG.warnf("overdue: %d discussion(s) not held, %d action(s) not done, %d ICPC(s) not held",
                        late.size(), actions.size(), icpcs.size());
            }
        }).replaceWith(count);
    }

    private Uni<Void> send(StrategyEvents.ItemOverdueV1 event) {
        return outbox.publish(StrategyEvents.TOPIC, event.contactId().toString(), StrategyEvents.ITEM_OVERDUE,
                event.itemId().toString(), event).replaceWithVoid();
    }
}

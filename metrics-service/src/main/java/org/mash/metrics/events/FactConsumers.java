package org.mash.metrics.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mash.metrics.domain.MetricDefinitions;
import org.mash.metrics.repository.FactStore;
import org.mash.metrics.service.FactChanges;
import org.mash.platform.events.CloudEvent;
import org.mash.platform.inbox.Inbox;

/**
 * Learns the facts the figures are counted from, out of the triage ({@code mash.triage.v1}), strategy
 * ({@code mash.strategy.v1}) and contact status ({@code mash.contacts.status.v1}) events: never the topics
 * that carry personal data. Each event counts once (inbox); facts are upserted by id, so a replay from the
 * beginning gives the same figures. Event types this service does not know are skipped without error.
 */
@ApplicationScoped
public class FactConsumers {

    static final String CONSUMER = "metrics-service";

    private final Inbox inbox;
    private final FactStore facts;
    private final FactChanges changes;

    public FactConsumers(Inbox inbox, FactStore facts, FactChanges changes) {
        this.inbox = inbox;
        this.facts = facts;
        this.changes = changes;
    }

    // each marks the figures for recomputing once the event's transaction has committed

    @Incoming("triage-events")
    public Uni<Void> onTriageEvent(String record) {
        return inbox.handleOnce(CONSUMER, record, this::applyTriage).invoke(changes::changed);
    }

    @Incoming("strategy-events")
    public Uni<Void> onStrategyEvent(String record) {
        return inbox.handleOnce(CONSUMER, record, this::applyStrategy).invoke(changes::changed);
    }

    @Incoming("contacts-status-events")
    public Uni<Void> onContactStatusEvent(String record) {
        return inbox.handleOnce(CONSUMER, record, this::applyContactStatus).invoke(changes::changed);
    }

    private Uni<Void> applyTriage(CloudEvent event) {
        return switch (event.type()) {
            case InputEvents.CASE_OPENED -> facts.caseOpened(event.dataAs(InputEvents.CaseOpened.class));
            case InputEvents.DECISION_AUTHORISED -> facts.decisionAuthorised(event.dataAs(InputEvents.DecisionAuthorised.class));
            case InputEvents.CASE_RERATED -> facts.caseRerated(event.dataAs(InputEvents.CaseRerated.class));
            case InputEvents.CASE_OVERDUE -> facts.caseOverdue(event.dataAs(InputEvents.CaseOverdue.class));
            case InputEvents.CHECK_REQUESTED, InputEvents.CHECK_RESPONDED, InputEvents.CHECK_OVERDUE ->
                    facts.check(event.dataAs(InputEvents.Check.class));
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> applyStrategy(CloudEvent event) {
        return switch (event.type()) {
            case InputEvents.DISCUSSION_OPENED -> facts.discussionOpened(event.dataAs(InputEvents.DiscussionOpened.class));
            case InputEvents.DISCUSSION_HELD -> {
                InputEvents.DiscussionHeld e = event.dataAs(InputEvents.DiscussionHeld.class);
                yield facts.discussionHeld(e, MetricDefinitions.coreAgenciesPresent(e.coreAgenciesPresent(), e.attendance()));
            }
            case InputEvents.DECISION_SUPERSEDED -> facts.decisionSuperseded(event.dataAs(InputEvents.DecisionSuperseded.class));
            case InputEvents.S47_STARTED -> facts.s47Started(event.dataAs(InputEvents.S47Started.class));
            case InputEvents.S47_WITHDRAWN -> facts.s47Withdrawn(event.dataAs(InputEvents.S47Withdrawn.class));
            case InputEvents.S47_CONCLUDED -> facts.s47Concluded(event.dataAs(InputEvents.S47Concluded.class));
            case InputEvents.ICPC_HELD -> facts.icpcHeld(event.dataAs(InputEvents.IcpcHeld.class));
            case InputEvents.ITEM_OVERDUE -> facts.itemOverdue(event.dataAs(InputEvents.ItemOverdue.class));
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> applyContactStatus(CloudEvent event) {
        return switch (event.type()) {
            case InputEvents.REFERRER_INFORMED -> facts.referrerInformed(event.dataAs(InputEvents.ReferrerInformed.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}

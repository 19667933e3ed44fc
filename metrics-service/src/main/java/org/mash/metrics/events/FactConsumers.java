package org.mash.metrics.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mash.metrics.domain.MetricDefinitions;
import org.mash.metrics.repository.FactStore;
import org.mash.platform.events.CloudEvent;
import org.mash.platform.inbox.Inbox;

/**
 * Learns the facts the figures are counted from, out of the triage ({@code mash.triage.v1}) and strategy
 * ({@code mash.strategy.v1}) events. Each event counts once (inbox); facts are upserted by id, so a replay
 * from the beginning gives the same figures. Other event types are ignored.
 */
@ApplicationScoped
public class FactConsumers {

    static final String CONSUMER = "metrics-service";

    private final Inbox inbox;
    private final FactStore facts;

    public FactConsumers(Inbox inbox, FactStore facts) {
        this.inbox = inbox;
        this.facts = facts;
    }

    @Incoming("triage-events")
    public Uni<Void> onTriageEvent(String record) {
        return inbox.handleOnce(CONSUMER, record, this::applyTriage);
    }

    @Incoming("strategy-events")
    public Uni<Void> onStrategyEvent(String record) {
        return inbox.handleOnce(CONSUMER, record, this::applyStrategy);
    }

    private Uni<Void> applyTriage(CloudEvent event) {
        return switch (event.type()) {
            case InputEvents.CASE_OPENED -> {
                InputEvents.CaseOpened e = event.dataAs(InputEvents.CaseOpened.class);
                yield facts.caseOpened(e.contactId(), e.caseId(), e.childRef(), e.receivedAt(), e.sourceCode(), e.rag(),
                        e.ageBand(), e.sex(), e.ethnicity(), e.agency());
            }
            case InputEvents.DECISION_AUTHORISED -> {
                InputEvents.DecisionAuthorised e = event.dataAs(InputEvents.DecisionAuthorised.class);
                yield facts.decisionAuthorised(e.contactId(), e.caseId(), e.childRef(), e.receivedAt(), e.rag(),
                        e.proposedAt(), e.outcome(), e.referral(), e.authorisedAt());
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> applyStrategy(CloudEvent event) {
        return switch (event.type()) {
            case InputEvents.DISCUSSION_OPENED -> {
                InputEvents.DiscussionOpened e = event.dataAs(InputEvents.DiscussionOpened.class);
                yield facts.discussionOpened(e.discussionId(), e.contactId(), e.openedAt(), e.dueAt());
            }
            case InputEvents.DISCUSSION_HELD -> {
                InputEvents.DiscussionHeld e = event.dataAs(InputEvents.DiscussionHeld.class);
                yield facts.discussionHeld(e.discussionId(), e.contactId(), e.heldAt(), e.dueAt(), e.withinTarget(),
                        MetricDefinitions.coreAgenciesPresent(e.coreAgenciesPresent(), e.attendance()), e.outcome());
            }
            case InputEvents.S47_STARTED -> {
                InputEvents.S47Started e = event.dataAs(InputEvents.S47Started.class);
                yield facts.s47Started(e.enquiryId(), e.contactId(), e.childRef(), e.startedOn(), e.icpcTargetDate(),
                        e.joint());
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}

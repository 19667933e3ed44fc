package org.mash.metrics.messaging;

import org.mash.metrics.events.InputEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mash.metrics.domain.MetricDefinitions;
import org.mash.metrics.repository.FactStore;
import org.mash.metrics.service.FactChanges;
import org.mash.platform.events.CloudEvent;
import org.mash.platform.inbox.TopicConsumer;
import org.mash.platform.inbox.Inbox;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Learns the facts the figures are counted from, out of the triage ({@code mash.triage.v1}), strategy
 * ({@code mash.strategy.v1}) and contact status ({@code mash.contacts.status.v1}) events: never the topics
 * that carry personal data. Each event counts once (inbox); facts are upserted by id, so a replay from the
 * beginning gives the same figures. Event types this service does not know are skipped without error.
 */
@ApplicationScoped
public class FactConsumers extends TopicConsumer {

    static final String CONSUMER = "metrics-service";

    private static final Set<String> HANDLED = Set.of(InputEvents.CASE_OPENED, InputEvents.DECISION_AUTHORISED,
            InputEvents.CASE_RERATED, InputEvents.CASE_OVERDUE, InputEvents.CHECK_REQUESTED, InputEvents.CHECK_RESPONDED,
            InputEvents.CHECK_OVERDUE, InputEvents.DISCUSSION_OPENED, InputEvents.DISCUSSION_HELD,
            InputEvents.DECISION_SUPERSEDED, InputEvents.S47_STARTED, InputEvents.S47_WITHDRAWN, InputEvents.S47_CONCLUDED,
            InputEvents.ICPC_HELD, InputEvents.ITEM_OVERDUE, InputEvents.REFERRER_INFORMED);

    private final Inbox inbox;
    private final FactStore facts;
    private final FactChanges changes;

    public FactConsumers(Inbox inbox, FactStore facts, FactChanges changes,
                         @ConfigProperty(name = "mp.messaging.incoming.triage-events.topic") String triageTopic,
                         @ConfigProperty(name = "mp.messaging.incoming.strategy-events.topic") String strategyTopic,
                         @ConfigProperty(name = "mp.messaging.incoming.contacts-status-events.topic") String statusTopic) {
        super(CONSUMER, Set.of(triageTopic, strategyTopic, statusTopic), HANDLED);
        this.inbox = inbox;
        this.facts = facts;
        this.changes = changes;
    }

    // each marks the figures for recomputing once the event's transaction has committed

    @Incoming("triage-events")
    public Uni<Void> onTriageEvent(String record) {
        return inbox.handleOnce(this, record).invoke(changes::changed);
    }

    @Incoming("strategy-events")
    public Uni<Void> onStrategyEvent(String record) {
        return inbox.handleOnce(this, record).invoke(changes::changed);
    }

    @Incoming("contacts-status-events")
    public Uni<Void> onContactStatusEvent(String record) {
        return inbox.handleOnce(this, record).invoke(changes::changed);
    }

    /** Event types are unique across the three topics, so one dispatch serves them all (and a replayed dead letter). */
    @Override
    public Uni<Void> apply(CloudEvent event) {
        if (event.type().startsWith("mash.triage.")) {
            return applyTriage(event);
        }
        if (event.type().startsWith("mash.strategy.")) {
            return applyStrategy(event);
        }
        return applyContactStatus(event);
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

package org.mash.triage.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mash.platform.events.CloudEvent;
import org.mash.platform.inbox.Inbox;
import org.mash.platform.inbox.TopicConsumer;
import org.mash.triage.events.StrategyOutcomes;
import org.mash.triage.service.StrategyFacts;

/**
 * What the strategy discussions decided about the cases' children ({@code mash.strategy.v1}): discussions, their
 * decisions per child, section 47 enquiries and ICPCs, kept with the case for the child's page and the returns.
 */
@ApplicationScoped
public class StrategyEventsConsumer extends TopicConsumer {

    private final Inbox inbox;
    private final StrategyFacts facts;

    public StrategyEventsConsumer(Inbox inbox, StrategyFacts facts,
                                  @ConfigProperty(name = "mp.messaging.incoming.strategy-events.topic") String topic) {
        super("triage-service-strategy", Set.of(topic), Set.of(StrategyOutcomes.DISCUSSION_OPENED,
                StrategyOutcomes.DISCUSSION_HELD, StrategyOutcomes.DECISION_SUPERSEDED, StrategyOutcomes.S47_STARTED,
                StrategyOutcomes.S47_CONCLUDED, StrategyOutcomes.S47_WITHDRAWN, StrategyOutcomes.ICPC_HELD));
        this.inbox = inbox;
        this.facts = facts;
    }

    @Incoming("strategy-events")
    public Uni<Void> onStrategyEvent(String record) {
        return inbox.handleOnce(this, record);
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        return switch (event.type()) {
            case StrategyOutcomes.DISCUSSION_OPENED -> facts.opened(event.dataAs(StrategyOutcomes.DiscussionOpened.class));
            case StrategyOutcomes.DISCUSSION_HELD -> facts.held(event.dataAs(StrategyOutcomes.DiscussionHeld.class));
            case StrategyOutcomes.DECISION_SUPERSEDED -> facts.superseded(event.dataAs(StrategyOutcomes.DecisionSuperseded.class));
            case StrategyOutcomes.S47_STARTED -> facts.started(event.dataAs(StrategyOutcomes.S47Started.class));
            case StrategyOutcomes.S47_CONCLUDED -> facts.concluded(event.dataAs(StrategyOutcomes.S47Concluded.class));
            case StrategyOutcomes.S47_WITHDRAWN -> facts.withdrawn(event.dataAs(StrategyOutcomes.S47Withdrawn.class));
            case StrategyOutcomes.ICPC_HELD -> facts.icpcHeld(event.dataAs(StrategyOutcomes.IcpcHeld.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}

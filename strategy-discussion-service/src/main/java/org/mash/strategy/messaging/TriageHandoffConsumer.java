package org.mash.strategy.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mash.platform.events.CloudEvent;
import org.mash.platform.inbox.TopicConsumer;
import org.mash.platform.inbox.Inbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mash.strategy.events.StrategyDiscussionRequested;
import org.mash.strategy.service.DiscussionOpening;

/**
 * Opens a strategy discussion when triage hands a child over ({@code mash.triage.strategy-handoff.v1}). Reads
 * only the fields it needs; other fields and other event types are ignored.
 */
@ApplicationScoped
public class TriageHandoffConsumer extends TopicConsumer {

    static final String CONSUMER = "strategy-discussion-service";
    static final String STRATEGY_DISCUSSION_REQUESTED = "mash.triage.strategy-discussion-requested.v1";

    private final Inbox inbox;
    private final DiscussionOpening discussions;

    public TriageHandoffConsumer(Inbox inbox, DiscussionOpening discussions,
                                 @ConfigProperty(name = "mp.messaging.incoming.strategy-handoff.topic") String topic) {
        super(CONSUMER, java.util.Set.of(topic), java.util.Set.of(STRATEGY_DISCUSSION_REQUESTED));
        this.inbox = inbox;
        this.discussions = discussions;
    }

    @Incoming("strategy-handoff")
    public Uni<Void> onHandoff(String record) {
        return inbox.handleOnce(this, record);
    }

    /** The inbox has checked the event against its schema: the ids, the RAG, the time and the child's name are there. */
    @Override
    public Uni<Void> apply(CloudEvent event) {
        return discussions.open(event.dataAs(StrategyDiscussionRequested.class));
    }
}

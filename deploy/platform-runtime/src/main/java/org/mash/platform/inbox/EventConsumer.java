package org.mash.platform.inbox;

import io.smallrye.mutiny.Uni;
import org.mash.platform.events.CloudEvent;

/**
 * A service's reader of one or more topics, as the {@link Inbox} runs it: from its {@code @Incoming} method
 * ({@code inbox.handleOnce(this, record)}) and, for a dead letter an operator replays, from the dead-letter API.
 * Both go through the same checks and the same handler, so a replayed event has exactly the effect it would have
 * had.
 */
public interface EventConsumer {

    /** The consumer's name in the inbox ({@code processed_event.consumer}), e.g. {@code triage-service}. */
    String name();

    /** Whether this consumer reads {@code topic} (to find the consumer of a dead letter). */
    boolean reads(String topic);

    /** Whether this consumer acts on events of {@code type}; others are passed over without a trace. */
    boolean handles(String type);

    /** Applies one event; runs inside the inbox's transaction, once per event id. */
    Uni<Void> apply(CloudEvent event);
}

package org.mash.metrics.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.mash.metrics.events.MetricsEvents;

/**
 * The figure updates as they are published, for the dashboards' Server-Sent Events stream: each
 * {@code figures-updated} event as read back from Kafka ({@code FigureFeed}), so every instance streams what any
 * instance published. A subscriber sees the updates published after it subscribed (the stream sends the current
 * figures first).
 */
@ApplicationScoped
public class FigureStream {

    private final BroadcastProcessor<MetricsEvents.FiguresUpdatedV1> updates = BroadcastProcessor.create();

    public void published(MetricsEvents.FiguresUpdatedV1 update) {
        updates.onNext(update);
    }

    public Multi<MetricsEvents.FiguresUpdatedV1> updates() {
        return updates;
    }
}

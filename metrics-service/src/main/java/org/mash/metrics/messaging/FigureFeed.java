package org.mash.metrics.messaging;

import org.mash.metrics.events.MetricsEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.mash.metrics.service.FigureStream;
import org.mash.platform.events.CloudEvent;

/**
 * Feeds this instance's dashboards (the Server-Sent Events stream) from the {@code figures-updated} events on
 * {@code mash.metrics.v1}, whichever instance published them: with several instances, one publishes and every one
 * streams. Each instance reads the topic in a consumer group of its own, from the latest event on. A record it
 * cannot read is logged and passed over: a dashboard's feed never stops.
 */
@ApplicationScoped
public class FigureFeed {

    private static final Logger LOG = Logger.getLogger(FigureFeed.class);

    private final FigureStream stream;

    public FigureFeed(FigureStream stream) {
        this.stream = stream;
    }

    @Incoming("figures-feed")
    public void onFigures(String record) {
        try {
            CloudEvent event = CloudEvent.parse(record);
            if (MetricsEvents.FIGURES_UPDATED.equals(event.type())) {
                stream.published(event.dataAs(MetricsEvents.FiguresUpdatedV1.class));
            }
        } catch (RuntimeException e) {
            LOG.warnf("a figures record dashboards cannot be sent, passed over: %s", e.getMessage());
        }
    }
}

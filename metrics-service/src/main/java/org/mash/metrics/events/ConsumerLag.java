package org.mash.metrics.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * How many events the fact consumers are behind their topics: for each channel, the end of each assigned
 * partition (its high watermark, as of the consumer's last fetch) minus the consumer's position. Read on the
 * consumers' own polling threads, from what the Kafka client already knows: no call to the broker.
 * Events fetched but not yet applied (at most a poll or two) do not count.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    static final List<String> CHANNELS = List.of("triage-events", "strategy-events", "contacts-status-events");

    private final KafkaClientService kafka;

    public ConsumerLag(KafkaClientService kafka) {
        this.kafka = kafka;
    }

    /** The events behind, over every channel; empty if no consumer knows its lag yet (not assigned, not fetched). */
    public OptionalLong behind() {
        return behind(CHANNELS);
    }

    /**
     * The events behind on one channel, over all its consumers (with {@code concurrency}, the copies
     * {@code channel$1}, {@code channel$2}...), empty if not known.
     */
    public OptionalLong behind(String channel) {
        return behind(List.of(channel));
    }

    /**
     * Asks every consumer of {@code channels} at once, each on its own polling thread, so the answer takes at most
     * about one poll (up to a second when idle). Blocks: call off the event loop.
     */
    private OptionalLong behind(List<String> channels) {
        try {
            List<Uni<OptionalLong>> lags = new ArrayList<>();
            for (String name : kafka.getConsumerChannels()) {
                if (channels.stream().anyMatch(channel -> name.equals(channel) || name.startsWith(channel + "$"))) {
                    for (KafkaConsumer<Object, Object> consumer : kafka.<Object, Object>getConsumers(name)) {
                        lags.add(consumer.runOnPollingThread(ConsumerLag::lagOf));
                    }
                }
            }
            if (lags.isEmpty()) {
                return OptionalLong.empty();
            }
            long total = 0;
            boolean known = false;
            for (OptionalLong lag : Uni.join().all(lags).andFailFast().await().atMost(Duration.ofSeconds(5))) {
                if (lag.isPresent()) {
                    known = true;
                    total += lag.getAsLong();
                }
            }
            return known ? OptionalLong.of(total) : OptionalLong.empty();
        } catch (RuntimeException e) {
            LOG.debugf("lag of %s not known: %s", channels, e.toString());
            return OptionalLong.empty();
        }
    }

    private static OptionalLong lagOf(Consumer<Object, Object> consumer) {
        long total = 0;
        boolean known = false;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                known = true;
                total += lag.getAsLong();
            }
        }
        return known ? OptionalLong.of(total) : OptionalLong.empty();
    }
}

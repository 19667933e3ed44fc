package org.mash.metrics.events;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
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
        long total = 0;
        boolean known = false;
        for (String channel : CHANNELS) {
            OptionalLong lag = behind(channel);
            if (lag.isPresent()) {
                known = true;
                total += lag.getAsLong();
            }
        }
        return known ? OptionalLong.of(total) : OptionalLong.empty();
    }

    /** The events behind on one channel, empty if not known. Blocks for at most a poll; call off the event loop. */
    public OptionalLong behind(String channel) {
        try {
            List<KafkaConsumer<Object, Object>> consumers = kafka.getConsumers(channel);
            long total = 0;
            boolean known = false;
            for (KafkaConsumer<Object, Object> consumer : consumers) {
                OptionalLong lag = consumer.runOnPollingThread(ConsumerLag::lagOf).await().atMost(Duration.ofSeconds(5));
                if (lag.isPresent()) {
                    known = true;
                    total += lag.getAsLong();
                }
            }
            return known ? OptionalLong.of(total) : OptionalLong.empty();
        } catch (RuntimeException e) {
            LOG.debugf("lag of %s not known: %s", channel, e.toString());
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

package org.mash.metrics.events;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.jboss.logging.Logger;

/**
 * How many events the fact consumers are behind their topics: for each assigned partition, the end of the partition
 * (its high watermark) minus the consumer's position, as of the consumer's last fetch. Read from the Kafka client's
 * own metrics ({@code records-lag} per partition), which any thread may read at once: no call to the broker, and no
 * wait for the polling thread. Events fetched but not yet applied (at most a poll or two) do not count.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    static final List<String> CHANNELS = List.of("triage-events", "strategy-events", "contacts-status-events");
    private static final String GROUP = "consumer-fetch-manager-metrics";
    private static final String RECORDS_LAG = "records-lag";

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

    private OptionalLong behind(List<String> channels) {
        try {
            long total = 0;
            boolean known = false;
            for (String name : kafka.getConsumerChannels()) {
                if (channels.stream().noneMatch(channel -> name.equals(channel) || name.startsWith(channel + "$"))) {
                    continue;
                }
                for (KafkaConsumer<Object, Object> consumer : kafka.<Object, Object>getConsumers(name)) {
                    for (Map.Entry<MetricName, ? extends Metric> metric : consumer.unwrap().metrics().entrySet()) {
                        MetricName id = metric.getKey();
                        if (RECORDS_LAG.equals(id.name()) && GROUP.equals(id.group()) && id.tags().containsKey("partition")
                                && metric.getValue().metricValue() instanceof Double lag && !lag.isNaN()) {
                            known = true;
                            total += Math.max(0, lag.longValue());
                        }
                    }
                }
            }
            return known ? OptionalLong.of(total) : OptionalLong.empty();
        } catch (RuntimeException e) {
            LOG.debugf("lag of %s not known: %s", channels, e.toString());
            return OptionalLong.empty();
        }
    }
}

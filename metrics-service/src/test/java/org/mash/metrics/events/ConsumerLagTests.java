package org.mash.metrics.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.KafkaTestClient;

/**
 * The lag the publisher holds the figures by is the real lag of the fact consumers on the broker: it rises with a
 * burst of events and falls back to 0 once they are applied.
 */
@QuarkusTest
class ConsumerLagTests {

    @Inject
    ConsumerLag lag;

    @Test
    void aBurstOfEventsShowsAsLagUntilApplied() {
        int burst = 10_000;
        List<Map.Entry<String, String>> events = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            String key = UUID.randomUUID().toString();
            // a type from a later version of triage: the service skips it, but applies it through its inbox
            events.add(Map.entry(key, """
                    {"specversion":"1.0","id":"%s","type":"mash.triage.lag-probe.v1","source":"/mash/triage-service",\
                    "subject":"%s","time":"%s","datacontenttype":"application/json","data":{}}"""
                    .formatted(UUID.randomUUID(), key, Instant.now())));
        }
        KafkaTestClient.sendAll(InputEvents.TRIAGE_TOPIC, events);

        long[] highest = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            OptionalLong now = lag.behind("triage-events");
            now.ifPresent(n -> highest[0] = Math.max(highest[0], n));
            return highest[0] > 1_000;
        });
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> lag.behind("triage-events").orElse(-1) == 0 && lag.behind().orElse(-1) == 0);
        assertTrue(highest[0] <= burst, "no more behind than was sent: " + highest[0]);
    }
}

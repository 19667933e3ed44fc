package org.mash.metrics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mash.metrics.events.InputEvents;
import org.mash.metrics.events.TestEvents;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.KafkaTestClient;

/**
 * Stale figures never look fresh: while the service applies a backlog, every answer says it is catching up and by
 * how much, the health detail says so while readiness stays UP, and the lag is a gauge; once applied, it says up to
 * date and names the time of the newest event applied.
 */
@QuarkusTest
class FreshnessTests {

    @Test
    void aBacklogShowsAsCatchingUpThenUpToDate() {
        Instant sent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Map.Entry<String, String>> events = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String key = UUID.randomUUID().toString();
            // a type from a later version of triage: skipped, but through the inbox like any other
            events.add(Map.entry(key, """
                    {"specversion":"1.0","id":"%s","type":"mash.triage.freshness-probe.v1","source":"/mash/triage-service",\
                    "subject":"%s","time":"%s","datacontenttype":"application/json","data":{}}"""
                    .formatted(UUID.randomUUID(), key, sent)));
        }
        // and, last, a case opened now: the newest event applied once the backlog is through
        String contactId = UUID.randomUUID().toString();
        events.add(Map.entry(contactId, TestEvents.triage(InputEvents.CASE_OPENED, contactId, Map.of(
                        "contactId", contactId, "caseId", UUID.randomUUID().toString(),
                        "receivedAt", sent.toString(), "openedAt", sent.toString()))
                .replace("\"time\":\"2026-11-20T09:15:00Z\"", "\"time\":\"" + sent + "\"")));
        assertTrue(events.get(events.size() - 1).getValue().contains(sent.toString()));
        KafkaTestClient.sendAll(InputEvents.TRIAGE_TOPIC, events);

        long[] mostBehind = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath answer = DemoUsers.analyst().get("/api/v1/metrics").then().statusCode(200).extract().jsonPath();
            if ("catching up".equals(answer.getString("freshness.status"))) {
                assertTrue(answer.getBoolean("freshness.catchingUp"));
                mostBehind[0] = Math.max(mostBehind[0], answer.getLong("freshness.eventsBehind"));
                JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
                assertEquals("UP", health.getString("status"), "catching up is not a reason to leave the rotation");
                return mostBehind[0] > 50;
            }
            return false;
        });

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> "up to date".equals(
                DemoUsers.analyst().get("/api/v1/metrics").then().extract().path("freshness.status")));
        JsonPath answer = DemoUsers.analyst().get("/api/v1/metrics").then().statusCode(200).extract().jsonPath();
        assertFalse(answer.getBoolean("freshness.catchingUp"));
        assertTrue(answer.getLong("freshness.eventsBehind") <= 50, answer.prettify());
        OffsetDateTime newest = OffsetDateTime.parse(answer.getString("freshness.newestEventAppliedAt"));
        assertFalse(newest.toInstant().isBefore(sent), "the newest event applied is the burst's: " + newest);
        assertTrue(answer.getString("freshness.lagReadAt") != null);

        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertEquals("up to date", health.getString("checks.find { it.name == 'freshness' }.data.status"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("mash_consumer_lag_events{")
                && l.contains("consumer=\"metrics-service\"") && l.contains("topic=\"mash.triage.v1\"")), "lag gauge per topic");
        assertTrue(metrics.contains("mash_consumer_newest_event_age_seconds{"), "age of the newest event applied");
    }
}

package org.mash.strategy.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.ContractEvents;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.DemoUsers;

/** Triage hands a child over: a discussion opens once, however often the hand-off is delivered. */
@QuarkusTest
public class TriageHandoffConsumerTests {

    static final String TYPE = "mash.triage.strategy-discussion-requested.v1";
    public static final String HANDOFF_TOPIC = "mash.triage.strategy-handoff.v1";
    static final String OUT_TOPIC = "mash.strategy.v1";

    @Test
    void aHandoffDeliveredTwiceOpensOneDiscussionAndPublishesAValidEvent() throws Exception {
        String caseId = UUID.randomUUID().toString();
        String contactId = UUID.randomUUID().toString();
        String event = handoff(caseId, contactId, "2026-11-20T11:30:00Z");
        KafkaTestClient.send(HANDOFF_TOPIC, contactId, event);
        KafkaTestClient.send(HANDOFF_TOPIC, contactId, event); // redelivery: same event id

        String discussionId = awaitDiscussion(caseId);

        List<ConsumerRecord<String, String>> opened = KafkaTestClient.awaitRecords(OUT_TOPIC,
                r -> contactId.equals(r.key()) && r.value().contains("discussion-opened"), 1, Duration.ofSeconds(30));
        JsonNode published = EventSchemas.assertValid(opened.get(0).value());
        assertEquals("mash.strategy.discussion-opened.v1", published.get("type").asText());
        assertEquals(discussionId, published.at("/data/discussionId").asText());
        assertEquals(caseId, published.at("/data/caseId").asText());
        assertEquals(contactId, published.at("/data/contactId").asText(), "keyed by contact id");
        assertEquals("RED", published.at("/data/rag").asText());
        // RED authorised Friday 20 Nov 2026 (GMT): due by the end of that day
        assertEquals(OffsetDateTime.parse("2026-11-20T23:59:59Z").toInstant(),
                OffsetDateTime.parse(published.at("/data/dueAt").asText()).toInstant());
        assertEquals(false, published.path("data").has("child"), "no personal data in the event");
        List<String> overdue = DemoUsers.manager().queryParam("overdue", true).queryParam("size", 500)
                .get("/api/v1/strategy-discussions").then().statusCode(200).extract().path("items.id");
        assertEquals(true, overdue.contains(discussionId), "still open after the end of 20 Nov 2026");

        // a redelivery after the discussion exists still changes nothing
        KafkaTestClient.send(HANDOFF_TOPIC, contactId, event);
        assertEquals(1, KafkaTestClient.readAll(OUT_TOPIC,
                r -> contactId.equals(r.key()) && r.value().contains("discussion-opened"), Duration.ofSeconds(3)).size());
        assertEquals(1, discussionsOfCase(caseId).size());
    }

    @Test
    void aSecondHandoffOfTheSameCaseWithAnotherEventIdOpensNothingNew() {
        String caseId = UUID.randomUUID().toString();
        String contactId = UUID.randomUUID().toString();
        KafkaTestClient.send(HANDOFF_TOPIC, contactId, handoff(caseId, contactId, "2026-11-20T11:30:00Z"));
        awaitDiscussion(caseId);
        KafkaTestClient.send(HANDOFF_TOPIC, contactId, handoff(caseId, contactId, "2026-11-20T11:30:00Z"));
        KafkaTestClient.readAll(OUT_TOPIC, r -> false, Duration.ofSeconds(3));
        assertEquals(1, discussionsOfCase(caseId).size());
    }

    /** Opens a discussion through a hand-off authorised now and answers its id. */
    public static Opened open() {
        String caseId = UUID.randomUUID().toString();
        String contactId = UUID.randomUUID().toString();
        String now = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        KafkaTestClient.send(HANDOFF_TOPIC, contactId, handoff(caseId, contactId, now));
        return new Opened(awaitDiscussion(caseId), caseId, contactId);
    }

    public record Opened(String discussionId, String caseId, String contactId) {
    }

    public static String awaitDiscussion(String caseId) {
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> found = discussionsOfCase(caseId);
            assertEquals(1, found.size(), "one discussion for case " + caseId);
            id.set((String) found.get(0).get("id"));
        });
        return id.get();
    }

    static List<Map<String, Object>> discussionsOfCase(String caseId) {
        List<Map<String, Object>> items = DemoUsers.manager().queryParam("size", 500)
                .get("/api/v1/strategy-discussions")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> caseId.equals(i.get("caseId"))).toList();
    }

    /** A CloudEvent wrapping the schema's example hand-off, for a fresh case and contact, with a field this service does not know. */
    public static String handoff(String caseId, String contactId, String authorisedAt) {
        return handoff(caseId, contactId, authorisedAt, UUID.randomUUID().toString(), "RED");
    }

    /** A hand-off in a given partner submission (siblings share one; null for none). */
    public static String handoff(String caseId, String contactId, String authorisedAt, String submissionId, String rag) {
        java.util.HashMap<String, Object> fields = new java.util.HashMap<>(Map.of("caseId", caseId,
                "contactId", contactId, "authorisedAt", authorisedAt, "rag", rag,
                "childRef", (contactId.replace("-", "") + contactId.replace("-", "")).substring(0, 64)));
        fields.put("submissionId", submissionId);
        return ContractEvents.envelope(TYPE, "/mash/triage-service", caseId, ContractEvents.data(TYPE, fields));
    }
}

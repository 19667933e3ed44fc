package org.mash.triage.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.ContractEvents;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;

/**
 * No single record stops the queue: a record that breaks the contract is set aside at once, one the database refuses
 * for good after a few tries, and in both cases the next contact reaches the queue within seconds. Set-aside records
 * are dead letters an operator sees, with the reason, and replays once the cause is mended. An outage is sat out,
 * however long, and the consumer goes on where it stopped.
 */
@QuarkusTest
class PoisonRecordTests {

    static final String TOPIC = "mash.contacts.v1";
    static final String TYPE = "mash.contacts.contact-received.v1";
    static final ObjectMapper JSON = new ObjectMapper();

    static boolean inQueue(String contactId) {
        return PostgresTestDatabase.count("select count(*) from triage_case where contact_id = ?", UUID.fromString(contactId)) == 1;
    }

    /** A contact as the contact service publishes it, with {@code change} applied to its data; not checked against the schema. */
    static String contact(String contactId, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode data = (ObjectNode) EventSchemas.example(TYPE);
        data.put("contactId", contactId);
        data.put("receivedAt", OffsetDateTime.now().minusMinutes(1).toString());
        change.accept(data);
        ObjectNode envelope = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("type", TYPE).put("source", "/mash/contacts-service").put("subject", contactId)
                .put("time", OffsetDateTime.now().toString()).put("datacontenttype", "application/json");
        envelope.set("data", data);
        return envelope.toString();
    }

    static String validContact() {
        String contactId = UUID.randomUUID().toString();
        KafkaTestClient.send(TOPIC, contactId, contact(contactId, data -> { }));
        return contactId;
    }

    /** The dead letter of this key, as an operator sees it, once the indexer has it. */
    static Map<String, Object> deadLetter(String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> DemoUsers.operator().queryParam("size", 1000)
                .get("/api/v1/operations/dead-letters").then().statusCode(200).extract()
                .<Map<String, Object>>path("items.find { it.key == '" + key + "' }"), d -> d != null);
    }

    @Test
    void aRecordBreakingTheContractIsSetAsideAtOnceAndTheNextContactStillReachesTheQueue() {
        Map<String, String> poison = new java.util.LinkedHashMap<>();
        String postcode = UUID.randomUUID().toString();
        poison.put(postcode, contact(postcode, d -> ((ObjectNode) d.get("child").get("address")).put("postcode", "ßßßßßßß")));
        String nul = UUID.randomUUID().toString();
        poison.put(nul, contact(nul, d -> d.put("description", "a NUL \u0000 here")));
        String noId = UUID.randomUUID().toString();
        poison.put(noId, contact(noId, d -> d.remove("contactId")));
        String nullData = UUID.randomUUID().toString();
        poison.put(nullData, contact(nullData, d -> { }).replaceFirst("\"data\":\\{.*\\}\\}$", "\"data\":null}"));
        String notAnEvent = UUID.randomUUID().toString();
        poison.put(notAnEvent, "not an event at all");
        long started = System.nanoTime();
        poison.forEach((key, value) -> KafkaTestClient.send(TOPIC, key, value));
        String next = validContact();

        await().atMost(Duration.ofSeconds(15)).until(() -> inQueue(next));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 15, "the next contact is not held up");
        for (String key : poison.keySet()) {
            Map<String, Object> letter = deadLetter(key);
            assertEquals("OPEN", letter.get("status"));
            assertEquals(TOPIC, letter.get("originalTopic"));
            assertTrue(String.valueOf(letter.get("reason")).matches("(?s).*(breaks its contract|not a valid event|not JSON).*"),
                    String.valueOf(letter.get("reason")));
            assertTrue(!inQueue(key) || key.equals(next));
        }
        assertTrue(String.valueOf(deadLetter(postcode).get("reason")).contains("$.child.address.postcode"));
        assertEquals(0, KafkaTestClient.readAll("mash.triage-service.dlq", r -> next.equals(r.key()), Duration.ofSeconds(1)).size());

        // an operator cannot mend a malformed record: it is discarded with a reason, kept on record
        String id = String.valueOf(deadLetter(notAnEvent).get("id"));
        DemoUsers.operator().contentType(ContentType.JSON).body("{}").post("/api/v1/operations/dead-letters/" + id + "/discard")
                .then().statusCode(400).contentType("application/problem+json");
        DemoUsers.operator().post("/api/v1/operations/dead-letters/" + id + "/replay").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("still cannot be applied"));
        DemoUsers.operator().contentType(ContentType.JSON).body("{\"reason\": \"garbage sent by a test\"}")
                .post("/api/v1/operations/dead-letters/" + id + "/discard").then().statusCode(200)
                .body("status", equalTo("DISCARDED")).body("resolvedBy", equalTo("operator"))
                .body("replayAttempts", equalTo(1));
    }

    @Test
    void aContactTheDatabaseRefusesIsTriedAFewTimesSetAsideAndReplayedOnceTheCauseIsMended() {
        PostgresTestDatabase.failInsertsInto("household_member", "23514", "NEW.first_name = 'Refused'");
        String refused = UUID.randomUUID().toString();
        try {
            KafkaTestClient.send(TOPIC, refused, contact(refused, d -> ((ObjectNode) d.get("household").get(0)).put("firstName", "Refused")));
            String next = validContact();
            await().atMost(Duration.ofSeconds(20)).until(() -> inQueue(next));
            Map<String, Object> letter = deadLetter(refused);
            assertTrue(String.valueOf(letter.get("reason")).contains("not applied after 3 tries"), String.valueOf(letter.get("reason")));
            assertTrue(String.valueOf(letter.get("reason")).contains("staged by a test"));
            assertEquals(TYPE, letter.get("eventType"));
            assertTrue(!inQueue(refused), "nothing half-written");
            await().atMost(Duration.ofSeconds(20)).until(() -> RestAssured.get("/q/metrics").asString().lines()
                    .anyMatch(l -> l.startsWith("mash_dead_letters_open{") && !l.endsWith(" 0.0")));

            DemoUsers.practitioner().get("/api/v1/operations/dead-letters").then().statusCode(403);
            String id = String.valueOf(letter.get("id"));
            // the cause is still there: the replay says so, and the letter stays open
            DemoUsers.operator().post("/api/v1/operations/dead-letters/" + id + "/replay").then().statusCode(422)
                    .body("detail", containsString("staged by a test"));
            PostgresTestDatabase.clearFault("household_member");
            DemoUsers.operator().post("/api/v1/operations/dead-letters/" + id + "/replay").then().statusCode(200)
                    .body("status", equalTo("REPLAYED")).body("resolutionNote", equalTo("applied"));
            assertTrue(inQueue(refused), "the replayed contact is in the queue");
            DemoUsers.operator().post("/api/v1/operations/dead-letters/" + id + "/replay").then().statusCode(409);
        } finally {
            PostgresTestDatabase.clearFault("household_member");
        }
    }

    @Test
    void replayingEveryOpenDeadLetterSaysWhatEachDid() {
        PostgresTestDatabase.failInsertsInto("household_member", "23514", "NEW.first_name = 'RefusedToo'");
        List<String> refused = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        try {
            refused.forEach(key -> KafkaTestClient.send(TOPIC, key,
                    contact(key, d -> ((ObjectNode) d.get("household").get(0)).put("firstName", "RefusedToo"))));
            refused.forEach(PoisonRecordTests::deadLetter);
        } finally {
            PostgresTestDatabase.clearFault("household_member");
        }
        DemoUsers.operator().post("/api/v1/operations/dead-letters/replay").then().statusCode(200);
        refused.forEach(key -> assertTrue(inQueue(key), key));
        refused.forEach(key -> assertEquals("REPLAYED", deadLetter(key).get("status")));
    }

    @Test
    void aConsumerHeldOnAFailingDatabaseLongerThanTheAcknowledgementTimeoutResumesWhenItIsBack() {
        // SmallRye closes a channel whose record is unacknowledged for 60 s by default; the hold here is longer
        PostgresTestDatabase.failInsertsInto("processed_event", "40001");
        String held;
        try {
            held = validContact();
            await().pollDelay(Duration.ofSeconds(65)).atMost(Duration.ofSeconds(70)).until(() -> true);
            assertTrue(!inQueue(held));
            RestAssured.get("/q/health/live").then().statusCode(200);
        } finally {
            PostgresTestDatabase.clearFault("processed_event");
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> inQueue(held));
        String after = validContact();
        await().atMost(Duration.ofSeconds(15)).until(() -> inQueue(after));
        assertEquals(0, KafkaTestClient.readAll("mash.triage-service.dlq", r -> held.equals(r.key()), Duration.ofSeconds(1)).size(),
                "an outage is sat out, not dead-lettered");
    }
}

package org.mash.strategy.events;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.strategy.rest.DecisionsTests;

/** Issue #5 point 1: siblings decided together share one discussion, each with its own decision and s47. */
@QuarkusTest
class SiblingDiscussionTests {

    static final String PATH = "/api/v1/strategy-discussions/";
    static final String OUT = "mash.strategy.v1";

    @Test
    void siblingsOfOneSubmissionShareTheMeetingAndEachGetsItsOwnDecisionAndEvents() {
        String submission = UUID.randomUUID().toString();
        String now = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        String amiraCase = UUID.randomUUID().toString();
        String amira = UUID.randomUUID().toString();
        String bilalCase = UUID.randomUUID().toString();
        String bilal = UUID.randomUUID().toString();
        KafkaTestClient.send(TriageHandoffConsumerTests.HANDOFF_TOPIC, amira,
                TriageHandoffConsumerTests.handoff(amiraCase, amira, now, submission, "AMBER"));
        String id = TriageHandoffConsumerTests.awaitDiscussion(amiraCase);
        String bilalHandoff = TriageHandoffConsumerTests.handoff(bilalCase, bilal, now, submission, "RED");
        KafkaTestClient.send(TriageHandoffConsumerTests.HANDOFF_TOPIC, bilal, bilalHandoff);
        KafkaTestClient.send(TriageHandoffConsumerTests.HANDOFF_TOPIC, bilal, bilalHandoff); // redelivered: one effect

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                DemoUsers.manager().get(PATH + id).then().statusCode(200).body("children", hasSize(2)));
        assertEquals(0, TriageHandoffConsumerTests.discussionsOfCase(bilalCase).size(), "no discussion of its own");
        // the meeting is due by the earlier (RED: same working day) of the two
        OffsetDateTime due = OffsetDateTime.parse(DemoUsers.manager().get(PATH + id).then().extract().path("dueAt"));
        List<ConsumerRecord<String, String>> opened = KafkaTestClient.awaitRecords(OUT,
                r -> (amira.equals(r.key()) || bilal.equals(r.key())) && r.value().contains("discussion-opened"),
                2, Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> r : opened) {
            JsonNode event = EventSchemas.assertValid(r.value());
            assertEquals(id, event.at("/data/discussionId").asText(), "one discussion for both");
            assertEquals(r.key(), event.at("/data/contactId").asText(), "keyed by the child's contact id");
            DecisionsTests.assertNoPersonalData(r.value());
        }
        DemoUsers.participant("health").get(PATH + id).then().statusCode(200)
                .body("children.contactId", hasItems(amira, bilal)).body("children", hasSize(2));
        assertEquals(1, KafkaTestClient.readAll(OUT, r -> bilal.equals(r.key()) && r.value().contains("discussion-opened"),
                Duration.ofSeconds(3)).size(), "the redelivered hand-off joined once");

        DemoUsers.manager().contentType(ContentType.JSON).body("""
                {"heldAt": "%s", "mode": "VIDEO",
                 "attendance": {"social-care": "ATTENDED", "police": "ATTENDED", "health": "ATTENDED"},
                 "children": {
                   "%s": {"outcome": "S47_JOINT", "rationale": "Present at the incident", "safetyPlan": "With grandmother"},
                   "%s": {"outcome": "CSC_ASSESSMENT", "rationale": "Was at nursery"}}}"""
                        .formatted(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), amira, bilal))
                .post(PATH + id + "/held").then().statusCode(200)
                .body("children.find { it.contactId == '" + amira + "' }.decision.outcome", equalTo("S47_JOINT"))
                .body("children.find { it.contactId == '" + bilal + "' }.decision.outcome", equalTo("CSC_ASSESSMENT"))
                .body("children.find { it.contactId == '" + amira + "' }.s47.joint", equalTo(true))
                .body("children.find { it.contactId == '" + bilal + "' }.s47", equalTo(null));

        List<ConsumerRecord<String, String>> held = KafkaTestClient.awaitRecords(OUT,
                r -> (amira.equals(r.key()) || bilal.equals(r.key()))
                        && (r.value().contains("discussion-held") || r.value().contains("s47-started")),
                3, Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> r : held) {
            JsonNode event = EventSchemas.assertValid(r.value());
            assertEquals(r.key(), event.at("/data/contactId").asText());
            DecisionsTests.assertNoPersonalData(r.value());
            if (event.get("type").asText().endsWith("discussion-held.v1")) {
                assertEquals(r.key().equals(amira) ? "S47_JOINT" : "CSC_ASSESSMENT", event.at("/data/outcome").asText());
                assertEquals(due.toInstant(), OffsetDateTime.parse(event.at("/data/dueAt").asText()).toInstant());
            } else {
                assertEquals(amira, r.key(), "only Amira's decision starts an enquiry");
            }
        }

        // a sibling handed over after the meeting was held gets a discussion of its own
        String lateCase = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        KafkaTestClient.send(TriageHandoffConsumerTests.HANDOFF_TOPIC, late,
                TriageHandoffConsumerTests.handoff(lateCase, late, now, submission, "GREEN"));
        String own = TriageHandoffConsumerTests.awaitDiscussion(lateCase);
        assertEquals(false, own.equals(id));
    }

    @Test
    void aSiblingWhoJoinsWhileTheMeetingIsBeingHeldMakesThatHoldFailInsteadOfLeavingItWithoutADecision() throws Exception {
        String submission = UUID.randomUUID().toString();
        String now = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        String amiraCase = UUID.randomUUID().toString();
        String amira = UUID.randomUUID().toString();
        String bilalCase = UUID.randomUUID().toString();
        String bilal = UUID.randomUUID().toString();
        KafkaTestClient.send(TriageHandoffConsumerTests.HANDOFF_TOPIC, amira,
                TriageHandoffConsumerTests.handoff(amiraCase, amira, now, submission, "RED"));
        String id = TriageHandoffConsumerTests.awaitDiscussion(amiraCase);
        String hold = """
                {"heldAt": "%s", "mode": "VIDEO",
                 "attendance": {"social-care": "ATTENDED", "police": "ATTENDED", "health": "ATTENDED"},
                 "outcome": "CSC_ASSESSMENT", "rationale": "Assessment of needs"}"""
                .formatted(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));

        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection staged = PostgresTestDatabase.connect(url)) {
            // the hold reads the discussion (one child), then waits on this uncommitted attendance row
            staged.setAutoCommit(false);
            try (java.sql.Statement s = staged.createStatement()) {
                s.execute("insert into attendance (discussion_id, agency, status) values ('" + id + "', 'health', 'ATTENDED')");
            }
            java.util.concurrent.Future<Integer> held = pool.submit(() -> DemoUsers.manager().contentType(ContentType.JSON)
                    .body(hold).post(PATH + id + "/held").then().extract().statusCode());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> PostgresTestDatabase.count(
                    "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'") >= 1);
            // meanwhile the brother is handed over (same rating and time: the meeting's due time does not change)
            KafkaTestClient.send(TriageHandoffConsumerTests.HANDOFF_TOPIC, bilal,
                    TriageHandoffConsumerTests.handoff(bilalCase, bilal, now, submission, "RED"));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> PostgresTestDatabase.count(
                    "select count(*) from discussion_child where discussion_id = ?::uuid", UUID.fromString(id)) == 2);
            staged.rollback();
            assertEquals(409, held.get(30, java.util.concurrent.TimeUnit.SECONDS),
                    "the hold read the discussion before Bilal joined: it must not be recorded without his decision");
        } finally {
            pool.shutdownNow();
        }
        DemoUsers.manager().get(PATH + id).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("children", hasSize(2));
        assertEquals(0, KafkaTestClient.readAll(OUT, r -> amira.equals(r.key()) && r.value().contains("discussion-held"),
                Duration.ofSeconds(2)).size(), "nothing published by the failed hold");
        DemoUsers.manager().contentType(ContentType.JSON).body(hold).post(PATH + id + "/held").then().statusCode(200)
                .body("children.find { it.contactId == '" + amira + "' }.decision.outcome", equalTo("CSC_ASSESSMENT"))
                .body("children.find { it.contactId == '" + bilal + "' }.decision.outcome", equalTo("CSC_ASSESSMENT"));
    }

    @Test
    void aHandoffWithoutASubmissionOpensADiscussionOfItsOwn() {
        String now = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        String caseA = UUID.randomUUID().toString();
        String caseB = UUID.randomUUID().toString();
        String contactA = UUID.randomUUID().toString();
        String contactB = UUID.randomUUID().toString();
        KafkaTestClient.send(TriageHandoffConsumerTests.HANDOFF_TOPIC, contactA,
                TriageHandoffConsumerTests.handoff(caseA, contactA, now, null, "RED"));
        KafkaTestClient.send(TriageHandoffConsumerTests.HANDOFF_TOPIC, contactB,
                TriageHandoffConsumerTests.handoff(caseB, contactB, now, null, "RED"));
        String a = TriageHandoffConsumerTests.awaitDiscussion(caseA);
        String b = TriageHandoffConsumerTests.awaitDiscussion(caseB);
        assertEquals(false, a.equals(b));
        DemoUsers.manager().get(PATH + a).then().statusCode(200).body("children", hasSize(1));
    }
}

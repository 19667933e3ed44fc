package org.mash.strategy.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.strategy.events.TriageHandoffConsumerTests;

/** Issue #5 points 5 and 8: the chair's decision per child, never changed, only superseded with who and why. */
@QuarkusTest
public class DecisionsTests {

    static final String PATH = "/api/v1/strategy-discussions/";

    public static String held(String outcome, String rationale, String safetyPlan) {
        return """
                {"heldAt": "%s", "mode": "IN_PERSON",
                 "attendance": {"social-care": "ATTENDED", "police": "ATTENDED", "health": "ATTENDED"},
                 "outcome": "%s", "rationale": "%s", "safetyPlan": "%s"}"""
                .formatted(StrategyDiscussionResourceTests.heldMoment(), outcome, rationale, safetyPlan);
    }

    static String supersede(String outcome, String reason) {
        return """
                {"outcome": "%s", "rationale": "Rationale %s", "safetyPlan": "Revised plan", "reason": "%s"}"""
                .formatted(outcome, outcome, reason);
    }

    @Test
    void theDecisionIsRecordedWithItsSafetyPlanAndSupersededOnlyByALaterOneWithWhoAndWhy() {
        TriageHandoffConsumerTests.Opened opened = TriageHandoffConsumerTests.open();
        String id = opened.discussionId();
        String firstDecision = DemoUsers.manager().contentType(ContentType.JSON)
                .body(held("CSC_ASSESSMENT", "Concerns below the s47 threshold", "Grandmother to collect from school"))
                .post(PATH + id + "/held").then().statusCode(200)
                .body("outcome", equalTo("CSC_ASSESSMENT"))
                .body("children", hasSize(1))
                .body("children[0].decision.safetyPlan", equalTo("Grandmother to collect from school"))
                .body("children[0].decision.recordedBy", equalTo("manager"))
                .body("children[0].s47", nullValue())
                .extract().path("children[0].decision.id");

        // the decision cannot be changed by holding again
        DemoUsers.manager().contentType(ContentType.JSON).body(held("NFA", "Changed my mind", "none"))
                .post(PATH + id + "/held").then().statusCode(409).contentType("application/problem+json");
        // only the chair supersedes, and needs a reason
        DemoUsers.practitioner().contentType(ContentType.JSON).body(supersede("S47_JOINT", "New information"))
                .post(PATH + id + "/decisions/" + firstDecision + "/supersession").then().statusCode(403);
        DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"outcome\": \"S47_JOINT\", \"rationale\": \"x\"}")
                .post(PATH + id + "/decisions/" + firstDecision + "/supersession").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));

        String secret = "Police disclosed a conviction";
        String later = DemoUsers.manager().contentType(ContentType.JSON).body(supersede("S47_JOINT", secret))
                .post(PATH + id + "/decisions/" + firstDecision + "/supersession").then().statusCode(200)
                .body("outcome", equalTo("S47_JOINT"))
                .body("children[0].decision.outcome", equalTo("S47_JOINT"))
                .body("children[0].decision.supersedes", equalTo(firstDecision))
                .body("children[0].decision.supersessionReason", equalTo(secret))
                .body("children[0].decisions", hasSize(2))
                .body("children[0].decisions[0].outcome", equalTo("CSC_ASSESSMENT"))
                .body("children[0].decisions[0].supersededAt", notNullValue())
                .body("s47.joint", equalTo(true))
                .extract().path("children[0].decision.id");

        // the superseded decision cannot be superseded again; the current one can
        DemoUsers.manager().contentType(ContentType.JSON).body(supersede("NFA", "again"))
                .post(PATH + id + "/decisions/" + firstDecision + "/supersession").then().statusCode(409);
        DemoUsers.manager().contentType(ContentType.JSON).body(supersede("NFA", "again"))
                .post(PATH + id + "/decisions/" + java.util.UUID.randomUUID() + "/supersession").then().statusCode(404);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords("mash.strategy.v1",
                r -> opened.contactId().equals(r.key())
                        && (r.value().contains("decision-superseded") || r.value().contains("s47-started")),
                2, Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> r : records) {
            JsonNode event = EventSchemas.assertValid(r.value());
            assertNoPersonalData(r.value());
            assertFalse(r.value().contains(secret), "the reason (free text) stays in the service");
            if (event.get("type").asText().equals("mash.strategy.decision-superseded.v1")) {
                assertEquals("CSC_ASSESSMENT", event.at("/data/previousOutcome").asText());
                assertEquals("S47_JOINT", event.at("/data/outcome").asText());
                assertEquals(id, event.at("/data/discussionId").asText());
            } else {
                assertEquals(true, event.at("/data/joint").asBoolean(), "the later s47 decision starts the enquiry");
            }
        }

        // superseding the s47 decision by NFA withdraws the enquiry, which was not concluded
        DemoUsers.manager().contentType(ContentType.JSON).body(supersede("NFA", "Allegation withdrawn"))
                .post(PATH + id + "/decisions/" + later + "/supersession").then().statusCode(200)
                .body("s47", nullValue())
                .body("children[0].decisions", hasSize(3));

        // the withdrawal is announced (same transaction, through the outbox), so the figures stop counting it
        String enquiryId = records.stream().map(r -> EventSchemas.assertValid(r.value()))
                .filter(e -> e.get("type").asText().equals("mash.strategy.s47-started.v1"))
                .map(e -> e.at("/data/enquiryId").asText()).findFirst().orElseThrow();
        String startedOn = records.stream().map(r -> EventSchemas.assertValid(r.value()))
                .filter(e -> e.get("type").asText().equals("mash.strategy.s47-started.v1"))
                .map(e -> e.at("/data/startedOn").asText()).findFirst().orElseThrow();
        ConsumerRecord<String, String> withdrawn = KafkaTestClient.awaitRecords("mash.strategy.v1",
                r -> opened.contactId().equals(r.key()) && r.value().contains("mash.strategy.s47-withdrawn.v1"),
                1, Duration.ofSeconds(30)).get(0);
        JsonNode event = EventSchemas.assertValid(withdrawn.value());
        assertNoPersonalData(withdrawn.value());
        assertFalse(withdrawn.value().contains("Allegation withdrawn"), "the reason (free text) stays in the service");
        assertEquals(enquiryId, event.at("/data/enquiryId").asText());
        assertEquals(enquiryId, event.get("subject").asText());
        assertEquals(id, event.at("/data/discussionId").asText());
        assertEquals(opened.contactId(), event.at("/data/contactId").asText());
        assertEquals(startedOn, event.at("/data/startedOn").asText());
        assertFalse(event.at("/data/withdrawnAt").isMissingNode());
    }

    @Test
    void aConcludedEnquiryIsNotWithdrawnByALaterDecisionAndNothingIsAnnounced() {
        TriageHandoffConsumerTests.Opened opened = TriageHandoffConsumerTests.open();
        String id = opened.discussionId();
        String s47 = DemoUsers.manager().contentType(ContentType.JSON).body(held("S47_SINGLE_AGENCY", "Threshold met", "Plan"))
                .post(PATH + id + "/held").then().statusCode(200).extract().path("children[0].decision.id");
        String enquiry = DemoUsers.manager().get(PATH + id).then().statusCode(200).extract().path("s47.enquiryId");
        DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"concludedOn\": \"" + EnquiriesTests.today() + "\", \"outcomeCode\": \"ICPC\"}")
                .post(PATH + id + "/enquiries/" + enquiry + "/outcome").then().statusCode(200);
        DemoUsers.manager().contentType(ContentType.JSON).body(supersede("CSC_ASSESSMENT", "Reconsidered"))
                .post(PATH + id + "/decisions/" + s47 + "/supersession").then().statusCode(200)
                .body("s47.enquiryId", equalTo(enquiry));
        KafkaTestClient.awaitRecords("mash.strategy.v1",
                r -> opened.contactId().equals(r.key()) && r.value().contains("decision-superseded"), 1, Duration.ofSeconds(30));
        // published in the same outbox batch as the supersession, had there been one
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> KafkaTestClient.awaitRecords("mash.strategy.v1",
                r -> r.value().contains("s47-withdrawn") && r.value().contains(enquiry), 1, Duration.ofSeconds(3)));
    }

    @Test
    void heldAtCannotBeBeforeTheDiscussionOpenedNorInTheFuture() {
        String id = TriageHandoffConsumerTests.open().discussionId();
        String body = held("NFA", "x", "y");
        // before the opening by more than the grace (5 minutes; three days in the test profile)
        String anHourAgo = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).minusDays(4).withNano(0));
        DemoUsers.manager().contentType(ContentType.JSON)
                .body(body.replaceFirst("\"heldAt\": \"[^\"]+\"", "\"heldAt\": \"" + anHourAgo + "\""))
                .post(PATH + id + "/held").then().statusCode(400).contentType("application/problem+json")
                .body("errors.rule", hasItem("not-before-opening"));
        String tomorrow = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0));
        DemoUsers.manager().contentType(ContentType.JSON)
                .body(body.replaceFirst("\"heldAt\": \"[^\"]+\"", "\"heldAt\": \"" + tomorrow + "\""))
                .post(PATH + id + "/held").then().statusCode(400)
                .body("errors.rule", hasItem("not-in-future"));
        DemoUsers.manager().get(PATH + id).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void ofTwoSupersessionsOfOneDecisionAtOnceOneWinsAndTheOtherIsA409() throws Exception {
        String id = TriageHandoffConsumerTests.open().discussionId();
        String decision = DemoUsers.manager().contentType(ContentType.JSON).body(held("NFA", "No further action", "none"))
                .post(PATH + id + "/held").then().statusCode(200).extract().path("children[0].decision.id");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> DemoUsers.manager().contentType(ContentType.JSON)
                        .body(supersede("S47_JOINT", "Same new information, recorded twice"))
                        .post(PATH + id + "/decisions/" + decision + "/supersession").then().extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one wins: " + statuses);
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), "the others are told: " + statuses);
        } finally {
            pool.shutdown();
        }
        DemoUsers.manager().get(PATH + id).then().statusCode(200)
                .body("children[0].decisions", hasSize(2))
                .body("s47.joint", equalTo(true));
    }

    /** No names, dates of birth, addresses or free text from the example hand-off. */
    public static void assertNoPersonalData(String event) {
        for (String personal : List.of("Amira", "Khan", "2016-04-02", "Example Road", "E8 1AA", "domestic incident",
                "rationale", "Rationale", "safetyPlan", "plan", "information")) {
            assertFalse(event.contains(personal), "no '" + personal + "' in " + event);
        }
    }
}

package org.mash.triage.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.triage.events.ContactEvents;
import org.mash.triage.events.ContactEventsConsumerTests;

/** Partner agencies are asked with context, see only their own checks, and answer once; late checks show. */
@QuarkusTest
class PartnerCheckTests {

    static RequestSpecification healthOfficer() {
        return DemoUsers.as("officer.health", "health", "partner-officer");
    }

    static RequestSpecification policeOfficer() {
        return DemoUsers.as("officer.police", "police", "partner-officer");
    }

    static String requestCheck(String caseId, String agency, String question) {
        return DemoUsers.practitioner().contentType(ContentType.JSON)
                .body(Map.of("agency", agency, "question", question))
                .post("/api/v1/triage/cases/" + caseId + "/checks")
                .then().statusCode(201).extract().path("id");
    }

    static ConsumerRecord<String, String> awaitEvent(String contactId, String type, String checkId) {
        return KafkaTestClient.awaitRecords("mash.triage.v1", r -> contactId.equals(r.key()) && r.value().contains(type)
                && r.value().contains(checkId), 1, Duration.ofSeconds(30)).get(0);
    }

    static ValidatableResponse queueItem(String caseId) {
        return DemoUsers.practitioner().queryParam("size", 500).get("/api/v1/triage/queue").then().statusCode(200);
    }

    @Test
    void aPractitionerAsksHealthWithContextAndHealthAnswersOnce() {
        String contactId = ContactEvents.publishContact(false, "SAME_DAY");
        String caseId = DecisionFlowTests.awaitCase(contactId);

        DemoUsers.practitioner().contentType(ContentType.JSON).body("{\"agency\": \"fire-brigade\", \"question\": \" \"}")
                .post("/api/v1/triage/cases/" + caseId + "/checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("agency", "question")))
                .body("errors.rule", equalTo(List.of("one-of", "required")));
        DemoUsers.practitioner().contentType(ContentType.JSON).body("{\"agency\": \"health\", \"question\": \"x\", \"extra\": 1}")
                .post("/api/v1/triage/cases/" + caseId + "/checks").then().statusCode(400);
        healthOfficer().contentType(ContentType.JSON).body(Map.of("agency", "health", "question", "x"))
                .post("/api/v1/triage/cases/" + caseId + "/checks").then().statusCode(403);

        String question = "Domestic incident at the home; are the children known to health visiting or A&E?";
        var created = DemoUsers.practitioner().contentType(ContentType.JSON)
                .body(Map.of("agency", "health", "question", question))
                .post("/api/v1/triage/cases/" + caseId + "/checks")
                .then().statusCode(201).body("agency", equalTo("health")).body("rag", equalTo("AMBER"))
                .body("requestedBy", equalTo("practitioner")).body("result", equalTo(null)).extract();
        String checkId = created.path("id");
        OffsetDateTime requestedAt = OffsetDateTime.parse(created.path("requestedAt"));
        OffsetDateTime dueAt = OffsetDateTime.parse(created.path("dueAt"));
        assertEquals(Duration.ofHours(8), Duration.between(requestedAt, dueAt), "AMBER: due 8 hours after the request");
        String policeCheck = requestCheck(caseId, "police", "Any call-outs to the address in the last year?");

        // the event says who was asked, when and by when: nothing of the question or the child
        ConsumerRecord<String, String> requested = awaitEvent(contactId, "check-requested", checkId);
        JsonNode event = EventSchemas.assertValid(requested.value());
        assertEquals("health", event.at("/data/agency").asText());
        assertEquals(caseId, event.at("/data/caseId").asText());
        assertEquals("AMBER", event.at("/data/rag").asText());
        assertEquals(dueAt.toInstant(), OffsetDateTime.parse(event.at("/data/dueAt").asText()).toInstant());
        ContactEventsConsumerTests.assertNoPersonalData(requested.value());
        assertFalse(requested.value().contains("health visiting"), "the question stays in triage");

        // the case and the queue show the unanswered checks
        queueItem(caseId).body("items.find { it.id == '" + caseId + "' }.checksPending", equalTo(2))
                .body("items.find { it.id == '" + caseId + "' }.checksOverdue", equalTo(0));

        // health sees its check with the child's identity and the question, and nothing else of the case
        healthOfficer().queryParam("size", 500).get("/api/v1/triage/checks").then().statusCode(200)
                .body("items.id", hasItem(checkId)).body("items.id", not(hasItem(policeCheck)))
                .body("items.agency", not(hasItem("police")));
        JsonNode seen = io.vertx.core.json.jackson.DatabindCodec.mapper().valueToTree(healthOfficer()
                .get("/api/v1/triage/checks/" + checkId).then().statusCode(200).extract().as(Map.class));
        assertEquals(List.of("agency", "child", "dueAt", "id", "information", "overdue", "question", "requestedAt",
                "requestedBy", "respondedAt", "respondedBy", "result"), DecisionFlowTests.fieldNames(seen));
        assertEquals(List.of("address", "dateOfBirth", "expectedDateOfBirth", "firstName", "lastName"),
                DecisionFlowTests.fieldNames(seen.get("child")));
        assertEquals("Amira", seen.at("/child/firstName").asText());
        assertEquals("E8 1AA", seen.at("/child/address/postcode").asText());
        assertEquals(question, seen.get("question").asText());
        assertTrue(PostgresTestDatabase.count("select count(*) from access_log where record_type = 'partner-check' "
                + "and record_id = ?::uuid and username = 'officer.health' and agency = 'health'", checkId) >= 2,
                "the officer's list and read are logged");

        // another agency's officer: not found, not forbidden
        policeOfficer().get("/api/v1/triage/checks/" + checkId).then().statusCode(404).contentType("application/problem+json");
        policeOfficer().contentType(ContentType.JSON).body("{\"result\": \"NOTHING_KNOWN\"}")
                .post("/api/v1/triage/checks/" + checkId + "/response").then().statusCode(404);
        DemoUsers.practitioner().get("/api/v1/triage/checks").then().statusCode(403);

        healthOfficer().contentType(ContentType.JSON).body("{\"result\": \"INFORMATION_HELD\"}")
                .post("/api/v1/triage/checks/" + checkId + "/response")
                .then().statusCode(400).body("errors[0].field", equalTo("information"));
        healthOfficer().contentType(ContentType.JSON)
                .body("{\"result\": \"INFORMATION_HELD\", \"information\": \"Two A&E attendances for minor injuries.\"}")
                .post("/api/v1/triage/checks/" + checkId + "/response")
                .then().statusCode(200).body("result", equalTo("INFORMATION_HELD"))
                .body("respondedBy", equalTo("officer.health"));
        healthOfficer().contentType(ContentType.JSON).body("{\"result\": \"NOTHING_KNOWN\"}")
                .post("/api/v1/triage/checks/" + checkId + "/response")
                .then().statusCode(409).contentType("application/problem+json");

        ConsumerRecord<String, String> responded = awaitEvent(contactId, "check-responded", checkId);
        JsonNode answer = EventSchemas.assertValid(responded.value());
        assertEquals("INFORMATION_HELD", answer.at("/data/result").asText());
        assertTrue(answer.at("/data/withinDue").asBoolean());
        assertEquals("health", answer.at("/data/agency").asText());
        ContactEventsConsumerTests.assertNoPersonalData(responded.value());
        assertFalse(responded.value().contains("A&E"), "the answer stays in triage");

        DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().statusCode(200)
                .body("item.checksPending", equalTo(1))
                .body("checks.find { it.id == '" + checkId + "' }.information", equalTo("Two A&E attendances for minor injuries."))
                .body("checks.find { it.id == '" + checkId + "' }.respondedBy", equalTo("officer.health"))
                .body("checks.find { it.id == '" + policeCheck + "' }.result", equalTo(null));
        DemoUsers.manager().get("/api/v1/triage/cases/" + caseId + "/checks").then().statusCode(200)
                .body("agency", equalTo(List.of("health", "police")));
    }

    @Test
    void aManagerFindsWhichPartnerOfficersSawTheChildInTheCasesAccessLog() {
        String caseId = DecisionFlowTests.awaitCase(ContactEvents.publishContact(false, null));
        String checkId = requestCheck(caseId, "housing", "Any concerns about the tenancy? Domestic incident at home.");

        DemoUsers.as("officer.housing.list", "housing", "partner-officer").queryParam("size", 500)
                .get("/api/v1/triage/checks").then().statusCode(200).body("items.id", hasItem(checkId));
        DemoUsers.as("officer.housing.read", "housing", "partner-officer").get("/api/v1/triage/checks/" + checkId)
                .then().statusCode(200).body("child.lastName", equalTo("Khan"));
        DemoUsers.as("officer.housing.answer", "housing", "partner-officer").contentType(ContentType.JSON)
                .body("{\"result\": \"NOTHING_KNOWN\"}").post("/api/v1/triage/checks/" + checkId + "/response")
                .then().statusCode(200).body("child.lastName", equalTo("Khan"));

        var log = DemoUsers.manager().queryParam("recordId", caseId).get("/api/v1/access-log").then().statusCode(200);
        for (String officer : List.of("officer.housing.list", "officer.housing.read", "officer.housing.answer")) {
            log.body("items.findAll { it.username == '" + officer + "' && it.action == 'READ-BY-PARTNER' "
                    + "&& it.recordType == 'triage-case' }.size()", equalTo(1))
                    .body("items.find { it.username == '" + officer + "' }.agency", equalTo("housing"))
                    .body("items.find { it.username == '" + officer + "' }.roles", equalTo("partner-officer"));
        }
        assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where record_type = 'partner-check' "
                + "and record_id = ?::uuid and username = 'officer.housing.answer' and action = 'RESPOND'", checkId));
        DemoUsers.as("officer.housing.list", "housing", "partner-officer").get("/api/v1/access-log").then().statusCode(403);
    }

    @Test
    void ofSeveralAnswersAtTheSameMomentOneWinsAndTheOthersAre409() throws Exception {
        String caseId = DecisionFlowTests.awaitCase(ContactEvents.publishContact(false, null));
        String checkId = requestCheck(caseId, "education", "Is attendance a concern? Domestic incident at home.");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.CompletableFuture<Integer>> answers = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> DemoUsers
                            .as("officer.education" + i, "education", "partner-officer").contentType(ContentType.JSON)
                            .body("{\"result\": \"NOTHING_KNOWN\"}").post("/api/v1/triage/checks/" + checkId + "/response")
                            .statusCode(), pool)).toList();
            assertEquals(List.of(200, 409, 409, 409),
                    answers.stream().map(java.util.concurrent.CompletableFuture::join).sorted().toList());
        } finally {
            pool.shutdownNow();
        }
        DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().statusCode(200)
                .body("item.checksPending", equalTo(0));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from case_activity where case_id = ?::uuid "
                + "and action = 'CHECK_ANSWERED'", caseId), "one answer recorded");
    }

    @Test
    void aCheckLeftUnansweredWhenTheDecisionIsAuthorisedIsNotFlaggedOverdueButCanStillBeAnswered() {
        String decidedContact = ContactEvents.publishContact(false, null);
        String decidedCase = DecisionFlowTests.awaitCase(decidedContact);
        String undecidedContact = ContactEvents.publishContact(false, null);
        String undecidedCase = DecisionFlowTests.awaitCase(undecidedContact);
        String decidedCheck = requestCheck(decidedCase, "mental-health", "Is the mother known to the service? Domestic incident.");
        String undecidedCheck = requestCheck(undecidedCase, "mental-health", "Is the father known to the service? Domestic incident.");
        DecisionFlowTests.propose(decidedCase, "{\"outcome\": \"NFA\", \"rationale\": \"Universal services involved\"}", 200);
        DemoUsers.manager().post("/api/v1/triage/cases/" + decidedCase + "/decision/authorisation").then().statusCode(200);

        // both checks pass their due time at once: the watch that flags the undecided case's check sees both
        PostgresTestDatabase.executeInApplicationDatabase("update partner_check set due_at = now() - interval '1 minute' "
                + "where id in ('" + decidedCheck + "', '" + undecidedCheck + "')");
        awaitEvent(undecidedContact, "check-overdue", undecidedCheck);
        assertTrue(KafkaTestClient.readAll("mash.triage.v1", r -> decidedContact.equals(r.key())
                && r.value().contains("check-overdue"), Duration.ofSeconds(4)).isEmpty(),
                "the decided case's check is not announced overdue");
        assertEquals(0, PostgresTestDatabase.count("select count(*) from partner_check where id = ?::uuid "
                + "and overdue_flagged_at is not null", decidedCheck), "nor flagged");
        assertEquals(0, PostgresTestDatabase.count("select checks_overdue from triage_case where id = ?::uuid", decidedCase));
        assertEquals(0, PostgresTestDatabase.count("select count(*) from case_activity where case_id = ?::uuid "
                + "and action = 'CHECK_OVERDUE'", decidedCase));

        // the agency can still open and answer it
        RequestSpecification officer = DemoUsers.as("officer.mental-health", "mental-health", "partner-officer");
        officer.get("/api/v1/triage/checks/" + decidedCheck).then().statusCode(200);
        DemoUsers.as("officer.mental-health", "mental-health", "partner-officer").contentType(ContentType.JSON)
                .body("{\"result\": \"NOTHING_KNOWN\"}").post("/api/v1/triage/checks/" + decidedCheck + "/response")
                .then().statusCode(200).body("result", equalTo("NOTHING_KNOWN"));
        EventSchemas.assertValid(awaitEvent(decidedContact, "check-responded", decidedCheck).value());
    }

    @Test
    void aCheckPastItsDueTimeIsFlaggedOnTheCaseAndTheQueueAndPublishedOnce() {
        String contactId = ContactEvents.publishContact(true, null);
        String caseId = DecisionFlowTests.awaitCase(contactId);
        String checkId = requestCheck(caseId, "probation", "Is the father known to probation? Domestic incident at home.");
        // two hours pass (RED): the check is now past its due time
        PostgresTestDatabase.executeInApplicationDatabase("update partner_check set due_at = now() - interval '1 minute', "
                + "requested_at = now() - interval '121 minutes' where id = '" + checkId + "'");

        ConsumerRecord<String, String> overdue = awaitEvent(contactId, "check-overdue", checkId);
        JsonNode event = EventSchemas.assertValid(overdue.value());
        assertEquals("probation", event.at("/data/agency").asText());
        assertEquals("RED", event.at("/data/rag").asText());
        ContactEventsConsumerTests.assertNoPersonalData(overdue.value());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> DemoUsers.practitioner().queryParam("checksOverdue", true)
                .queryParam("size", 500).get("/api/v1/triage/queue").then().statusCode(200)
                .body("items.find { it.id == '" + caseId + "' }.checksOverdue", equalTo(1)));
        DemoUsers.practitioner().queryParam("checksOverdue", false).queryParam("size", 500).get("/api/v1/triage/queue")
                .then().statusCode(200).body("items.id", not(hasItem(caseId)));
        DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().statusCode(200)
                .body("checks[0].overdue", equalTo(true)).body("checks[0].overdueFlaggedAt", org.hamcrest.Matchers.notNullValue());

        assertEquals(1, KafkaTestClient.readAll("mash.triage.v1", r -> contactId.equals(r.key())
                && r.value().contains("check-overdue"), Duration.ofSeconds(4)).size(), "published once, not at every check");

        // a late answer: the flag clears on the case, and the event says it was not within the due time
        DemoUsers.as("officer.probation", "probation", "partner-officer").contentType(ContentType.JSON)
                .body("{\"result\": \"NOTHING_KNOWN\"}").post("/api/v1/triage/checks/" + checkId + "/response")
                .then().statusCode(200).body("overdue", equalTo(true));
        JsonNode late = EventSchemas.assertValid(awaitEvent(contactId, "check-responded", checkId).value());
        assertFalse(late.at("/data/withinDue").asBoolean());
        DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().statusCode(200)
                .body("item.checksOverdue", equalTo(0)).body("item.checksPending", equalTo(0));
    }
}

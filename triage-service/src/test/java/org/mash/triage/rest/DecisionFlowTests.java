package org.mash.triage.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.platform.testing.DemoUsers;
import org.mash.triage.events.ContactEvents;

/** A practitioner proposes, a manager authorises, and only then the decision leaves the service. */
@QuarkusTest
public class DecisionFlowTests {

    public static String awaitCase(String contactId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> DemoUsers.practitioner().queryParam("size", 500)
                .get("/api/v1/triage/queue").then().statusCode(200).extract()
                .<String>path("items.find { it.contactId == '" + contactId + "' }.id"), id -> id != null);
    }

    static void propose(String caseId, String body, int status) {
        DemoUsers.practitioner().contentType(ContentType.JSON).body(body)
                .post("/api/v1/triage/cases/" + caseId + "/decision").then().statusCode(status);
    }

    @Test
    void aStrategyDiscussionIsProposedAuthorisedAndHandedOff() {
        String contactId = ContactEvents.publishContact(false, "SAME_DAY");
        String caseId = awaitCase(contactId);
        DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().statusCode(200)
                .body("item.rag", equalTo("AMBER"))
                .body("contact.child.lastName", equalTo("Khan"));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where record_type = 'triage-case' "
                + "and record_id = ?::uuid and username = 'practitioner' and action = 'READ'", caseId), "the read is logged");
        assertTrue(PostgresTestDatabase.count("select count(*) from access_log where record_type = 'triage-case' "
                + "and record_id = ?::uuid and username = 'practitioner' and action = 'LIST'", caseId) >= 1,
                "and so is the queue that showed it");

        DemoUsers.practitioner().contentType(ContentType.JSON)
                .body("{\"outcome\": \"STRATEGY_DISCUSSION\", \"rationale\": \"Reasonable cause to suspect significant harm\"}")
                .post("/api/v1/triage/cases/" + caseId + "/decision")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("primaryNeedCode"));
        DemoUsers.practitioner().contentType(ContentType.JSON).body("{\"outcome\": \"MAYBE\", \"rationale\": \"x\"}")
                .post("/api/v1/triage/cases/" + caseId + "/decision")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("outcome"));

        propose(caseId, "{\"outcome\": \"STRATEGY_DISCUSSION\", \"rationale\": \"Reasonable cause to suspect significant harm\", "
                + "\"primaryNeedCode\": \"N1\"}", 200);
        assertTrue(KafkaTestClient.readAll("mash.triage.v1",
                r -> contactId.equals(r.key()) && r.value().contains("decision-authorised"), Duration.ofSeconds(2)).isEmpty(),
                "a proposal alone does not leave the service");

        DemoUsers.as("practitioner", "mash", "mash-practitioner").post("/api/v1/triage/cases/" + caseId + "/decision/authorisation")
                .then().statusCode(403);
        DemoUsers.manager().post("/api/v1/triage/cases/" + caseId + "/decision/authorisation")
                .then().statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("decision.outcome", equalTo("STRATEGY_DISCUSSION"))
                .body("decision.authorisedBy", equalTo("manager"));
        DemoUsers.manager().post("/api/v1/triage/cases/" + caseId + "/decision/authorisation")
                .then().statusCode(409).contentType("application/problem+json");

        ConsumerRecord<String, String> decided = KafkaTestClient.awaitRecords("mash.triage.v1",
                r -> contactId.equals(r.key()) && r.value().contains("decision-authorised"), 1, Duration.ofSeconds(30)).get(0);
        JsonNode decision = EventSchemas.assertValid(decided.value());
        assertEquals("STRATEGY_DISCUSSION", decision.at("/data/outcome").asText());
        assertTrue(decision.at("/data/referral").asBoolean());
        assertEquals("N1", decision.at("/data/primaryNeedCode").asText());
        org.mash.triage.events.ContactEventsConsumerTests.assertNoPersonalData(decided.value());

        ConsumerRecord<String, String> handoff = KafkaTestClient.awaitRecords("mash.triage.strategy-handoff.v1",
                r -> contactId.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
        JsonNode requested = EventSchemas.assertValid(handoff.value());
        assertEquals("Amira", requested.at("/data/child/firstName").asText());
        assertEquals(List.of("address", "dateOfBirth", "expectedDateOfBirth", "firstName", "lastName"),
                fieldNames(requested.at("/data/child")), "only what participants need to identify the child");

        DemoUsers.manager().get("/api/v1/triage/queue").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(caseId)));
    }

    @Test
    void aManagerCanReturnAProposalWithACommentButNotAuthoriseTheirOwn() {
        String contactId = ContactEvents.publishContact(false, null);
        String caseId = awaitCase(contactId);
        propose(caseId, "{\"outcome\": \"NFA\", \"rationale\": \"Universal services involved\"}", 200);

        DemoUsers.manager().contentType(ContentType.JSON).body("{\"comment\": \"\"}")
                .post("/api/v1/triage/cases/" + caseId + "/decision/return")
                .then().statusCode(400).body("errors[0].field", equalTo("comment"));
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"comment\": \"Check the school's view first\"}")
                .post("/api/v1/triage/cases/" + caseId + "/decision/return")
                .then().statusCode(200).body("status", equalTo("OPEN"))
                .body("proposal.returnComment", equalTo("Check the school's view first"));
        DemoUsers.manager().post("/api/v1/triage/cases/" + caseId + "/decision/authorisation").then().statusCode(409);
    }

    @Test
    void theQueuePutsTheMostUrgentFirstAndShowsTimeLeft() {
        String green = ContactEvents.publishContact(false, null);
        String red = ContactEvents.publishContact(true, null);
        awaitCase(green);
        awaitCase(red);
        List<String> order = DemoUsers.practitioner().queryParam("size", 500).get("/api/v1/triage/queue")
                .then().statusCode(200).body("items[0].minutesLeft", notNullValue()).extract().path("items.contactId");
        assertTrue(order.indexOf(red) < order.indexOf(green), "RED (4 h) before GREEN (72 h)");
        DemoUsers.practitioner().queryParam("rag", "RED").queryParam("size", 500).get("/api/v1/triage/queue")
                .then().statusCode(200).body("items.contactId", hasItem(red))
                .body("items.contactId", org.hamcrest.Matchers.not(hasItem(green)));
        DemoUsers.practitioner().queryParam("rag", "PURPLE").get("/api/v1/triage/queue")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("rag"));
    }

    @Test
    void aBooleanFilterIsTrueOrFalseNotAnythingElse() {
        for (String parameter : List.of("overdue", "checksOverdue", "mine")) {
            DemoUsers.practitioner().queryParam(parameter, "maybe").get("/api/v1/triage/queue")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(parameter))
                    .body("errors[0].message", equalTo("'maybe' is not true or false"));
            DemoUsers.practitioner().queryParam(parameter, "TRUE").get("/api/v1/triage/queue").then().statusCode(200);
        }
    }

    @Test
    void onlyMashStaffSeeTheQueue() {
        DemoUsers.referrer().get("/api/v1/triage/queue").then().statusCode(403);
        given().get("/api/v1/triage/queue").then().statusCode(401);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}

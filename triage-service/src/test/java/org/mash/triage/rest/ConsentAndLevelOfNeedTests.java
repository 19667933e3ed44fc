package org.mash.triage.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.triage.events.ContactEvents;
import org.mash.triage.events.ContactEventsConsumerTests;

/** Consent with its four-eyes override, the level of need, and both on the authorised decision. */
@QuarkusTest
class ConsentAndLevelOfNeedTests {

    static final String SUBMISSION = "5d2c7b0e-1111-4a8c-9a36-0c7e1fd3f2a4";

    static io.restassured.response.ValidatableResponse consent(RequestSpecification as, String caseId, String body) {
        return as.contentType(ContentType.JSON).body(body).post("/api/v1/triage/cases/" + caseId + "/consent").then();
    }

    @Test
    void consentIsKeptAsHistoryAndAnOverrideNeedsAReasonAndAnotherManager() {
        String caseId = DecisionFlowTests.awaitCase(ContactEvents.publishContact(false, null));
        // the referrer's record (the contract example: not sought, with a reason) is the case's first
        DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId + "/consent").then().statusCode(200)
                .body("status", equalTo("NOT_SOUGHT"))
                .body("history[0].recordedBy", equalTo("referrer.police"))
                .body("history[0].recordedRole", equalTo("referrer"))
                .body("history[0].reason", equalTo("Would place the child at risk"));
        consent(DemoUsers.practitioner(), caseId, "{\"status\": \"NOT_SOUGHT\"}")
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        consent(DemoUsers.practitioner(), caseId, "{\"status\": \"MAYBE\"}").statusCode(400);
        consent(DemoUsers.practitioner(), caseId, "{\"status\": \"SOUGHT\"}").statusCode(200).body("status", equalTo("SOUGHT"));
        consent(DemoUsers.practitioner(), caseId, "{\"status\": \"REFUSED\", \"reason\": \"The mother declined\"}")
                .statusCode(200).body("status", equalTo("REFUSED"));
        consent(DemoUsers.practitioner(), caseId, "{\"status\": \"OVERRIDDEN\"}")
                .statusCode(400).body("errors[0].field", equalTo("reason"));

        // the practitioner's override waits for a manager: the refusal stands meanwhile
        consent(DemoUsers.practitioner(), caseId,
                "{\"status\": \"OVERRIDDEN\", \"reason\": \"Sharing is needed to protect the children from significant harm\"}")
                .statusCode(200).body("status", equalTo("REFUSED"))
                .body("pendingOverride.recordedBy", equalTo("practitioner"))
                .body("pendingOverride.override", equalTo("PENDING"));
        DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().statusCode(200)
                .body("item.consentStatus", equalTo("REFUSED")).body("item.consentOverridePending", equalTo(true));
        DemoUsers.practitioner().post("/api/v1/triage/cases/" + caseId + "/consent/override/authorisation")
                .then().statusCode(403);
        DemoUsers.manager().post("/api/v1/triage/cases/" + caseId + "/consent/override/authorisation")
                .then().statusCode(200).body("status", equalTo("OVERRIDDEN"))
                .body("pendingOverride", nullValue())
                .body("history.status", equalTo(List.of("NOT_SOUGHT", "SOUGHT", "REFUSED", "OVERRIDDEN")))
                .body("history[3].authorisedBy", equalTo("manager"))
                .body("history[3].override", equalTo("AUTHORISED"))
                .body("history[3].reason", equalTo("Sharing is needed to protect the children from significant harm"));
        DemoUsers.manager().post("/api/v1/triage/cases/" + caseId + "/consent/override/authorisation")
                .then().statusCode(409).contentType("application/problem+json");

        // a manager's own override needs another manager
        consent(DemoUsers.manager(), caseId, "{\"status\": \"OVERRIDDEN\", \"reason\": \"Risk of significant harm\"}")
                .statusCode(200).body("pendingOverride.recordedBy", equalTo("manager"));
        DemoUsers.manager().post("/api/v1/triage/cases/" + caseId + "/consent/override/authorisation")
                .then().statusCode(409).body("errors[0].rule", equalTo("four-eyes"));
        // recording another status withdraws the pending override
        consent(DemoUsers.practitioner(), caseId, "{\"status\": \"GIVEN\"}").statusCode(200)
                .body("status", equalTo("GIVEN")).body("pendingOverride", nullValue())
                .body("history[4].override", equalTo("WITHDRAWN"));
        DemoUsers.manager().get("/api/v1/triage/cases/" + caseId + "/consent").then().statusCode(200)
                .body("history.size()", equalTo(6));
    }

    @Test
    void theLevelOfNeedAndConsentTravelWithTheAuthorisedDecision() {
        String contactId = ContactEvents.publishContact(true, null);
        String caseId = DecisionFlowTests.awaitCase(contactId);
        DemoUsers.practitioner().contentType(ContentType.JSON).body("{\"level\": 5, \"rationale\": \"x\"}")
                .post("/api/v1/triage/cases/" + caseId + "/level-of-need")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("level"));
        DemoUsers.practitioner().contentType(ContentType.JSON).body("{\"level\": 3}")
                .post("/api/v1/triage/cases/" + caseId + "/level-of-need")
                .then().statusCode(400).body("errors[0].field", equalTo("rationale"));
        DemoUsers.practitioner().contentType(ContentType.JSON)
                .body("{\"level\": 3, \"rationale\": \"Complex needs: repeated domestic incidents\"}")
                .post("/api/v1/triage/cases/" + caseId + "/level-of-need")
                .then().statusCode(200).body("levelOfNeed", equalTo(3));

        consent(DemoUsers.practitioner(), caseId, "{\"status\": \"OVERRIDDEN\", \"reason\": \"Risk of significant harm\"}")
                .statusCode(200);
        DemoUsers.manager().post("/api/v1/triage/cases/" + caseId + "/consent/override/authorisation").then().statusCode(200);

        DemoUsers.practitioner().contentType(ContentType.JSON)
                .body("{\"outcome\": \"STRATEGY_DISCUSSION\", \"rationale\": \"Reasonable cause to suspect significant harm\", "
                        + "\"primaryNeedCode\": \"N1\", \"levelOfNeed\": {\"level\": 7}}")
                .post("/api/v1/triage/cases/" + caseId + "/decision")
                .then().statusCode(400).body("errors.field", equalTo(List.of("levelOfNeed.level", "levelOfNeed.rationale")));
        DemoUsers.practitioner().contentType(ContentType.JSON)
                .body("{\"outcome\": \"STRATEGY_DISCUSSION\", \"rationale\": \"Reasonable cause to suspect significant harm\", "
                        + "\"primaryNeedCode\": \"N1\", \"levelOfNeed\": {\"level\": 4, \"rationale\": \"Acute: the children were present at an assault\"}}")
                .post("/api/v1/triage/cases/" + caseId + "/decision")
                .then().statusCode(200).body("levelOfNeed", equalTo(4)).body("status", equalTo("PROPOSED"));
        DemoUsers.practitioner().contentType(ContentType.JSON).body("{\"level\": 2, \"rationale\": \"x\"}")
                .post("/api/v1/triage/cases/" + caseId + "/level-of-need").then().statusCode(409);
        DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().statusCode(200)
                .body("levelsOfNeed.level", equalTo(List.of(3, 4)))
                .body("levelsOfNeed[1].recordedBy", equalTo("practitioner"))
                .body("levelsOfNeed[1].rationale", equalTo("Acute: the children were present at an assault"));

        DemoUsers.manager().post("/api/v1/triage/cases/" + caseId + "/decision/authorisation").then().statusCode(200);
        ConsumerRecord<String, String> decided = KafkaTestClient.awaitRecords("mash.triage.v1",
                r -> contactId.equals(r.key()) && r.value().contains("decision-authorised"), 1, Duration.ofSeconds(30)).get(0);
        JsonNode decision = EventSchemas.assertValid(decided.value());
        assertEquals(4, decision.at("/data/levelOfNeed").asInt());
        assertEquals("OVERRIDDEN", decision.at("/data/consentStatus").asText());
        assertTrue(decision.at("/data/consentOverrideReasonRecorded").asBoolean());
        assertEquals(SUBMISSION, decision.at("/data/submissionId").asText());
        ContactEventsConsumerTests.assertNoPersonalData(decided.value());
        assertFalse(decided.value().contains("significant harm"), "reasons and rationales stay in triage");

        JsonNode handoff = EventSchemas.assertValid(KafkaTestClient.awaitRecords("mash.triage.strategy-handoff.v1",
                r -> contactId.equals(r.key()), 1, Duration.ofSeconds(30)).get(0).value());
        assertEquals(SUBMISSION, handoff.at("/data/submissionId").asText());
    }

    @Test
    void withoutAMashRecordTheReferrersConsentTravelsAndNoLevelIsSaidSo() {
        String contactId = ContactEvents.publishWithConsent(java.util.Map.of("status", "GIVEN"));
        String caseId = DecisionFlowTests.awaitCase(contactId);
        DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().statusCode(200)
                .body("item.consentStatus", equalTo("GIVEN"))
                // the case says how fresh it is: how many contact events are still to apply
                .body("freshness.status", org.hamcrest.Matchers.oneOf("up to date", "catching up"))
                .body("freshness.eventsBehind", org.hamcrest.Matchers.notNullValue());
        DecisionFlowTests.propose(caseId, "{\"outcome\": \"EARLY_HELP\", \"rationale\": \"Family support\"}", 200);
        DemoUsers.manager().post("/api/v1/triage/cases/" + caseId + "/decision/authorisation").then().statusCode(200);
        JsonNode decision = EventSchemas.assertValid(KafkaTestClient.awaitRecords("mash.triage.v1",
                r -> contactId.equals(r.key()) && r.value().contains("decision-authorised"), 1, Duration.ofSeconds(30))
                .get(0).value());
        assertEquals("GIVEN", decision.at("/data/consentStatus").asText(), "the referrer's consent, not NOT_RECORDED");
        assertTrue(decision.at("/data/levelOfNeed").isNull());
        assertTrue(decision.at("/data/consentOverrideReasonRecorded").isNull());
    }
}

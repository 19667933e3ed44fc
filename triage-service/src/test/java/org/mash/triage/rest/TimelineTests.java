package org.mash.triage.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.ContractEvents;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.triage.events.ContactEvents;

/** Every action on a case is on its timeline with who and when; queue and timeline reads are access-logged. */
@QuarkusTest
class TimelineTests {

    @Test
    void everyActionOnACaseIsOnItsTimelineWithWhoAndWhen() {
        // received five days ago: GREEN's 72 hours have passed, so the watch flags it first
        String contactId = ContactEvents.publishContactReceivedAt(OffsetDateTime.now().minusDays(5));
        String caseId = DecisionFlowTests.awaitCase(contactId);
        await().atMost(Duration.ofSeconds(30)).until(() -> DemoUsers.manager().get("/api/v1/triage/cases/" + caseId)
                .then().extract().path("item.overdueFlaggedAt") != null);

        String amendment = ContractEvents.envelope("mash.contacts.contact-amended.v1", "/mash/contacts-service", contactId,
                ContractEvents.data("mash.contacts.contact-amended.v1", Map.of("contactId", contactId,
                        "amendmentId", UUID.randomUUID().toString(), "amendedAt", OffsetDateTime.now().toString())));
        KafkaTestClient.send("mash.contacts.v1", contactId, amendment);
        await().atMost(Duration.ofSeconds(30)).until(() -> DemoUsers.manager().get("/api/v1/triage/cases/" + caseId)
                .then().extract().<List<?>>path("amendments").size() == 1);

        DemoUsers.practitioner().contentType(ContentType.JSON).body("{\"rag\": \"AMBER\", \"rationale\": \"Older concern\"}")
                .post("/api/v1/triage/cases/" + caseId + "/rating").then().statusCode(200);
        DemoUsers.practitioner().post("/api/v1/triage/cases/" + caseId + "/claim").then().statusCode(200);
        DemoUsers.practitioner().post("/api/v1/triage/cases/" + caseId + "/release").then().statusCode(200);
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"assignee\": \"practitioner\"}")
                .post("/api/v1/triage/cases/" + caseId + "/assignment").then().statusCode(200);
        String checkId = PartnerCheckTests.requestCheck(caseId, "health", "Known to health visiting? Domestic incident.");
        PostgresTestDatabase.executeInApplicationDatabase(
                "update partner_check set due_at = now() - interval '1 minute' where id = '" + checkId + "'");
        await().atMost(Duration.ofSeconds(30)).until(() -> DemoUsers.manager().get("/api/v1/triage/cases/" + caseId)
                .then().extract().<Integer>path("item.checksOverdue") == 1);
        PartnerCheckTests.healthOfficer().contentType(ContentType.JSON).body("{\"result\": \"NOTHING_KNOWN\"}")
                .post("/api/v1/triage/checks/" + checkId + "/response").then().statusCode(200);
        DemoUsers.practitioner().contentType(ContentType.JSON)
                .body("{\"status\": \"NOT_SOUGHT\", \"reason\": \"Would place the child at risk\"}")
                .post("/api/v1/triage/cases/" + caseId + "/consent").then().statusCode(200);
        DemoUsers.practitioner().contentType(ContentType.JSON).body("{\"level\": 2, \"rationale\": \"Additional needs\"}")
                .post("/api/v1/triage/cases/" + caseId + "/level-of-need").then().statusCode(200);
        DecisionFlowTests.propose(caseId, "{\"outcome\": \"EARLY_HELP\", \"rationale\": \"Family support\"}", 200);
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"comment\": \"Ask the school first\"}")
                .post("/api/v1/triage/cases/" + caseId + "/decision/return").then().statusCode(200);
        DecisionFlowTests.propose(caseId, "{\"outcome\": \"EARLY_HELP\", \"rationale\": \"School agrees: family support\"}", 200);
        DemoUsers.manager().post("/api/v1/triage/cases/" + caseId + "/decision/authorisation").then().statusCode(200);

        JsonPath timeline = DemoUsers.manager().get("/api/v1/triage/cases/" + caseId + "/timeline").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("RECEIVED", "CONSENT_RECORDED", "RATED", "OVERDUE", "AMENDED", "RATED", "CLAIMED", "RELEASED", "ASSIGNED",
                "CHECK_REQUESTED", "CHECK_OVERDUE", "CHECK_ANSWERED", "CONSENT_RECORDED", "LEVEL_OF_NEED_RECORDED",
                "PROPOSED", "RETURNED", "PROPOSED", "AUTHORISED"), timeline.getList("action"), timeline.prettify());
        // who: the user name of the account that posted or added to the contact, not the agency
        assertEquals(List.of("referrer.police", "referrer.police", "system", "system", "referrer.police", "practitioner", "practitioner", "practitioner",
                "manager", "practitioner", "system", "officer.health", "practitioner", "practitioner", "practitioner",
                "manager", "practitioner", "manager"), timeline.getList("by"));
        assertEquals(List.of("referrer", "referrer", "system", "system", "referrer", "mash-practitioner", "mash-practitioner",
                "mash-practitioner", "mash-manager", "mash-practitioner", "system", "partner-officer", "mash-practitioner",
                "mash-practitioner", "mash-practitioner", "mash-manager", "mash-practitioner", "mash-manager"),
                timeline.getList("role"));
        List<String> at = timeline.getList("at");
        for (int i = 1; i < at.size(); i++) {
            assertTrue(!OffsetDateTime.parse(at.get(i)).isBefore(OffsetDateTime.parse(at.get(i - 1))), "in time order: " + at);
        }
        assertTrue(timeline.getString("detail[0]").contains("made by PC Sam Patel (Constable, Metropolitan Police)"),
                timeline.getString("detail[0]"));
        assertEquals("NOT_SOUGHT (recorded by the referrer in the contact): Would place the child at risk",
                timeline.getString("detail[1]"));
        assertEquals("to practitioner", timeline.getString("detail[8]"));
        assertEquals("Ask the school first", timeline.getString("detail[15]"));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where record_id = ?::uuid "
                + "and action = 'READ-TIMELINE' and username = 'manager'", caseId), "the timeline read is logged");
        // a write answers with the child's name, date of birth and concern: each is access-logged as a read is
        for (String[] write : new String[][] {{"WRITE-CLAIMED", "practitioner"}, {"WRITE-ASSIGNED", "manager"},
                {"WRITE-CHECK_REQUESTED", "practitioner"}, {"WRITE-CONSENT_RECORDED", "practitioner"},
                {"WRITE-LEVEL_OF_NEED_RECORDED", "practitioner"}, {"WRITE-PROPOSED", "practitioner"},
                {"WRITE-RETURNED", "manager"}, {"WRITE-AUTHORISED", "manager"}}) {
            assertTrue(PostgresTestDatabase.count("select count(*) from access_log where record_id = ?::uuid "
                    + "and record_type = 'triage-case' and action = ? and username = ?", caseId, write[0], write[1]) >= 1,
                    write[0] + " by " + write[1] + " is access-logged");
        }
        assertEquals(2, PostgresTestDatabase.count("select count(*) from access_log where record_id = ?::uuid "
                + "and action = 'WRITE-PROPOSED' and roles = 'mash-practitioner'", caseId), "each proposal, with the roles");

        DemoUsers.referrer().get("/api/v1/triage/cases/" + caseId + "/timeline").then().statusCode(403);
        DemoUsers.manager().get("/api/v1/triage/cases/" + UUID.randomUUID() + "/timeline").then().statusCode(404);
    }

    @Test
    void everyCaseShownInTheQueueIsAccessLogged() {
        String caseId = DecisionFlowTests.awaitCase(ContactEvents.publishContact(false, null));
        String reader = "queue.reader." + UUID.randomUUID().toString().substring(0, 8);
        List<String> shown = DemoUsers.as(reader, "mash", "mash-practitioner").queryParam("size", 20)
                .get("/api/v1/triage/queue").then().statusCode(200).body("size", equalTo(20))
                .extract().path("items.id");
        assertTrue(!shown.isEmpty());
        assertEquals(shown.size(), PostgresTestDatabase.count("select count(*) from access_log where username = ? "
                + "and action = 'LIST' and record_type = 'triage-case' and roles = 'mash-practitioner'", reader));
        for (String id : shown) {
            assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where username = ? "
                    + "and record_id = ?::uuid and action = 'LIST'", reader, id), id);
        }
        assertTrue(caseId != null);
    }
}

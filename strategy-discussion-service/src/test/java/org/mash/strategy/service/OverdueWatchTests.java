package org.mash.strategy.service;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.strategy.events.TriageHandoffConsumerTests;
import org.mash.strategy.rest.DecisionsTests;

/** Issue #5 point 6: overdue discussions, actions and ICPCs are listed and published once each. */
@QuarkusTest
class OverdueWatchTests {

    static final String PATH = "/api/v1/strategy-discussions/";
    static final String DEADLINES = "/api/v1/strategy/deadlines";
    static final String OUT = "mash.strategy.v1";

    static List<ConsumerRecord<String, String>> overdueEvents(String contactId, String kind, int count) {
        return KafkaTestClient.awaitRecords(OUT, r -> contactId.equals(r.key()) && r.value().contains("item-overdue")
                && r.value().contains("\"kind\":\"" + kind + "\""), count, Duration.ofSeconds(30));
    }

    static int publishedAgain(String contactId, String kind) {
        return KafkaTestClient.readAll(OUT, r -> contactId.equals(r.key()) && r.value().contains("item-overdue")
                && r.value().contains("\"kind\":\"" + kind + "\""), Duration.ofSeconds(4)).size();
    }

    @Test
    void aDiscussionNotHeldByItsDueTimeIsFlaggedAndPublishedOnce() {
        String caseId = UUID.randomUUID().toString();
        String contactId = UUID.randomUUID().toString();
        // RED, authorised on Friday 20 Nov 2026: due by the end of that day, long past
        KafkaTestClient.send(TriageHandoffConsumerTests.HANDOFF_TOPIC, contactId,
                TriageHandoffConsumerTests.handoff(caseId, contactId, "2026-11-20T11:30:00Z"));
        String id = TriageHandoffConsumerTests.awaitDiscussion(caseId);

        JsonNode event = EventSchemas.assertValid(overdueEvents(contactId, "DISCUSSION", 1).get(0).value());
        assertEquals(id, event.at("/data/itemId").asText());
        assertEquals(id, event.at("/data/discussionId").asText());
        assertEquals("2026-11-20T23:59:59Z", event.at("/data/dueAt").asText());
        DecisionsTests.assertNoPersonalData(event.toString());
        assertEquals(1, publishedAgain(contactId, "DISCUSSION"), "published once, not at every check");

        DemoUsers.manager().queryParam("overdue", true).queryParam("kind", "DISCUSSION").queryParam("size", 500)
                .get(DEADLINES).then().statusCode(200)
                .body("items.find { it.itemId == '" + id + "' }.overdue", equalTo(true))
                .body("items.find { it.itemId == '" + id + "' }.flaggedAt", notNullValue());
        DemoUsers.manager().queryParam("overdue", false).queryParam("size", 500).get(DEADLINES).then().statusCode(200)
                .body("items.itemId", not(hasItem(id)));
        DemoUsers.manager().get(PATH + id).then().statusCode(200)
                .body("overdue", equalTo(true)).body("overdueFlaggedAt", notNullValue());
        DemoUsers.participant("health").queryParam("overdue", true).queryParam("size", 500).get(DEADLINES)
                .then().statusCode(200).body("items.itemId", hasItem(id));
        DemoUsers.participant("education").queryParam("overdue", true).queryParam("size", 500).get(DEADLINES)
                .then().statusCode(200).body("items.itemId", not(hasItem(id)));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where record_id = ?::uuid "
                + "and agency = 'health' and action = 'LIST_DEADLINES'", id), "the list read is logged");
        DemoUsers.manager().queryParam("kind", "MEETING").get(DEADLINES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("kind"));
        DemoUsers.analyst().get(DEADLINES).then().statusCode(403);
    }

    @Test
    void aPageBeyondTheLastIsRefusedNamingPage() {
        DemoUsers.manager().queryParam("page", 5_000_000).queryParam("size", 500).get(DEADLINES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("page"));
        DemoUsers.manager().queryParam("page", DeadlineService.MAX_PAGE + 1).get(DEADLINES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("page"));
        DemoUsers.manager().queryParam("page", -1).queryParam("size", 501).get(DEADLINES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("page", "size"));
        DemoUsers.manager().queryParam("page", DeadlineService.MAX_PAGE).queryParam("size", 500).get(DEADLINES)
                .then().statusCode(200).body("page", equalTo(DeadlineService.MAX_PAGE));
    }

    @Test
    void anActionNotDoneByItsDueDateAndAnIcpcNotHeldByItsTargetAreFlaggedOnce() {
        TriageHandoffConsumerTests.Opened opened = TriageHandoffConsumerTests.open();
        String id = opened.discussionId();
        String enquiry = DemoUsers.manager().contentType(ContentType.JSON).body(DecisionsTests.held("S47_JOINT", "Joint", "Plan"))
                .post(PATH + id + "/held").then().statusCode(200).extract().path("s47.enquiryId");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String action = DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"description\": \"Police check\", \"agency\": \"police\", \"dueOn\": \"" + today + "\"}")
                .post(PATH + id + "/actions").then().statusCode(201).extract().path("id");
        DemoUsers.manager().queryParam("overdue", false).queryParam("size", 500).get(DEADLINES).then().statusCode(200)
                .body("items.itemId", hasItem(action)).body("items.itemId", hasItem(enquiry));

        // time passes (staged in the database): the action's date and the ICPC target are behind us
        PostgresTestDatabase.executeInApplicationDatabase("update discussion_action set due_on = date '2026-11-02' where id = '" + action + "'");
        PostgresTestDatabase.executeInApplicationDatabase("update s47_enquiry set icpc_target_date = date '2026-11-02' where id = '" + enquiry + "'");

        JsonNode actionEvent = EventSchemas.assertValid(overdueEvents(opened.contactId(), "ACTION", 1).get(0).value());
        assertEquals(action, actionEvent.at("/data/itemId").asText());
        assertEquals("police", actionEvent.at("/data/agency").asText());
        assertEquals("2026-11-02T23:59:59Z", actionEvent.at("/data/dueAt").asText());
        JsonNode icpcEvent = EventSchemas.assertValid(overdueEvents(opened.contactId(), "ICPC", 1).get(0).value());
        assertEquals(enquiry, icpcEvent.at("/data/itemId").asText());
        assertEquals("2026-11-02T23:59:59Z", icpcEvent.at("/data/dueAt").asText());
        DecisionsTests.assertNoPersonalData(actionEvent.toString());
        assertEquals(1, publishedAgain(opened.contactId(), "ACTION"));
        assertEquals(1, publishedAgain(opened.contactId(), "ICPC"));

        DemoUsers.practitioner().queryParam("overdue", true).queryParam("size", 500).get(DEADLINES).then().statusCode(200)
                .body("items.find { it.itemId == '" + action + "' }.kind", equalTo("ACTION"))
                .body("items.find { it.itemId == '" + enquiry + "' }.kind", equalTo("ICPC"));
        DemoUsers.manager().get(PATH + id).then().statusCode(200)
                .body("s47.icpcOverdue", equalTo(true)).body("overdueActions", equalTo(1));

        // another invited agency sees the discussion's deadlines, but not the police's action (as on the discussion page)
        DemoUsers.participant("health").queryParam("size", 500).get(DEADLINES).then().statusCode(200)
                .body("items.itemId", hasItem(enquiry)).body("items.itemId", not(hasItem(action)));
        DemoUsers.participant("police").queryParam("size", 500).get(DEADLINES).then().statusCode(200)
                .body("items.itemId", hasItem(action));

        // done: no longer listed
        DemoUsers.participant("police").contentType(ContentType.JSON).body("{}")
                .post(PATH + id + "/actions/" + action + "/completion").then().statusCode(200);
        DemoUsers.manager().queryParam("overdue", true).queryParam("kind", "ACTION").queryParam("size", 500)
                .get(DEADLINES).then().statusCode(200).body("items.itemId", not(hasItem(action)));
    }

    @Test
    void anEnquiryConcludedWithIcpcNotRequiredHasNoIcpcDeadline() {
        TriageHandoffConsumerTests.Opened opened = TriageHandoffConsumerTests.open();
        String id = opened.discussionId();
        String enquiry = DemoUsers.manager().contentType(ContentType.JSON).body(DecisionsTests.held("S47_SINGLE_AGENCY", "s47", "Plan"))
                .post(PATH + id + "/held").then().statusCode(200).extract().path("s47.enquiryId");
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"concludedOn\": \"" + today + "\", \"outcomeCode\": \"NFA\"}")
                .post(PATH + id + "/enquiries/" + enquiry + "/outcome").then().statusCode(200);
        PostgresTestDatabase.executeInApplicationDatabase("update s47_enquiry set icpc_target_date = date '2026-11-02' where id = '" + enquiry + "'");
        assertEquals(0, publishedAgain(opened.contactId(), "ICPC"));
        DemoUsers.manager().queryParam("overdue", true).queryParam("kind", "ICPC").queryParam("size", 500)
                .get(DEADLINES).then().statusCode(200).body("items.itemId", not(hasItem(enquiry)));
    }
}

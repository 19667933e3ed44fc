package org.mash.contacts.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.mash.platform.testing.DemoUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mash.contacts.rest.ContactResourceTests;
import java.util.Map;
import org.mash.platform.testing.ContractEvents;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;

/** The referrer learns the outcome from triage's events, built from the published schema examples. */
@QuarkusTest
class TriageEventsConsumerTests {

    @Test
    void anAuthorisedDecisionReachesTheReferrerOnceAndUnknownFieldsAreIgnored() throws Exception {
        String contactId = ContactResourceTests.submit(DemoUsers.policeReferrer(), ContactResourceTests.TWO_SIBLINGS);

        String opened = event("mash.triage.case-opened.v1", contactId, "2026-11-20T09:15:01Z");
        String decided = event("mash.triage.decision-authorised.v1", contactId, "2026-11-20T11:30:00Z");
        KafkaTestClient.send("mash.triage.v1", contactId, opened);
        KafkaTestClient.send("mash.triage.v1", contactId, decided);
        KafkaTestClient.send("mash.triage.v1", contactId, decided); // redelivery

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> DemoUsers.policeReferrer().get("/api/v1/contacts/" + contactId)
                .then().statusCode(200)
                .body("contact.status", equalTo("DECIDED"))
                .body("contact.outcome", equalTo("STRATEGY_DISCUSSION"))
                .body("timeline.step[0..2]", equalTo(java.util.List.of("RECEIVED", "IN_TRIAGE", "DECIDED"))));

        String decisionEventId = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(decided).get("id").asText();
        assertEquals(1, PostgresTestDatabase.count("select count(*) from processed_event where event_id = ?", decisionEventId), "the same event twice has one effect");
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        KafkaTestClient.send("mash.triage.v1", "x", "this is not json");
        KafkaTestClient.awaitRecords("mash.contacts-service.dlq", r -> "this is not json".equals(r.value()), 1,
                Duration.ofSeconds(30));
    }

    /** A triage event for our contact, from the schema's example, with fields this service does not know. */
    static String event(String type, String contactId, String time) {
        return ContractEvents.envelope(type, "/mash/triage-service", contactId, ContractEvents.data(type, Map.of("contactId", contactId)));
    }
}

package org.mash.triage.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.DemoUsers;

@QuarkusTest
public class ContactEventsConsumerTests {

    /** Personal data in the contact example that must never leave on mash.triage.v1. */
    static final List<String> PERSONAL = List.of("Amira", "Khan", "2016-04-02", "E8 1AA", "Example Road", "9434765919",
            "domestic incident", "Sam Patel");

    public static void assertNoPersonalData(String json) {
        for (String p : PERSONAL) {
            assertFalse(json.contains(p), "event carries personal data '" + p + "': " + json);
        }
    }

    @Test
    void informationAddedToTheContactShowsOnTheCase() {
        String contactId = ContactEvents.publishContact(false, null);
        String caseId = org.mash.triage.rest.DecisionFlowTests.awaitCase(contactId);
        String amended = org.mash.platform.testing.ContractEvents.envelope("mash.contacts.contact-amended.v1",
                "/mash/contacts-service", contactId, org.mash.platform.testing.ContractEvents.data(
                        "mash.contacts.contact-amended.v1", java.util.Map.of("contactId", contactId,
                                "amendmentId", UUID.randomUUID().toString())));
        KafkaTestClient.send("mash.contacts.v1", contactId, amended);
        KafkaTestClient.send("mash.contacts.v1", contactId, amended);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> DemoUsers.practitioner()
                .get("/api/v1/triage/cases/" + caseId).then().statusCode(200)
                .body("amendments", hasSize(1))
                .body("amendments[0].kind", equalTo("ADDITIONAL_INFORMATION"))
                .body("amendments[0].agency", equalTo("police")));
    }

    @Test
    void aContactEntersTheQueueOnceEvenIfDeliveredTwiceAndTheCaseOpenedEventIsPseudonymous() {
        String contactId = UUID.randomUUID().toString();
        String event = ContactEvents.contactReceived(contactId, true, null);
        KafkaTestClient.send("mash.contacts.v1", contactId, event);
        KafkaTestClient.send("mash.contacts.v1", contactId, event);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> DemoUsers.practitioner()
                .queryParam("size", 500).get("/api/v1/triage/queue")
                .then().statusCode(200)
                .body("items.findAll { it.contactId == '" + contactId + "' }", hasSize(1))
                .body("items.find { it.contactId == '" + contactId + "' }.rag", equalTo("RED"))
                .body("items.find { it.contactId == '" + contactId + "' }.child.firstName", equalTo("Amira")));

        List<ConsumerRecord<String, String>> opened = KafkaTestClient.awaitRecords("mash.triage.v1",
                r -> contactId.equals(r.key()) && r.value().contains("case-opened"), 1, Duration.ofSeconds(30));
        JsonNode json = EventSchemas.assertValid(opened.get(0).value());
        assertEquals("RED", json.at("/data/rag").asText());
        assertEquals("10-15", json.at("/data/ageBand").asText());
        assertEquals(64, json.at("/data/childRef").asText().length());
        assertNoPersonalData(opened.get(0).value());
    }
}

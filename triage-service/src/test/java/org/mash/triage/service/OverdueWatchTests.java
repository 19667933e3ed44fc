package org.mash.triage.service;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.triage.events.ContactEvents;
import org.mash.triage.events.ContactEventsConsumerTests;
import org.mash.triage.rest.DecisionFlowTests;

/** A case past its due time undecided is flagged on the queue and announced once. */
@QuarkusTest
class OverdueWatchTests {

    @Test
    void aCaseThatPassedItsDueTimeIsFlaggedAndPublishedOnce() {
        // received five days ago: GREEN's 72 hours have passed
        String contactId = ContactEvents.publishContactReceivedAt(OffsetDateTime.now().minusDays(5));
        String caseId = DecisionFlowTests.awaitCase(contactId);

        List<ConsumerRecord<String, String>> overdue = KafkaTestClient.awaitRecords("mash.triage.v1",
                r -> contactId.equals(r.key()) && r.value().contains("case-overdue"), 1, Duration.ofSeconds(30));
        JsonNode event = EventSchemas.assertValid(overdue.get(0).value());
        assertEquals(caseId, event.at("/data/caseId").asText());
        ContactEventsConsumerTests.assertNoPersonalData(overdue.get(0).value());

        DemoUsers.practitioner().queryParam("overdue", true).queryParam("size", 500).get("/api/v1/triage/queue")
                .then().statusCode(200)
                .body("items.find { it.id == '" + caseId + "' }.overdue", equalTo(true))
                .body("items.find { it.id == '" + caseId + "' }.overdueFlaggedAt", notNullValue());

        assertEquals(1, KafkaTestClient.readAll("mash.triage.v1",
                r -> contactId.equals(r.key()) && r.value().contains("case-overdue"), Duration.ofSeconds(4)).size(),
                "published once, not at every check");
    }
}

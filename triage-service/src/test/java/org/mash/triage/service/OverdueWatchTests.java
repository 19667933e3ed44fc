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

    /**
     * Several instances of the service run the watch; one at a time does the work. While another holds the watch's
     * lock (here, a test's connection), this instance flags nothing; once it is free, the case is flagged, once.
     */
    @Test
    void whileAnotherInstanceHoldsTheWatchThisOneFlagsNothing() throws Exception {
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String contactId;
        try (java.sql.Connection other = org.mash.platform.testing.PostgresTestDatabase.connect(url);
             java.sql.Statement lock = other.createStatement()) {
            lock.execute("select pg_advisory_lock(1296126792, 4)");
            contactId = ContactEvents.publishContactReceivedAt(OffsetDateTime.now().minusDays(5));
            DecisionFlowTests.awaitCase(contactId);
            Thread.sleep(3000);
            assertEquals(0, KafkaTestClient.readAll("mash.triage.v1",
                    r -> contactId.equals(r.key()) && r.value().contains("case-overdue"), Duration.ofSeconds(1)).size(),
                    "not flagged while another instance watches");
            lock.execute("select pg_advisory_unlock(1296126792, 4)");
        }
        KafkaTestClient.awaitRecords("mash.triage.v1", r -> contactId.equals(r.key()) && r.value().contains("case-overdue"), 1,
                Duration.ofSeconds(30));
        assertEquals(1, KafkaTestClient.readAll("mash.triage.v1",
                r -> contactId.equals(r.key()) && r.value().contains("case-overdue"), Duration.ofSeconds(3)).size());
    }
}

package org.mash.contacts.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mash.contacts.rest.ContactResourceTests;
import org.mash.platform.testing.ContractEvents;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;

/** An event the service cannot apply for a while (its database fails transiently) is retried, never skipped or dead-lettered. */
@QuarkusTest
class TransientFailureTests {

    @Test
    void aDecisionArrivingWhileTheDatabaseFailsIsAppliedOnceItRecovers() {
        String contactId = ContactResourceTests.submit(DemoUsers.policeReferrer(), ContactResourceTests.TWO_SIBLINGS);
        String type = "mash.triage.decision-authorised.v1";
        String decided = ContractEvents.envelope(type, "/mash/triage-service", contactId,
                ContractEvents.data(type, Map.of("contactId", contactId, "outcome", "EARLY_HELP")));

        // a serialization failure on every attempt: the database is there but cannot take the change for now
        PostgresTestDatabase.failInsertsInto("processed_event", "40001");
        try {
            KafkaTestClient.send("mash.triage.v1", contactId, decided);
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> true);
            assertEquals("RECEIVED", DemoUsers.manager().get("/api/v1/contacts/" + contactId).then().extract().path("contact.status"));
        } finally {
            PostgresTestDatabase.clearFault("processed_event");
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> "EARLY_HELP".equals(DemoUsers.manager()
                .get("/api/v1/contacts/" + contactId).then().extract().path("contact.outcome")));
        assertTrue(KafkaTestClient.readAll("mash.contacts-service.dlq", r -> contactId.equals(r.key()), Duration.ofSeconds(2))
                .isEmpty(), "not dead-lettered");
    }
}

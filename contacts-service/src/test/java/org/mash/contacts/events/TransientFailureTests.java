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

    /**
     * A contact posted while the database fails for a moment (a restart, a lost connection) is taken once it is back,
     * within the same request, when it carries an Idempotency-Key; without one the partner is told 503, try again.
     */
    @Test
    void aContactPostedWhileTheDatabaseBlinksIsStoredOnceWithinTheRequest() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        PostgresTestDatabase.failInsertsInto("contact", "40001");
        java.util.concurrent.CompletableFuture<Void> mended = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            PostgresTestDatabase.clearFault("contact");
        });
        try {
            String contactId = DemoUsers.policeReferrer().contentType(io.restassured.http.ContentType.JSON)
                    .header("Idempotency-Key", key).body(org.mash.contacts.rest.ContactResourceTests.TWO_SIBLINGS)
                    .post("/api/v1/contacts").then().statusCode(201).extract().path("contactIds[0]");
            assertEquals(1, PostgresTestDatabase.count("select count(*) from contact where id = ?", java.util.UUID.fromString(contactId)));
            assertEquals(2, PostgresTestDatabase.count("select count(*) from contact c join idempotency_key k "
                    + "on k.submission_id = c.submission_id where k.idempotency_key = ?", key));
        } finally {
            mended.get();
        }

        PostgresTestDatabase.failInsertsInto("contact", "40001");
        try {
            DemoUsers.policeReferrer().contentType(io.restassured.http.ContentType.JSON)
                    .body(org.mash.contacts.rest.ContactResourceTests.TWO_SIBLINGS).post("/api/v1/contacts").then()
                    .statusCode(503).contentType("application/problem+json").header("Retry-After", "2");
        } finally {
            PostgresTestDatabase.clearFault("contact");
        }
    }
}

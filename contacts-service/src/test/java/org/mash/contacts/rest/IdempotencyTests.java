package org.mash.contacts.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;

/** A partner's retried submission never becomes two contacts. */
@QuarkusTest
class IdempotencyTests {

    static List<String> post(io.restassured.specification.RequestSpecification as, String key, String body, String replayed) {
        return as.contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/contacts")
                .then().statusCode(201).header("Idempotent-Replayed", replayed)
                .extract().path("contactIds");
    }

    @Test
    void theSameKeyAndBodyReturnTheSameContactsAndPublishThemOnce() {
        String key = UUID.randomUUID().toString();
        List<String> first = post(DemoUsers.policeReferrer(), key, ContactResourceTests.TWO_SIBLINGS, "false");
        List<String> again = post(DemoUsers.policeReferrer(), key, ContactResourceTests.TWO_SIBLINGS, "true");
        assertEquals(first, again, "the replay names the children in the order of the submission");
        assertEquals(2, PostgresTestDatabase.count("select count(*) from contact where id in (?::uuid, ?::uuid)",
                first.get(0), first.get(1)));
        assertEquals(2, KafkaTestClient.readAll("mash.contacts.v1", r -> first.contains(r.key()), Duration.ofSeconds(4)).size(),
                "one event per child, not per request");
    }

    @Test
    void aReplayAnswersInTheOrderOfTheSubmission() {
        // ids are random, so an order that came from them would differ from the submission's in half the tries
        for (int i = 0; i < 8; i++) {
            String key = UUID.randomUUID().toString();
            io.restassured.path.json.JsonPath first = DemoUsers.policeReferrer().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).body(ContactResourceTests.TWO_SIBLINGS).post("/api/v1/contacts")
                    .then().statusCode(201).extract().jsonPath();
            io.restassured.path.json.JsonPath again = DemoUsers.policeReferrer().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).body(ContactResourceTests.TWO_SIBLINGS).post("/api/v1/contacts")
                    .then().statusCode(201).header("Idempotent-Replayed", "true").extract().jsonPath();
            assertEquals(first.getList("contactIds"), again.getList("contactIds"));
            assertEquals(List.of("Amira", "Bilal"), again.getList("contacts.childFirstName"), "as submitted");
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndStoresNothing() {
        String key = UUID.randomUUID().toString();
        post(DemoUsers.policeReferrer(), key, ContactResourceTests.TWO_SIBLINGS, "false");
        long before = PostgresTestDatabase.count("select count(*) from contact");
        DemoUsers.policeReferrer().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(ContactResourceTests.TWO_SIBLINGS.replace("both children were present", "the children were asleep"))
                .post("/api/v1/contacts")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(before, PostgresTestDatabase.count("select count(*) from contact"));
    }

    @Test
    void keysBelongToTheirAgency() {
        String key = UUID.randomUUID().toString();
        List<String> police = post(DemoUsers.policeReferrer(), key, ContactResourceTests.TWO_SIBLINGS, "false");
        List<String> school = post(DemoUsers.schoolReferrer(), key, ContactResourceTests.TWO_SIBLINGS, "false");
        assertNotEquals(Set.copyOf(police), Set.copyOf(school));
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOneSubmission() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<List<String>>> calls = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> DemoUsers.policeReferrer().contentType(ContentType.JSON)
                            .header("Idempotency-Key", key).body(ContactResourceTests.TWO_SIBLINGS)
                            .post("/api/v1/contacts").then().statusCode(201).extract().<List<String>>path("contactIds"), pool))
                    .toList();
            Set<Set<String>> answers = calls.stream().map(CompletableFuture::join).map(Set::copyOf).collect(Collectors.toSet());
            assertEquals(1, answers.size(), "every retry answers with the same contacts");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, PostgresTestDatabase.count("select count(*) from idempotency_key where idempotency_key = ?", key));
        assertEquals(2, PostgresTestDatabase.count("select count(*) from contact c join idempotency_key k "
                + "on c.submission_id = k.submission_id where k.idempotency_key = ?", key));
    }

    @Test
    void aMalformedKeyIsAProblem() {
        DemoUsers.policeReferrer().contentType(ContentType.JSON).header("Idempotency-Key", "x".repeat(201))
                .body(ContactResourceTests.TWO_SIBLINGS).post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }
}

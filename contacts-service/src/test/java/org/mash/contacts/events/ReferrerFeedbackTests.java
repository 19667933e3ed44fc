package org.mash.contacts.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.contacts.domain.CallbackPolicy;
import org.mash.contacts.rest.ContactResourceTests;
import org.mash.platform.testing.ContractEvents;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.platform.testing.TestTokens;
import org.mash.platform.security.Roles;
import io.restassured.specification.RequestSpecification;

/** The referrer is told the outcome, and the metrics learn when: by a signed, retried callback or in their view. */
@QuarkusTest
class ReferrerFeedbackTests {

    static final String SECRET = "a-police-case-system-secret-of-40-chars!!";

    record Received(String signature, String timestamp, String body) {
    }

    static void decide(String contactId) {
        String type = "mash.triage.decision-authorised.v1";
        KafkaTestClient.send("mash.triage.v1", contactId, ContractEvents.envelope(type, "/mash/triage-service", contactId,
                ContractEvents.data(type, Map.of("contactId", contactId, "outcome", "CSC_ASSESSMENT"))));
    }

    @Test
    void theAgencysCaseSystemGetsASignedNotificationRetriedUntilAcknowledged() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer agency = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        agency.createContext("/mash-outcomes", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst(CallbackPolicy.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(CallbackPolicy.TIMESTAMP_HEADER), body));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        agency.start();
        try {
            DemoUsers.policeIntegrator().contentType(ContentType.JSON)
                    .body("{\"url\": \"http://127.0.0.1:" + agency.getAddress().getPort() + "/mash-outcomes\", \"secret\": \"" + SECRET + "\"}")
                    .put("/api/v1/callbacks/mine").then().statusCode(200);
            // the secret is stored sealed, never as it was given
            assertEquals(0, PostgresTestDatabase.count("select count(*) from agency_callback where secret like ?",
                    "%" + SECRET.substring(0, 20) + "%"));
            assertEquals(1, PostgresTestDatabase.count("select count(*) from agency_callback where agency = 'police' "
                    + "and secret like 'v1:%'"));
            String contactId = ContactResourceTests.submit(DemoUsers.policeReferrer(), ContactResourceTests.TWO_SIBLINGS);
            decide(contactId);

            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().filter(r -> r.body().contains(contactId)).count() >= 2);
            for (Received r : received.stream().filter(r -> r.body().contains(contactId)).toList()) {
                assertEquals(CallbackPolicy.signature(SECRET, r.timestamp(), r.body()), r.signature(), "signed with our secret");
                assertTrue(r.body().contains("CSC_ASSESSMENT"));
                assertFalse(r.body().contains("Amira"), "ids and the outcome only");
            }

            ConsumerRecord<String, String> status = KafkaTestClient.awaitRecords("mash.contacts.status.v1",
                    rec -> contactId.equals(rec.key()), 1, Duration.ofSeconds(30)).get(0);
            JsonNode event = EventSchemas.assertValid(status.value());
            assertEquals("CALLBACK", event.at("/data/how").asText());
            DemoUsers.policeReferrer().get("/api/v1/contacts/" + contactId).then().statusCode(200)
                    .body("timeline.step", hasItem("REFERRER_INFORMED"));
            assertEquals(1, KafkaTestClient.readAll("mash.contacts.status.v1", rec -> contactId.equals(rec.key()),
                    Duration.ofSeconds(3)).size(), "told once");
        } finally {
            DemoUsers.policeIntegrator().delete("/api/v1/callbacks/mine").then().statusCode(204);
            agency.stop(0);
        }
    }

    @Test
    void withoutACallbackTheReferrerIsToldWhenTheyFirstReadTheOutcome() {
        String contactId = ContactResourceTests.submit(DemoUsers.schoolReferrer(), ContactResourceTests.TWO_SIBLINGS);
        decide(contactId);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DECIDED".equals(DemoUsers.manager()
                .get("/api/v1/contacts/" + contactId).then().extract().path("contact.status")));
        assertTrue(KafkaTestClient.readAll("mash.contacts.status.v1", r -> contactId.equals(r.key()), Duration.ofSeconds(2))
                .isEmpty(), "a manager reading it does not inform the referrer");

        DemoUsers.schoolReferrer().get("/api/v1/contacts/" + contactId).then().statusCode(200);
        DemoUsers.schoolReferrer().get("/api/v1/contacts/" + contactId).then().statusCode(200)
                .body("timeline.step", hasItem("REFERRER_INFORMED"));
        List<ConsumerRecord<String, String>> status = KafkaTestClient.awaitRecords("mash.contacts.status.v1",
                r -> contactId.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals("VIEW", EventSchemas.assertValid(status.get(0).value()).at("/data/how").asText());
        assertEquals(1, KafkaTestClient.readAll("mash.contacts.status.v1", r -> contactId.equals(r.key()),
                Duration.ofSeconds(3)).size(), "told once");
    }

    @Test
    void registrationsAreCheckedAndTheSecretIsNeverShown() {
        RequestSpecification schoolIntegrator = io.restassured.RestAssured.given().auth().oauth2(
                TestTokens.token("referrer.school", "education", "referrer", Roles.INTEGRATION_ADMIN));
        schoolIntegrator.contentType(ContentType.JSON)
                .body("{\"url\": \"http://cases.example.org/hook\", \"secret\": \"" + SECRET + "\"}")
                .put("/api/v1/callbacks/mine").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("https"));
        schoolIntegrator.get("/api/v1/callbacks/mine").then().statusCode(404);
        DemoUsers.manager().get("/api/v1/callbacks/mine").then().statusCode(403);
    }

    @Test
    void onlyAnAgencysIntegrationAdminRegistersAndOnlyToAHostTheOperatorAllowed() {
        String hook = "{\"url\": \"%s\", \"secret\": \"" + SECRET + "\"}";
        // a referrer without the dedicated role cannot send the agency's outcomes elsewhere
        DemoUsers.schoolReferrer().contentType(ContentType.JSON).body(hook.formatted("https://cases.example.org/hook"))
                .put("/api/v1/callbacks/mine").then().statusCode(403);
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body(hook.formatted("http://127.0.0.1:9/hook"))
                .put("/api/v1/callbacks/mine").then().statusCode(403);
        // an integration admin, to a host not on the operator's list for the agency
        DemoUsers.policeIntegrator().contentType(ContentType.JSON).body(hook.formatted("https://attacker.example.net/x"))
                .put("/api/v1/callbacks/mine").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url")).body("errors[0].rule", equalTo("allowed-host"));
        // an agency the operator gave no list: nowhere
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.token("referrer.health", "health", "referrer",
                        Roles.INTEGRATION_ADMIN)).contentType(ContentType.JSON).body(hook.formatted("https://cases.example.org/hook"))
                .put("/api/v1/callbacks/mine").then().statusCode(400).body("errors[0].rule", equalTo("allowed-host"));
        DemoUsers.policeIntegrator().contentType(ContentType.JSON)
                .body(hook.formatted("https://user:password@localhost/x"))
                .put("/api/v1/callbacks/mine").then().statusCode(400).body("errors[0].rule", equalTo("no-credentials"));
    }
}

package org.mash.triage.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.triage.events.ContactEvents;

/** A case is never worked by two people unknowingly, and every RAG rating is kept. */
@QuarkusTest
class AllocationAndRatingTests {

    @Test
    void ofSeveralClaimsAtTheSameMomentOneWinsAndTheOthersAre409() throws Exception {
        String caseId = DecisionFlowTests.awaitCase(ContactEvents.publishContact(false, null));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> claims = IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> DemoUsers.as("practitioner" + i, "mash", "mash-practitioner")
                            .post("/api/v1/triage/cases/" + caseId + "/claim").statusCode(), pool))
                    .toList();
            List<Integer> statuses = claims.stream().map(CompletableFuture::join).sorted().toList();
            assertEquals(List.of(200, 409, 409, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void claimReleaseAndAssign() {
        String caseId = DecisionFlowTests.awaitCase(ContactEvents.publishContact(false, null));
        DemoUsers.practitioner().post("/api/v1/triage/cases/" + caseId + "/claim")
                .then().statusCode(200).body("assignee", equalTo("practitioner"));
        DemoUsers.practitioner().queryParam("mine", true).queryParam("size", 500).get("/api/v1/triage/queue")
                .then().statusCode(200).body("items.id", hasItem(caseId));
        DemoUsers.as("other.practitioner", "mash", "mash-practitioner").post("/api/v1/triage/cases/" + caseId + "/claim")
                .then().statusCode(409).contentType("application/problem+json");
        DemoUsers.as("other.practitioner", "mash", "mash-practitioner").post("/api/v1/triage/cases/" + caseId + "/release")
                .then().statusCode(409);
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"assignee\": \"other.practitioner\"}")
                .post("/api/v1/triage/cases/" + caseId + "/assignment")
                .then().statusCode(200).body("assignee", equalTo("other.practitioner"));
        DemoUsers.practitioner().queryParam("mine", true).queryParam("size", 500).get("/api/v1/triage/queue")
                .then().statusCode(200).body("items.id", not(hasItem(caseId)));
        DemoUsers.manager().post("/api/v1/triage/cases/" + caseId + "/release")
                .then().statusCode(200).body("assignee", equalTo(null));
        DemoUsers.practitioner().contentType(ContentType.JSON).body("{\"assignee\": \"x\"}")
                .post("/api/v1/triage/cases/" + caseId + "/assignment").then().statusCode(403);
    }

    @Test
    void reratingKeepsTheHistoryAndMovesTheDueTime() {
        String caseId = DecisionFlowTests.awaitCase(ContactEvents.publishContact(false, null));
        String greenDue = DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId)
                .then().statusCode(200).body("item.rag", equalTo("GREEN")).extract().path("item.dueAt");

        DemoUsers.practitioner().contentType(ContentType.JSON).body("{\"rag\": \"RED\", \"rationale\": \"\"}")
                .post("/api/v1/triage/cases/" + caseId + "/rating")
                .then().statusCode(400).body("errors[0].field", equalTo("rationale"));
        DemoUsers.practitioner().contentType(ContentType.JSON)
                .body("{\"rag\": \"RED\", \"rationale\": \"Police check shows a recent assault at the address\"}")
                .post("/api/v1/triage/cases/" + caseId + "/rating")
                .then().statusCode(200).body("rag", equalTo("RED"));

        String redDue = DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().statusCode(200)
                .body("ratings.rag", equalTo(List.of("GREEN", "RED")))
                .body("ratings[0].ratedBy", equalTo("system"))
                .body("ratings[1].ratedBy", equalTo("practitioner"))
                .body("ratings[1].rationale", equalTo("Police check shows a recent assault at the address"))
                .extract().path("item.dueAt");
        assertNotEquals(greenDue, redDue, "the due time follows the rating (72 h -> 4 h)");

        String contactId = DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().extract().path("item.contactId");
        var rerated = org.mash.platform.testing.KafkaTestClient.awaitRecords("mash.triage.v1",
                r -> contactId.equals(r.key()) && r.value().contains("case-rerated"), 1, java.time.Duration.ofSeconds(30));
        com.fasterxml.jackson.databind.JsonNode event = org.mash.platform.testing.EventSchemas.assertValid(rerated.get(0).value());
        assertEquals("GREEN", event.at("/data/previousRag").asText());
        assertEquals("RED", event.at("/data/rag").asText());
        assertEquals(java.time.OffsetDateTime.parse(redDue).toInstant(),
                java.time.OffsetDateTime.parse(event.at("/data/dueAt").asText()).toInstant());
        org.mash.triage.events.ContactEventsConsumerTests.assertNoPersonalData(rerated.get(0).value());
        assertEquals(false, rerated.get(0).value().contains("assault"), "the rationale stays in triage");
    }
}

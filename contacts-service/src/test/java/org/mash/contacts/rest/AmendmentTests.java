package org.mash.contacts.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;

/** Information added later never changes the contact as received; triage is told. */
@QuarkusTest
class AmendmentTests {

    static final String FATHER = "{\"kind\": \"ADDITIONAL_INFORMATION\", \"text\": \"The children's father also lives at the address.\"}";

    @Test
    void aReferrerAddsInformationAndTheOriginalStaysAsReceived() {
        String id = ContactResourceTests.submit(DemoUsers.policeReferrer(), ContactResourceTests.TWO_SIBLINGS);
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body(FATHER)
                .post("/api/v1/contacts/" + id + "/amendments")
                .then().statusCode(201)
                .body("kind", equalTo("ADDITIONAL_INFORMATION"))
                .body("amendedBy", equalTo("referrer.police"));

        DemoUsers.policeReferrer().get("/api/v1/contacts/" + id).then().statusCode(200)
                .body("amendments[0].text", equalTo("The children's father also lives at the address."))
                .body("submission.description", equalTo("Police attended a domestic incident; both children were present."));

        ConsumerRecord<String, String> record = KafkaTestClient.awaitRecords("mash.contacts.v1",
                r -> id.equals(r.key()) && r.value().contains("contact-amended"), 1, Duration.ofSeconds(30)).get(0);
        JsonNode event = EventSchemas.assertValid(record.value());
        assertEquals("referrer", event.at("/data/amendedByRole").asText());
    }

    @Test
    void anotherAgencyCannotAmendAndEmptyTextIsAProblem() {
        String id = ContactResourceTests.submit(DemoUsers.policeReferrer(), ContactResourceTests.TWO_SIBLINGS);
        DemoUsers.schoolReferrer().contentType(ContentType.JSON).body(FATHER)
                .post("/api/v1/contacts/" + id + "/amendments").then().statusCode(404);
        DemoUsers.practitioner().contentType(ContentType.JSON).body("{\"kind\": \"CORRECTION\", \"text\": \"\"}")
                .post("/api/v1/contacts/" + id + "/amendments")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        DemoUsers.practitioner().contentType(ContentType.JSON).body("{\"kind\": \"CORRECTION\", \"text\": \"The school is Mandeville Primary\"}")
                .post("/api/v1/contacts/" + id + "/amendments").then().statusCode(201);
    }
}

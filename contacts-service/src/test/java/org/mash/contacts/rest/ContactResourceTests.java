package org.mash.contacts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.mash.platform.testing.DemoUsers;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.platform.testing.TestTokens;

@QuarkusTest
public class ContactResourceTests {

    public static final String TWO_SIBLINGS = """
            {
              "sourceCode": "6",
              "referrer": {"name": "PC Sam Patel", "role": "Constable", "organisation": "Metropolitan Police",
                           "email": "sam.patel@police.example.org"},
              "children": [
                {"firstName": "Amira", "lastName": "Khan", "dateOfBirth": "2016-04-02", "sex": "F", "ethnicity": "APKN",
                 "nhsNumber": "943 476 5919", "address": {"line1": "12 Example Road", "town": "London", "postcode": "E8 1AA"}},
                {"firstName": "Bilal", "lastName": "Khan", "dateOfBirth": "2019-09-10", "sex": "M", "ethnicity": "APKN",
                 "address": {"line1": "12 Example Road", "town": "London", "postcode": "E8 1AA"}}
              ],
              "household": [
                {"firstName": "Sara", "lastName": "Khan", "relationship": "MOTHER", "livesWithChild": true, "parentalResponsibility": true},
                {"firstName": "Imran", "lastName": "Khan", "relationship": "FATHER", "livesWithChild": true, "parentalResponsibility": true}
              ],
              "concernCodes": ["3A"],
              "description": "Police attended a domestic incident; both children were present.",
              "immediateDanger": false,
              "consent": {"status": "NOT_SOUGHT", "reason": "Seeking consent could place the children at risk"}
            }""";

    public static String submit(io.restassured.specification.RequestSpecification as, String body) {
        return as.contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/contacts")
                .then().statusCode(201).extract().path("contactIds[0]");
    }

    @Test
    void aSiblingGroupBecomesOneContactPerChildEachPublishedAsAValidEvent() {
        List<String> ids = DemoUsers.policeReferrer().contentType(ContentType.JSON).header("X-Correlation-Id", "6f1c2a9e-3b7d-4e58-9a0c-1d2e3f4a5b6c").body(TWO_SIBLINGS)
                .when().post("/api/v1/contacts")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/contacts/"))
                .header("X-Correlation-Id", "6f1c2a9e-3b7d-4e58-9a0c-1d2e3f4a5b6c")
                .body("contactIds", hasSize(2))
                .body("contacts.childFirstName", containsInAnyOrder("Amira", "Bilal"))
                .body("contacts.status", everyItemIs("RECEIVED"))
                .extract().path("contactIds");

        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords("mash.contacts.v1",
                r -> ids.contains(r.key()), 2, Duration.ofSeconds(30));
        Set<String> siblingsSeen = records.stream().map(r -> {
            JsonNode event = EventSchemas.assertValid(r.value());
            assertEquals("mash.contacts.contact-received.v1", event.get("type").asText());
            assertEquals(r.key(), event.at("/data/contactId").asText(), "keyed by contact id");
            assertEquals("police", event.at("/data/agency").asText());
            assertEquals("9434765919", event.at("/data/child/nhsNumber").asText("9434765919"));
            assertEquals("6f1c2a9e-3b7d-4e58-9a0c-1d2e3f4a5b6c", new String(r.headers().lastHeader("correlation-id").value(), StandardCharsets.UTF_8));
            return event.at("/data/siblingContactIds/0").asText();
        }).collect(Collectors.toSet());
        assertEquals(Set.copyOf(ids), siblingsSeen, "each contact names its sibling");
    }

    @Test
    void aCorrelationIdCarryingPersonalDataIsReplacedBeforeItReachesTheEventsOrTheLogs() {
        String personal = "Amira.Khan.2016-04-02";
        io.restassured.response.Response answer = DemoUsers.policeReferrer().contentType(ContentType.JSON)
                .header("X-Correlation-Id", personal).body(TWO_SIBLINGS).when().post("/api/v1/contacts");
        answer.then().statusCode(201).header("X-Correlation-Id", org.hamcrest.Matchers.not(containsString("Amira")));
        String made = answer.header("X-Correlation-Id");
        java.util.UUID.fromString(made); // a server-made UUID, returned so the caller can quote it
        List<String> ids = answer.path("contactIds");
        for (ConsumerRecord<String, String> r : KafkaTestClient.awaitRecords("mash.contacts.v1",
                rec -> ids.contains(rec.key()), 2, Duration.ofSeconds(30))) {
            assertEquals(made, new String(r.headers().lastHeader("correlation-id").value(), StandardCharsets.UTF_8));
            assertEquals(made, EventSchemas.assertValid(r.value()).get("correlationid").asText());
        }
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    @Test
    void everyBrokenRuleIsNamedAndNothingIsStored() {
        int before = DemoUsers.policeReferrer().queryParam("size", 500).get("/api/v1/contacts").then().statusCode(200).extract().path("items.size()");
        String bad = TWO_SIBLINGS
                .replace("\"sourceCode\": \"6\"", "\"sourceCode\": \"99\"")
                .replace("2019-09-10", "2099-01-01")
                .replace("943 476 5919", "943 476 5918")
                .replace("Seeking consent could place the children at risk", "")
                .replace("\"immediateDanger\": false", "\"immediateDanger\": true");
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body(bad)
                .when().post("/api/v1/contacts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("sourceCode", "children[0].nhsNumber",
                        "children[1].dateOfBirth", "consent.reason", "policeInformed"))
                .body("errors.rule", hasItem("nhs-number-check-digit"));
        int after = DemoUsers.policeReferrer().queryParam("size", 500).get("/api/v1/contacts").then().statusCode(200).extract().path("items.size()");
        assertEquals(before, after);
    }

    @Test
    void missingFieldsAndUnknownFieldsAreProblems() {
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body("{\"sourceCode\": \"6\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("children"))
                .body("errors.field", hasItem("consent"));
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body(TWO_SIBLINGS.replace("\"sourceCode\"", "\"colour\": \"red\", \"sourceCode\""))
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].rule", equalTo("unknown-field"));
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body("{not json")
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theReferrerSeesTheirContactWithItsTimeline() {
        String id = submit(DemoUsers.policeReferrer(), TWO_SIBLINGS);
        DemoUsers.policeReferrer().get("/api/v1/contacts/" + id)
                .then().statusCode(200)
                .body("contact.id", equalTo(id))
                .body("timeline[0].step", equalTo("RECEIVED"))
                .body("submission.child.firstName", equalTo("Amira"))
                // whether an outcome not shown yet may be on its way: the triage events still to apply
                .body("freshness.status", org.hamcrest.Matchers.oneOf("up to date", "catching up", "lag unknown"))
                .body("freshness", org.hamcrest.Matchers.hasKey("eventsBehind"));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where record_type = 'contact' "
                + "and record_id = ?::uuid and username = 'referrer.police' and action = 'READ'", id), "the read is logged");
        DemoUsers.manager().queryParam("recordId", id).get("/api/v1/access-log").then().statusCode(200)
                .body("items.username", hasItem("referrer.police"))
                .body("items.roles", hasItem("referrer"));
        DemoUsers.policeReferrer().get("/api/v1/access-log").then().statusCode(403);
        DemoUsers.manager().queryParam("recordId", "not-a-uuid").get("/api/v1/access-log")
                .then().statusCode(400).body("errors[0].field", equalTo("recordId"));
        DemoUsers.policeReferrer().get("/api/v1/contacts").then().statusCode(200).body("items.id", hasItem(id));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where record_id = ?::uuid "
                + "and action = 'LIST' and username = 'referrer.police'", id), "appearing in a list is logged too");
    }

    @Test
    void theWrongRoleIsForbidden() {
        DemoUsers.analyst().get("/api/v1/contacts").then().statusCode(403).contentType("application/problem+json");
        DemoUsers.analyst().contentType(ContentType.JSON).body(TWO_SIBLINGS).post("/api/v1/contacts").then().statusCode(403);
    }

    @Test
    void noTokenIsUnauthorised() {
        given().get("/api/v1/contacts").then().statusCode(401);
        given().auth().oauth2(TestTokens.expiredToken("referrer.police", "police", "referrer"))
                .get("/api/v1/contacts").then().statusCode(401);
        given().auth().oauth2(TestTokens.tokenForAnotherAudience("referrer.police", "police", "referrer"))
                .get("/api/v1/contacts").then().statusCode(401);
        given().contentType(ContentType.JSON).body(TWO_SIBLINGS).post("/api/v1/contacts").then().statusCode(401);
    }

    @Test
    void aPractitionerRecordsAPhoneCallFromTheFamilyAndReferrersCannotClaimOne() {
        String phoneCall = TWO_SIBLINGS.replace("\"sourceCode\": \"6\"", "\"channel\": \"PHONE\", \"sourceCode\": \"1A\"");
        DemoUsers.practitioner().contentType(ContentType.JSON).body(phoneCall).post("/api/v1/contacts")
                .then().statusCode(201)
                .body("contacts[0].channel", equalTo("PHONE"))
                .body("contacts[0].sourceCode", equalTo("1A"))
                .body("contacts[0].agency", equalTo("mash"));
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body(phoneCall).post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedBeforeParsing() {
        String huge = TWO_SIBLINGS.replace("both children were present.", "x".repeat(300_000));
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body(huge).post("/api/v1/contacts")
                .then().statusCode(413);
    }

    @Test
    void aPagingParameterOutOfRangeIsNamed() {
        DemoUsers.policeReferrer().queryParam("size", 501).get("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].rule", equalTo("max"));
        DemoUsers.policeReferrer().queryParam("page", -1).get("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void oversizedTextIsNamedAndDateFiltersNarrowTheList() {
        DemoUsers.policeReferrer().contentType(ContentType.JSON)
                .body(TWO_SIBLINGS.replace("both children were present.", "x".repeat(10_001)))
                .post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("description"))
                .body("errors[0].rule", equalTo("size"));
        String id = submit(DemoUsers.policeReferrer(), TWO_SIBLINGS);
        DemoUsers.policeReferrer().queryParam("from", java.time.OffsetDateTime.now().minusMinutes(5).toString())
                .queryParam("status", "RECEIVED").queryParam("size", 500)
                .get("/api/v1/contacts").then().statusCode(200).body("items.id", hasItem(id));
        DemoUsers.policeReferrer().queryParam("to", "2020-01-01T00:00:00Z")
                .get("/api/v1/contacts").then().statusCode(200).body("items.size()", equalTo(0));
        DemoUsers.policeReferrer().queryParam("from", "yesterday").get("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        DemoUsers.policeReferrer().queryParam("status", "LOST").get("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryFieldWithAnExample() {
        io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(401); // signed-in callers only
        DemoUsers.policeReferrer().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.ContactSubmission.properties.sourceCode.example", equalTo("6"))
                .body("components.schemas.Child.properties.nhsNumber.description", org.hamcrest.Matchers.containsString("check digit"))
                .body("components.schemas.Person.properties.relationship.example", equalTo("FATHER"));
    }

    @Test
    void codeListsServeTheForm() {
        DemoUsers.policeReferrer().get("/api/v1/codes/referral-source").then().statusCode(200).body("code", hasItem("6"));
        DemoUsers.policeReferrer().get("/api/v1/codes/nope").then().statusCode(404).contentType("application/problem+json");
    }
}

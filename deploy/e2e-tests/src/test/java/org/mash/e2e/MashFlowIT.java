package org.mash.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mash.localstack.LocalStack;
import org.mash.platform.time.WorkingDays;

/**
 * The slice end to end: four packaged services as separate processes, a real Kafka broker, PostgreSQL and
 * Keycloak, driven over HTTP with real tokens.
 */
class MashFlowIT {

    static final String CONTACTS = "contacts-service";
    static final String TRIAGE = "triage-service";
    static final String STRATEGY = "strategy-discussion-service";
    static final String METRICS = "metrics-service";
    /** A caller's correlation id: kept because it is a UUID (free text would be replaced). */
    static final String CORRELATION_ID = "0b9f3c52-7a1e-4d6b-8c2f-5e4d3c2b1a09";
    static final Duration EVENTUALLY = Duration.ofSeconds(60);

    static final String CONTACT = """
            {
              "sourceCode": "6",
              "referrer": {"name": "PC Sam Patel", "role": "Constable", "organisation": "Metropolitan Police"},
              "children": [{"firstName": "Amira", "lastName": "Khan", "dateOfBirth": "2016-04-02", "sex": "F",
                            "ethnicity": "APKN", "nhsNumber": "943 476 5919",
                            "address": {"line1": "12 Example Road", "town": "London", "postcode": "E8 1AA"}}],
              "household": [{"firstName": "Sara", "lastName": "Khan", "relationship": "MOTHER"},
                            {"firstName": "Imran", "lastName": "Khan", "relationship": "FATHER"}],
              "concernCodes": ["3A"],
              "description": "Police attended a domestic incident; the child was present.",
              "immediateDanger": true,
              "policeInformed": true,
              "consent": {"status": "NOT_SOUGHT", "reason": "Seeking consent could place the child at risk"}
            }""";

    @BeforeAll
    static void startTheSystem() {
        MashSystem.start();
    }

    @AfterAll
    static void stopTheSystem() {
        MashSystem.stop();
    }

    @Test
    void everyEndpointNeedsATokenWithTheRightRole() {
        given().get(MashSystem.url(CONTACTS) + "/api/v1/contacts").then().statusCode(401);
        given().get(MashSystem.url(TRIAGE) + "/api/v1/triage/queue").then().statusCode(401);
        given().get(MashSystem.url(STRATEGY) + "/api/v1/strategy-discussions").then().statusCode(401);
        given().get(MashSystem.url(METRICS) + "/api/v1/metrics").then().statusCode(401);
        given().auth().oauth2("not.a.token").get(MashSystem.url(CONTACTS) + "/api/v1/contacts").then().statusCode(401);

        MashSystem.as("analyst").contentType(ContentType.JSON).body(CONTACT)
                .post(MashSystem.url(CONTACTS) + "/api/v1/contacts").then().statusCode(403);
        MashSystem.as("referrer.police").get(MashSystem.url(TRIAGE) + "/api/v1/triage/queue").then().statusCode(403);
        MashSystem.as("referrer.police").get(MashSystem.url(METRICS) + "/api/v1/metrics").then().statusCode(403);
        MashSystem.as("analyst").get(MashSystem.url(STRATEGY) + "/api/v1/strategy-discussions").then().statusCode(403);
        MashSystem.as("practitioner").post(MashSystem.url(TRIAGE) + "/api/v1/triage/cases/"
                + java.util.UUID.randomUUID() + "/decision/authorisation").then().statusCode(403);
    }

    @Test
    void aContactGoesFromThePoliceThroughTriageToASection47AndIntoTheFigures() throws Exception {
        // a police referrer posts a contact
        String contactId = MashSystem.as("referrer.police").contentType(ContentType.JSON)
                .header("X-Correlation-Id", CORRELATION_ID).body(CONTACT)
                .post(MashSystem.url(CONTACTS) + "/api/v1/contacts")
                .then().statusCode(201).extract().path("contactIds[0]");

        // a school referrer cannot see it
        MashSystem.as("referrer.school").get(MashSystem.url(CONTACTS) + "/api/v1/contacts/" + contactId)
                .then().statusCode(404);

        // it appears in the MASH queue as RED (immediate danger)
        String practitioner = MashSystem.token("practitioner");
        String caseId = await().atMost(EVENTUALLY).until(() -> given().auth().oauth2(practitioner)
                .get(MashSystem.url(TRIAGE) + "/api/v1/triage/queue").then().statusCode(200).extract()
                .<String>path("items.find { it.contactId == '" + contactId + "' }.id"), id -> id != null);
        given().auth().oauth2(practitioner).get(MashSystem.url(TRIAGE) + "/api/v1/triage/cases/" + caseId)
                .then().statusCode(200).body("item.rag", equalTo("RED"));

        // the correlation id travelled with the event into the triage service's log
        String triageLog = Files.readString(MashSystem.log(TRIAGE));
        assertTrue(triageLog.contains("cid:" + CORRELATION_ID), "correlation id in the triage log");

        // the practitioner asks health; only health's partner officer sees the check, and answers it
        String checkId = given().auth().oauth2(practitioner).contentType(ContentType.JSON)
                .body("{\"agency\": \"health\", \"question\": \"Domestic incident, child present: known to health?\"}")
                .post(MashSystem.url(TRIAGE) + "/api/v1/triage/cases/" + caseId + "/checks")
                .then().statusCode(201).extract().path("id");
        MashSystem.as("officer.police").get(MashSystem.url(TRIAGE) + "/api/v1/triage/checks/" + checkId).then().statusCode(404);
        MashSystem.as("officer.health").get(MashSystem.url(TRIAGE) + "/api/v1/triage/checks")
                .then().statusCode(200).body("items.id", hasItem(checkId));
        MashSystem.as("officer.health").contentType(ContentType.JSON)
                .body("{\"result\": \"INFORMATION_HELD\", \"information\": \"Two A&E attendances this year\"}")
                .post(MashSystem.url(TRIAGE) + "/api/v1/triage/checks/" + checkId + "/response")
                .then().statusCode(200).body("respondedBy", equalTo("officer.health"));

        // information is shared without consent: a reason, and a manager's authorisation
        given().auth().oauth2(practitioner).contentType(ContentType.JSON)
                .body("{\"status\": \"OVERRIDDEN\", \"reason\": \"Seeking consent would place the child at risk\"}")
                .post(MashSystem.url(TRIAGE) + "/api/v1/triage/cases/" + caseId + "/consent").then().statusCode(200);
        MashSystem.as("manager").post(MashSystem.url(TRIAGE) + "/api/v1/triage/cases/" + caseId + "/consent/override/authorisation")
                .then().statusCode(200).body("status", equalTo("OVERRIDDEN"));

        // practitioner proposes a strategy discussion at level of need 4, the manager authorises it
        given().auth().oauth2(practitioner).contentType(ContentType.JSON)
                .body("{\"outcome\": \"STRATEGY_DISCUSSION\", \"rationale\": \"Reasonable cause to suspect significant harm\","
                        + " \"primaryNeedCode\": \"N1\", \"levelOfNeed\": {\"level\": 4, \"rationale\": \"Acute\"}}")
                .post(MashSystem.url(TRIAGE) + "/api/v1/triage/cases/" + caseId + "/decision").then().statusCode(200);
        MashSystem.as("manager").post(MashSystem.url(TRIAGE) + "/api/v1/triage/cases/" + caseId + "/decision/authorisation")
                .then().statusCode(200).body("status", equalTo("DECIDED"));

        // the strategy discussion opens; health (invited) sees it
        String health = MashSystem.token("participant.health");
        String discussionId = await().atMost(EVENTUALLY).until(() -> given().auth().oauth2(health)
                .get(MashSystem.url(STRATEGY) + "/api/v1/strategy-discussions").then().statusCode(200).extract()
                .<String>path("items.find { it.contactId == '" + contactId + "' }.id"), id -> id != null);

        // held today with social care, police and health: joint s47, ICPC target 15 working days later
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String heldAt = java.time.OffsetDateTime.now().minusMinutes(1).toString();
        String icpcTarget = MashSystem.as("manager").contentType(ContentType.JSON)
                .body("{\"heldAt\": \"" + heldAt + "\", \"mode\": \"VIDEO\", \"attendance\": {\"social-care\": \"ATTENDED\","
                        + " \"police\": \"ATTENDED\", \"health\": \"ATTENDED\"}, \"outcome\": \"S47_JOINT\","
                        + " \"rationale\": \"Joint enquiry with police\"}")
                .post(MashSystem.url(STRATEGY) + "/api/v1/strategy-discussions/" + discussionId + "/held")
                .then().statusCode(200).extract().path("s47.icpcTargetDate");
        assertEquals(WorkingDays.englandAndWales().plusWorkingDays(today, 15).toString(), icpcTarget);

        // later the enquiry concludes that a conference is needed, and the ICPC is held within its target
        String enquiryId = MashSystem.as("manager").get(MashSystem.url(STRATEGY) + "/api/v1/strategy-discussions/" + discussionId)
                .then().statusCode(200).extract().path("s47.enquiryId");
        MashSystem.as("manager").contentType(ContentType.JSON)
                .body("{\"concludedOn\": \"" + today + "\", \"outcomeCode\": \"ICPC\"}")
                .post(MashSystem.url(STRATEGY) + "/api/v1/strategy-discussions/" + discussionId + "/enquiries/" + enquiryId + "/outcome")
                .then().statusCode(200);
        // a conference is never held at a weekend (census rule 8875): run at a weekend, the test sees that refusal
        boolean weekday = today.getDayOfWeek().getValue() <= 5;
        MashSystem.as("manager").contentType(ContentType.JSON).body("{\"heldOn\": \"" + today + "\"}")
                .post(MashSystem.url(STRATEGY) + "/api/v1/strategy-discussions/" + discussionId + "/enquiries/" + enquiryId + "/icpc")
                .then().statusCode(weekday ? 200 : 400);

        // the referrer sees the outcome
        await().atMost(EVENTUALLY).untilAsserted(() -> MashSystem.as("referrer.police")
                .get(MashSystem.url(CONTACTS) + "/api/v1/contacts/" + contactId)
                .then().statusCode(200)
                .body("contact.status", equalTo("DECIDED"))
                .body("contact.outcome", equalTo("STRATEGY_DISCUSSION"))
                .body("timeline.step", hasItem("DECIDED")));

        // the metrics, from events alone, show the contact, the referral and the s47 enquiry
        String analyst = MashSystem.token("analyst");
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            List<Map<String, Object>> figures = given().auth().oauth2(analyst).get(MashSystem.url(METRICS) + "/api/v1/metrics")
                    .then().statusCode(200).extract().path("figures");
            assertEquals(1, numerator(figures, "contacts"));
            assertEquals(1, numerator(figures, "referrals"));
            assertEquals(1, numerator(figures, "conversion"));
            assertEquals(1, numerator(figures, "s47"));
            assertEquals(weekday ? 1 : 0, numerator(figures, "icpcs"));
            assertEquals(weekday ? 1 : 0, numerator(figures, "icpc-timeliness"));
            assertEquals(1, numerator(figures, "checks"));
        });

        // the census of the year, straight from the flow: the child once, the referral, the enquiry and its ICPC, the
        // same counts as the metrics' figures for the year
        String year = (today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1) + "-"
                + String.format("%02d", (today.getMonthValue() >= 4 ? today.getYear() + 1 : today.getYear()) % 100);
        String returns = MashSystem.token("returns");
        await().atMost(EVENTUALLY).untilAsserted(() -> given().auth().oauth2(returns).queryParam("year", year)
                .get(MashSystem.url(TRIAGE) + "/api/v1/returns/cin-census/check").then().statusCode(200)
                .body("counts.children", equalTo(1)).body("counts.referrals", equalTo(1))
                .body("counts.section47s", equalTo(1)).body("counts.icpcs", equalTo(weekday ? 1 : 0)));
        String xml = given().auth().oauth2(returns).queryParam("year", year)
                .get(MashSystem.url(TRIAGE) + "/api/v1/returns/cin-census").then().statusCode(200)
                .contentType(containsString("application/xml")).extract().asString();
        assertTrue(xml.contains("<LEA>204</LEA>"), xml);
        assertTrue(xml.contains("<S47ActualStartDate>" + today + "</S47ActualStartDate>"), xml);
        assertTrue(xml.contains("<ReferralNFA>false</ReferralNFA>"), xml);
        assertFalse(xml.contains("Amira") || xml.contains("Khan"), "the census names no one: identifiers and codes only");
    }

    @Test
    void eachServiceConnectsAsItsOwnRoleAndReachesNoOtherServicesDatabase() throws Exception {
        String jdbc = "jdbc:postgresql://127.0.0.1:5432/";
        for (LocalStack.Service service : LocalStack.SERVICES) {
            String role = MashSystem.database(service.name());
            try (java.sql.Connection own = java.sql.DriverManager.getConnection(jdbc + role, role, "");
                 java.sql.ResultSet rs = own.createStatement().executeQuery(
                         "select rolsuper, rolcreatedb, rolcreaterole from pg_roles where rolname = current_user")) {
                assertTrue(rs.next());
                assertFalse(rs.getBoolean(1) || rs.getBoolean(2) || rs.getBoolean(3), role + " is an ordinary role");
            }
        }
        String metrics = MashSystem.database(METRICS);
        java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                () -> java.sql.DriverManager.getConnection(jdbc + MashSystem.database(CONTACTS), metrics, "").close());
        assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
    }

    @Test
    void withKeycloakDownATokenAlreadyIssuedStillWorksAndReadinessSaysTheKeysCannotBeFetched() {
        String analyst = MashSystem.token("analyst");
        String referrer = MashSystem.token("referrer.police");
        LocalStack stack = MashSystem.start();
        stack.stopKeycloak();
        try {
            // keys that could be fetched are read again every interval (30 s): the outage shows within it
            for (LocalStack.Service service : LocalStack.SERVICES) {
                String ready = MashSystem.url(service.name()) + "/q/health/ready";
                await().atMost(Duration.ofSeconds(50)).untilAsserted(() -> given().get(ready).then()
                        .statusCode(200).body("status", equalTo("UP"))
                        .body("checks.find { it.name == 'identity provider signing keys' }.data.keys",
                                org.hamcrest.Matchers.startsWith("cannot be fetched")));
            }
            // the keys the services hold verify the tokens already issued: the work of those signed in goes on
            given().auth().oauth2(analyst).get(MashSystem.url(METRICS) + "/api/v1/metrics").then().statusCode(200);
            given().auth().oauth2(referrer).get(MashSystem.url(CONTACTS) + "/api/v1/contacts").then().statusCode(200);
        } finally {
            stack.startKeycloak();
        }
        for (LocalStack.Service service : LocalStack.SERVICES) {
            String ready = MashSystem.url(service.name()) + "/q/health/ready";
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(ready).then().statusCode(200)
                    .body("checks.find { it.name == 'identity provider signing keys' }.data.keys", equalTo("can be fetched")));
        }
        given().auth().oauth2(MashSystem.token("analyst")).get(MashSystem.url(METRICS) + "/api/v1/metrics").then().statusCode(200);
    }

    @Test
    void kafkaRefusesTheMetricsServiceTheContactRecordsAndAnyoneWithoutItsPassword() {
        java.util.Properties props = new java.util.Properties();
        props.putAll(MashSystem.kafkaAs(METRICS));
        props.put("group.id", METRICS + "-e2e-access");
        props.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        props.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(props)) {
            consumer.subscribe(List.of("mash.contacts.v1"));
            var refused = org.junit.jupiter.api.Assertions.assertThrows(
                    org.apache.kafka.common.errors.TopicAuthorizationException.class, () -> {
                        for (int i = 0; i < 60; i++) {
                            consumer.poll(Duration.ofMillis(500));
                        }
                    }, "metrics' own sign-in may not read the full contact records");
            assertTrue(refused.unauthorizedTopics().contains("mash.contacts.v1"));
        }
        // the same sign-in with a made-up password does not get in at all
        props.put("sasl.jaas.config", props.getProperty("sasl.jaas.config").replaceAll("password=\"[^\"]*\"", "password=\"guess\""));
        props.put("default.api.timeout.ms", "10000");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(props)) {
            org.junit.jupiter.api.Assertions.assertThrows(org.apache.kafka.common.errors.AuthenticationException.class,
                    () -> consumer.partitionsFor("mash.metrics.v1"));
        }
    }

    @Test
    void everyServiceIsHealthyDocumentedAndMeasured() {
        String operator = MashSystem.token("operator");
        String referrer = MashSystem.token("referrer.police");
        for (LocalStack.Service service : LocalStack.SERVICES) {
            String url = MashSystem.url(service.name());
            // health with its details is the operator's; the probes' endpoints stay open
            given().get(url + "/q/health").then().statusCode(401);
            given().auth().oauth2(referrer).get(url + "/q/health").then().statusCode(403);
            given().auth().oauth2(operator).get(url + "/q/health").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("Reactive PostgreSQL")))
                    .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("Messaging")));
            // the services start alongside Keycloak: their keys are read again every few seconds until they come
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(url + "/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'identity provider signing keys' }.data.keys", equalTo("can be fetched")));
            // the API's description for a signed-in caller; Swagger UI only in dev mode
            given().get(url + "/q/openapi?format=json").then().statusCode(401);
            given().auth().oauth2(referrer).get(url + "/q/openapi?format=json").then().statusCode(200)
                    .body("openapi", not(equalTo(null)));
            given().get(url + "/q/swagger-ui/").then().statusCode(404);
            given().get(url + "/q/metrics").then().statusCode(200);
        }
    }

    /**
     * With the real realm's mash-operator role: a record on the contacts topic that breaks its contract is set aside by
     * triage, listed with its reason to an operator only, and discarded with a reason; triage stays ready meanwhile.
     */
    @Test
    void aRecordTriageCannotTakeIsADeadLetterTheOperatorSeesAndSettles() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        java.util.Properties props = new java.util.Properties();
        props.putAll(MashSystem.kafkaAs("admin")); // plays a producer gone wrong
        props.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        props.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(props)) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("mash.contacts.v1", key, "{\"specversion\": \"1.0\", "
                    + "\"id\": \"" + key + "\", \"type\": \"mash.contacts.contact-received.v1\", \"source\": \"/mash/contacts-service\", "
                    + "\"time\": \"2026-11-20T09:15:00Z\", \"datacontenttype\": \"application/json\", \"data\": null}")).get();
        }
        String operator = MashSystem.token("operator");
        String deadLetters = MashSystem.url(TRIAGE) + "/api/v1/operations/dead-letters";
        Map<String, Object> letter = await().atMost(EVENTUALLY).until(() -> given().auth().oauth2(operator).get(deadLetters)
                .then().statusCode(200).extract().<Map<String, Object>>path("items.find { it.key == '" + key + "' }"),
                found -> found != null);
        assertTrue(String.valueOf(letter.get("reason")).contains("not a valid event envelope"), String.valueOf(letter.get("reason")));
        given().auth().oauth2(MashSystem.token("manager")).get(deadLetters).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"reason\": \"a record with no data, sent by a test\"}")
                .post(deadLetters + "/" + letter.get("id") + "/discard").then().statusCode(200)
                .body("status", equalTo("DISCARDED")).body("resolvedBy", equalTo("operator"));
        given().get(MashSystem.url(TRIAGE) + "/q/health/ready").then().statusCode(200);
    }

    private static int numerator(List<Map<String, Object>> figures, String id) {
        Map<String, Object> figure = figures.stream().filter(f -> id.equals(f.get("id"))).findFirst().orElse(null);
        assertNotNull(figure, "figure " + id);
        return ((Number) figure.get("numerator")).intValue();
    }
}

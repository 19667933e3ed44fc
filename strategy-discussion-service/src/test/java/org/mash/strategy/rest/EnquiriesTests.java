package org.mash.strategy.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.strategy.events.TriageHandoffConsumerTests;

/** Issue #5 point 6: the section 47 outcome, then the ICPC held on a date or "ICPC not required". */
@QuarkusTest
class EnquiriesTests {

    static final String PATH = "/api/v1/strategy-discussions/";

    /** A discussion held now deciding a joint s47: answers {discussionId, enquiryId, contactId}. */
    static String[] jointS47() {
        TriageHandoffConsumerTests.Opened opened = TriageHandoffConsumerTests.open();
        String enquiry = DemoUsers.manager().contentType(ContentType.JSON)
                .body(DecisionsTests.held("S47_JOINT", "Joint enquiry", "Plan"))
                .post(PATH + opened.discussionId() + "/held").then().statusCode(200)
                .extract().path("s47.enquiryId");
        return new String[] {opened.discussionId(), enquiry, opened.contactId()};
    }

    /** The day the enquiries of these tests start, conclude and have their ICPC: today, or the Friday before at a weekend. */
    static String today() {
        return StrategyDiscussionResourceTests.heldDay().toString();
    }

    @Test
    void anIcpcOutcomeIsFollowedByTheConferenceHeldOnADate() {
        String[] s47 = jointS47();
        String base = PATH + s47[0] + "/enquiries/" + s47[1];
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"heldOn\": \"" + today() + "\"}")
                .post(base + "/icpc").then().statusCode(409).contentType("application/problem+json");
        DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"concludedOn\": \"" + today() + "\", \"outcomeCode\": \"CONFERENCE\"}")
                .post(base + "/outcome").then().statusCode(400).body("errors.field", hasItem("outcomeCode"));
        DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"concludedOn\": \"" + LocalDate.parse(today()).minusDays(1) + "\", \"outcomeCode\": \"ICPC\"}")
                .post(base + "/outcome").then().statusCode(400).body("errors.rule", hasItem("not-before-start"));
        DemoUsers.participant("police").contentType(ContentType.JSON)
                .body("{\"concludedOn\": \"" + today() + "\", \"outcomeCode\": \"ICPC\"}")
                .post(base + "/outcome").then().statusCode(403);

        DemoUsers.practitioner().contentType(ContentType.JSON)
                .body("{\"concludedOn\": \"" + today() + "\", \"outcomeCode\": \"ICPC\"}")
                .post(base + "/outcome").then().statusCode(200)
                .body("outcomeCode", equalTo("ICPC"))
                .body("icpcRequired", equalTo(true))
                .body("icpcStatus", equalTo("PENDING"));
        DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"concludedOn\": \"" + today() + "\", \"outcomeCode\": \"NFA\"}")
                .post(base + "/outcome").then().statusCode(409);

        DemoUsers.manager().contentType(ContentType.JSON).body("{\"heldOn\": \"" + LocalDate.now(ZoneId.of("Europe/London")).plusDays(1) + "\"}")
                .post(base + "/icpc").then().statusCode(400).body("errors.field", hasItem("heldOn"));
        LocalDate saturday = LocalDate.parse(today()).with(java.time.temporal.TemporalAdjusters.previous(java.time.DayOfWeek.SATURDAY));
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"heldOn\": \"" + saturday + "\"}")
                .post(base + "/icpc").then().statusCode(400).body("errors.rule", hasItem("weekday"));
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"heldOn\": \"" + today() + "\"}")
                .post(base + "/icpc").then().statusCode(200)
                .body("icpcStatus", equalTo("HELD"))
                .body("icpcHeldOn", equalTo(today()))
                .body("icpcWithinTarget", equalTo(true));
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"heldOn\": \"" + today() + "\"}")
                .post(base + "/icpc").then().statusCode(409);
        DemoUsers.participant("health").get(PATH + s47[0]).then().statusCode(200)
                .body("s47.icpcStatus", equalTo("HELD"));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords("mash.strategy.v1",
                r -> s47[2].equals(r.key()) && (r.value().contains("s47-concluded") || r.value().contains("icpc-held")),
                2, Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> r : records) {
            JsonNode event = EventSchemas.assertValid(r.value());
            DecisionsTests.assertNoPersonalData(r.value());
            assertEquals(s47[1], event.at("/data/enquiryId").asText());
            assertEquals(s47[0], event.at("/data/discussionId").asText());
            assertEquals(s47[2], event.at("/data/contactId").asText());
            if (event.get("type").asText().equals("mash.strategy.s47-concluded.v1")) {
                assertEquals("ICPC", event.at("/data/outcomeCode").asText());
                assertEquals(true, event.at("/data/icpcRequired").asBoolean());
                assertEquals(today(), event.at("/data/concludedOn").asText());
            } else {
                assertEquals("mash.strategy.icpc-held.v1", event.get("type").asText());
                assertEquals(today(), event.at("/data/heldOn").asText());
                assertEquals(true, event.at("/data/withinTarget").asBoolean());
            }
        }
    }

    @Test
    void anyOtherOutcomeMeansIcpcNotRequired() {
        String[] s47 = jointS47();
        String base = PATH + s47[0] + "/enquiries/" + s47[1];
        DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"concludedOn\": \"" + today() + "\", \"outcomeCode\": \"S17_SERVICES\"}")
                .post(base + "/outcome").then().statusCode(200)
                .body("icpcRequired", equalTo(false))
                .body("icpcStatus", equalTo("NOT_REQUIRED"))
                .body("icpcOverdue", equalTo(false));
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"heldOn\": \"" + today() + "\"}")
                .post(base + "/icpc").then().statusCode(409);
        JsonNode event = EventSchemas.assertValid(KafkaTestClient.awaitRecords("mash.strategy.v1",
                r -> s47[2].equals(r.key()) && r.value().contains("s47-concluded"), 1, Duration.ofSeconds(30)).get(0).value());
        assertEquals(false, event.at("/data/icpcRequired").asBoolean());
        assertEquals("S17_SERVICES", event.at("/data/outcomeCode").asText());
        DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"concludedOn\": \"" + today() + "\", \"outcomeCode\": \"NFA\"}")
                .post(PATH + s47[0] + "/enquiries/" + java.util.UUID.randomUUID() + "/outcome").then().statusCode(404);
    }

    /**
     * Holds a row lock on {@code table}'s row {@code id} (as a concurrent writer would) while {@code requests}
     * run, until each of them waits on it; then lets them go together and answers their status codes.
     */
    static List<Integer> raceOnRow(String table, String id, List<java.util.function.Supplier<Integer>> requests) throws Exception {
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(requests.size());
        try (java.sql.Connection lock = PostgresTestDatabase.connect(url)) {
            lock.setAutoCommit(false);
            try (java.sql.PreparedStatement s = lock.prepareStatement("select 1 from " + table + " where id = ?::uuid for update")) {
                s.setString(1, id);
                s.executeQuery().close();
            }
            List<java.util.concurrent.Future<Integer>> answers = requests.stream().map(r -> pool.submit((java.util.concurrent.Callable<Integer>) r::get)).toList();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> PostgresTestDatabase.count(
                    "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
                    >= requests.size());
            lock.commit();
            List<Integer> codes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                codes.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            return codes.stream().sorted().toList();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoConcurrentConclusionsOfOneEnquiryGiveOne200OneConflictAndOneEvent() throws Exception {
        String[] s47 = jointS47();
        String base = PATH + s47[0] + "/enquiries/" + s47[1];
        java.util.function.Supplier<Integer> conclude = () -> DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"concludedOn\": \"" + today() + "\", \"outcomeCode\": \"ICPC\"}")
                .post(base + "/outcome").then().extract().statusCode();
        java.util.function.Supplier<Integer> nfa = () -> DemoUsers.practitioner().contentType(ContentType.JSON)
                .body("{\"concludedOn\": \"" + today() + "\", \"outcomeCode\": \"NFA\"}")
                .post(base + "/outcome").then().extract().statusCode();
        assertEquals(List.of(200, 409), raceOnRow("s47_enquiry", s47[1], List.of(conclude, nfa)));
        List<ConsumerRecord<String, String>> concluded = KafkaTestClient.readAll("mash.strategy.v1",
                r -> s47[2].equals(r.key()) && r.value().contains("s47-concluded"), Duration.ofSeconds(5));
        assertEquals(1, concluded.size(), "exactly one s47-concluded");
        JsonNode event = EventSchemas.assertValid(concluded.get(0).value());
        String stored = DemoUsers.manager().get(PATH + s47[0]).then().statusCode(200).extract().path("s47.outcomeCode");
        assertEquals(stored, event.at("/data/outcomeCode").asText(), "the event says what was stored");

        if ("ICPC".equals(stored)) {
            java.util.function.Supplier<Integer> icpc = () -> DemoUsers.manager().contentType(ContentType.JSON)
                    .body("{\"heldOn\": \"" + today() + "\"}").post(base + "/icpc").then().extract().statusCode();
            assertEquals(List.of(200, 409), raceOnRow("s47_enquiry", s47[1], List.of(icpc, icpc)));
            assertEquals(1, KafkaTestClient.readAll("mash.strategy.v1",
                    r -> s47[2].equals(r.key()) && r.value().contains("icpc-held"), Duration.ofSeconds(5)).size(),
                    "exactly one icpc-held");
        }
    }
}

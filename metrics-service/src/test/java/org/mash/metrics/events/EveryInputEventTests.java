package org.mash.metrics.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;

/**
 * Every input event of the contract (the schemas' own examples, with fields the service does not know),
 * each delivered twice and in an awkward order, over the real broker: each has exactly one effect, and the
 * figures of November 2017 (a month no other test touches) show them all. Event types the service does not
 * know are skipped without error.
 */
@QuarkusTest
class EveryInputEventTests {

    static final String NOVEMBER_2017 = "/api/v1/metrics?period=2017-11";
    static final String CHILD = "2017" + "0".repeat(56) + "0011";

    @Test
    void everyEventCountsOnceWhateverItsOrder() throws Exception {
        String contact = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String discussion = UUID.randomUUID().toString();
        String enquiry = UUID.randomUUID().toString();
        String check = UUID.randomUUID().toString();
        String lateCheck = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();

        // the decision first, then the case it decides, then an earlier re-rating (which must not win)
        ids.add(twice(InputEvents.TRIAGE_TOPIC, contact, "/mash/triage-service", InputEvents.DECISION_AUTHORISED, Map.of(
                "contactId", contact, "caseId", caseId, "childRef", CHILD, "receivedAt", "2017-11-20T09:15:00Z",
                "proposedAt", "2017-11-20T11:00:00Z", "authorisedAt", "2017-11-20T11:30:00Z", "rag", "RED",
                "dueAt", "2017-11-20T13:15:00Z", "oneWorkingDayDueAt", "2017-11-21T09:15:00Z",
                "submissionId", UUID.randomUUID().toString())));
        ids.add(twice(InputEvents.TRIAGE_TOPIC, contact, "/mash/triage-service", InputEvents.CASE_OPENED, Map.of(
                "contactId", contact, "caseId", caseId, "childRef", CHILD, "receivedAt", "2017-11-20T09:15:00Z",
                "openedAt", "2017-11-20T09:15:01Z", "rag", "GREEN", "dueAt", "2017-11-23T09:15:00Z",
                "oneWorkingDayDueAt", "2017-11-21T09:15:00Z")));
        ids.add(twice(InputEvents.TRIAGE_TOPIC, contact, "/mash/triage-service", InputEvents.CASE_RERATED, Map.of(
                "contactId", contact, "caseId", caseId, "childRef", CHILD, "previousRag", "GREEN", "rag", "AMBER",
                "ratedAt", "2017-11-20T10:00:00Z", "receivedAt", "2017-11-20T09:15:00Z", "dueAt", "2017-11-21T09:15:00Z")));
        ids.add(twice(InputEvents.TRIAGE_TOPIC, contact, "/mash/triage-service", InputEvents.CASE_OVERDUE, Map.of(
                "contactId", contact, "caseId", caseId, "childRef", CHILD, "receivedAt", "2017-11-20T09:15:00Z",
                "dueAt", "2017-11-20T13:15:00Z", "flaggedAt", "2017-11-20T13:15:30Z")));
        // a check answered on time, answered before its request arrives; another flagged overdue
        ids.add(twice(InputEvents.TRIAGE_TOPIC, contact, "/mash/triage-service", InputEvents.CHECK_RESPONDED, Map.of(
                "checkId", check, "caseId", caseId, "contactId", contact, "childRef", CHILD,
                "requestedAt", "2017-11-20T09:30:00Z", "dueAt", "2017-11-20T17:30:00Z", "respondedAt", "2017-11-20T14:05:00Z")));
        ids.add(twice(InputEvents.TRIAGE_TOPIC, contact, "/mash/triage-service", InputEvents.CHECK_REQUESTED, Map.of(
                "checkId", check, "caseId", caseId, "contactId", contact, "childRef", CHILD,
                "requestedAt", "2017-11-20T09:30:00Z", "dueAt", "2017-11-20T17:30:00Z")));
        ids.add(twice(InputEvents.TRIAGE_TOPIC, contact, "/mash/triage-service", InputEvents.CHECK_OVERDUE, Map.of(
                "checkId", lateCheck, "caseId", caseId, "contactId", contact, "childRef", CHILD, "agency", "police",
                "requestedAt", "2017-11-20T09:30:00Z", "dueAt", "2017-11-20T17:30:00Z", "flaggedAt", "2017-11-20T17:30:20Z")));
        // the referrer was told (contacts status topic)
        ids.add(twice(InputEvents.CONTACTS_STATUS_TOPIC, contact, "/mash/contacts-service", InputEvents.REFERRER_INFORMED, Map.of(
                "contactId", contact, "decidedAt", "2017-11-20T11:30:00Z", "informedAt", "2017-11-20T12:30:00Z")));
        // strategy: the ICPC before the enquiry started, the supersession before the discussion was held
        ids.add(twice(InputEvents.STRATEGY_TOPIC, contact, "/mash/strategy-discussion-service", InputEvents.ICPC_HELD, Map.of(
                "enquiryId", enquiry, "discussionId", discussion, "contactId", contact, "childRef", CHILD,
                "startedOn", "2017-11-20", "icpcTargetDate", "2017-12-11", "heldOn", "2017-12-08")));
        ids.add(twice(InputEvents.STRATEGY_TOPIC, contact, "/mash/strategy-discussion-service", InputEvents.S47_STARTED, Map.of(
                "enquiryId", enquiry, "discussionId", discussion, "contactId", contact, "childRef", CHILD,
                "startedOn", "2017-11-20", "icpcTargetDate", "2017-12-11")));
        ids.add(twice(InputEvents.STRATEGY_TOPIC, contact, "/mash/strategy-discussion-service", InputEvents.S47_CONCLUDED, Map.of(
                "enquiryId", enquiry, "discussionId", discussion, "contactId", contact, "childRef", CHILD,
                "startedOn", "2017-11-20", "concludedOn", "2017-12-04", "icpcTargetDate", "2017-12-11")));
        ids.add(twice(InputEvents.STRATEGY_TOPIC, contact, "/mash/strategy-discussion-service", InputEvents.DISCUSSION_OPENED, Map.of(
                "discussionId", discussion, "caseId", caseId, "contactId", contact, "childRef", CHILD,
                "openedAt", "2017-11-20T11:30:02Z", "dueAt", "2017-11-20T23:59:59Z")));
        ids.add(twice(InputEvents.STRATEGY_TOPIC, contact, "/mash/strategy-discussion-service", InputEvents.DECISION_SUPERSEDED, Map.of(
                "discussionId", discussion, "contactId", contact, "childRef", CHILD, "supersededAt", "2017-11-21T10:00:00Z")));
        ids.add(twice(InputEvents.STRATEGY_TOPIC, contact, "/mash/strategy-discussion-service", InputEvents.DISCUSSION_HELD, Map.of(
                "discussionId", discussion, "contactId", contact, "childRef", CHILD,
                "heldAt", "2017-11-20T15:00:00Z", "dueAt", "2017-11-20T23:59:59Z")));
        ids.add(twice(InputEvents.STRATEGY_TOPIC, contact, "/mash/strategy-discussion-service", InputEvents.ITEM_OVERDUE, Map.of(
                "itemId", enquiry, "discussionId", discussion, "contactId", contact, "childRef", CHILD,
                "dueAt", "2017-12-11T23:59:59Z", "flaggedAt", "2017-12-12T00:00:30Z")));
        // an ICPC long after the contact (more than the 400 days the figures look back): its contact is looked up by id
        String lateEnquiry = UUID.randomUUID().toString();
        ids.add(twice(InputEvents.STRATEGY_TOPIC, contact, "/mash/strategy-discussion-service", InputEvents.ICPC_HELD, Map.of(
                "enquiryId", lateEnquiry, "discussionId", discussion, "contactId", contact, "childRef", CHILD,
                "startedOn", "2019-01-10", "icpcTargetDate", "2019-01-31", "heldOn", "2019-02-11")));
        // types this service does not know, on each topic
        List<String> unknown = List.of(
                unknownType(InputEvents.TRIAGE_TOPIC, "mash.triage.something-new.v1", contact),
                unknownType(InputEvents.STRATEGY_TOPIC, "mash.strategy.something-new.v1", contact),
                unknownType(InputEvents.CONTACTS_STATUS_TOPIC, "mash.contacts.something-new.v1", contact));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath body = DemoUsers.analyst().get(NOVEMBER_2017).then().statusCode(200).extract().jsonPath();
            assertCount(body, "contacts", 1);
            assertRatio(body, "conversion", 1, 1);
            assertRatio(body, "decision-timeliness", 1, 1);        // RED, due 13:15, decided 11:30
            assertRatio(body, "decision-one-working-day", 1, 1);
            assertRatio(body, "consent.OVERRIDDEN", 1, 1);
            assertRatio(body, "consent-overrides-with-reason", 1, 1);
            assertRatio(body, "feedback", 1, 1);
            assertEquals(1.0, body.getDouble("figures.find { it.id == 'feedback-hours-median' }.value"));
            assertRatio(body, "checks", 1, 1);
            assertEquals(4.6, body.getDouble("figures.find { it.id == 'checks-response-hours-median' }.value"));
            assertCount(body, "checks-overdue", 1);
            assertRatio(body, "sd-timeliness", 1, 1);
            assertRatio(body, "sd-attendance", 1, 1);
            assertRatio(body, "sd-attendance.health", 1, 1);
            assertCount(body, "s47", 1);
            assertRatio(body, "s47-icpc", 1, 1);
            assertCount(body, "backlog", 0);
            for (String id : unknown) {
                // passed over without a trace (no inbox row), and not set aside: the events after it were applied
                assertEquals(0, count("select count(*) from processed_event where event_id = '" + id + "'"),
                        "an unknown type is passed over");
                assertEquals(0, count("select count(*) from dead_letter where event_id = '" + id + "'"),
                        "an unknown type is not a dead letter");
            }
        });
        JsonPath december = DemoUsers.analyst().get("/api/v1/metrics?period=2017-12").then().statusCode(200).extract().jsonPath();
        assertCount(december, "icpcs", 1);
        assertRatio(december, "icpc-timeliness", 1, 1);

        for (String id : ids) {
            assertEquals(1, count("select count(*) from processed_event where event_id = '" + id + "'"), "one effect of " + id);
        }
        assertEquals("RED", text("select rag from contact_fact where contact_id = '" + contact + "'"),
                "the decision's rating is the latest, whatever arrived after it");
        assertEquals("3A", text("select string_agg(concern_code, ',') from contact_concern where contact_id = '" + contact + "'"));
        assertEquals("S47_JOINT", text("select outcome from discussion_fact where discussion_id = '" + discussion + "'"),
                "the superseding outcome stays though the held event came later");
        assertEquals(3, count("select count(*) from discussion_attendance where discussion_id = '" + discussion + "'"));
        assertEquals("2017-11-20|2017-12-04|true|2017-12-08", text("select started_on || '|' || concluded_on || '|' || icpc_required"
                + " || '|' || icpc_held_on from s47_fact where enquiry_id = '" + enquiry + "'"));
        assertEquals(2, count("select count(*) from check_fact where contact_id = '" + contact + "'"));

        // breakdowns: by a personal characteristic the single child shows as <5; by source it is counted
        JsonPath byEthnicity = DemoUsers.analyst().get(NOVEMBER_2017 + "&breakdown=ethnicity").then().statusCode(200).extract().jsonPath();
        assertEquals("<5", byEthnicity.getString("figures.find { it.id == 'contacts' && it.group == 'APKN' }.display"));
        org.junit.jupiter.api.Assertions.assertNull(byEthnicity.get("figures.find { it.id == 'contacts' && it.group == 'APKN' }.numerator"));
        assertEquals("withheld", byEthnicity.getString("figures.find { it.id == 'conversion' && it.group == 'APKN' }.display"));
        JsonPath bySource = DemoUsers.analyst().get(NOVEMBER_2017 + "&breakdown=source").then().statusCode(200).extract().jsonPath();
        assertEquals(1, bySource.getLong("figures.find { it.id == 'contacts' && it.group == '6' }.numerator"));
        assertEquals(1, bySource.getLong("figures.find { it.id == 'checks-overdue' && it.group == '6' }.numerator"));
        JsonPath byConcern = DemoUsers.analyst().get(NOVEMBER_2017 + "&breakdown=concern").then().statusCode(200).extract().jsonPath();
        assertEquals(1, byConcern.getLong("figures.find { it.id == 'contacts' && it.group == '3A' }.numerator"));
        JsonPath lateIcpc = DemoUsers.analyst().get("/api/v1/metrics?period=2019-02&breakdown=concern").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, lateIcpc.getLong("figures.find { it.id == 'icpcs' && it.group == '3A' }.numerator"),
                "the contact of a fact outside the window is found, with its concerns");
        JsonPath byAgency = DemoUsers.analyst().get(NOVEMBER_2017 + "&breakdown=agency").then().statusCode(200).extract().jsonPath();
        assertEquals(1, byAgency.getLong("figures.find { it.id == 'checks' && it.group == 'health' }.numerator"));
        String csv = DemoUsers.analyst().get("/api/v1/metrics.csv?period=2017-11&breakdown=ethnicity").then().statusCode(200)
                .extract().asString();
        assertEquals(true, csv.contains(",contacts,ethnicity,APKN,,<5,,,count,"), csv);

        // a rebuild: the same facts again as new events (an empty inbox), in the reverse order, give the same figures
        List<Object> before = List.of(figures(NOVEMBER_2017), figures("/api/v1/metrics?period=2017-12"));
        List<String> replayed = new ArrayList<>();
        for (int i = SENT.size() - 1; i >= 0; i--) {
            Sent e = SENT.get(i);
            String id = UUID.randomUUID().toString();
            KafkaTestClient.send(e.topic(), e.key(), TestEvents.envelope(id, e.type(), e.source(), e.key(),
                    TestEvents.data(e.type(), new HashMap<>(e.fields()))));
            replayed.add(id);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String id : replayed) {
                assertEquals(1, count("select count(*) from processed_event where event_id = '" + id + "'"));
            }
        });
        assertEquals(before, List.of(figures(NOVEMBER_2017), figures("/api/v1/metrics?period=2017-12")),
                "replayed in another order, the facts give the same figures");
    }

    record Sent(String topic, String key, String source, String type, Map<String, Object> fields) {
    }

    static final List<Sent> SENT = new ArrayList<>();

    /** The figures of a period without the time they were computed. */
    static Object figures(String url) {
        return DemoUsers.analyst().get(url).then().statusCode(200).extract().jsonPath().getList("figures");
    }

    /** Sends the schema example of {@code type} with {@code fields}, twice with the same id; returns the id. */
    static String twice(String topic, String key, String source, String type, Map<String, Object> fields) {
        String id = UUID.randomUUID().toString();
        SENT.add(new Sent(topic, key, source, type, fields));
        String event = TestEvents.envelope(id, type, source, key, TestEvents.data(type, new HashMap<>(fields)));
        KafkaTestClient.send(topic, key, event);
        KafkaTestClient.send(topic, key, event);
        return id;
    }

    static String unknownType(String topic, String type, String key) throws Exception {
        String id = UUID.randomUUID().toString();
        var json = JsonMapper.builder().build().createObjectNode();
        json.put("specversion", "1.0").put("id", id).put("type", type).put("source", "/mash/somewhere")
                .put("subject", key).put("time", "2017-11-20T09:15:00Z").put("datacontenttype", "application/json");
        json.putObject("data").put("contactId", key).put("whatever", 1);
        KafkaTestClient.send(topic, key, json.toString());
        return id;
    }

    static void assertCount(JsonPath body, String id, long n) {
        assertEquals(n, body.getLong("figures.find { it.id == '" + id + "' }.numerator"), id);
    }

    static void assertRatio(JsonPath body, String id, long numerator, long denominator) {
        assertEquals(numerator, body.getLong("figures.find { it.id == '" + id + "' }.numerator"), id + " numerator");
        assertEquals(denominator, body.getLong("figures.find { it.id == '" + id + "' }.denominator"), id + " denominator");
    }

    static long count(String sql) throws Exception {
        return Long.parseLong(text(sql));
    }

    static String text(String sql) throws Exception {
        try (Connection c = PostgresTestDatabase.connect(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}

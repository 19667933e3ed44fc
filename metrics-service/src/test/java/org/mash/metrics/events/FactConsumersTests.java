package org.mash.metrics.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;

/**
 * Figures learnt from triage and strategy events, built from the published schema examples. Everything
 * happens in June 2019, a period no other test touches.
 */
@QuarkusTest
class FactConsumersTests {

    static final String JUNE_2019 = "/api/v1/metrics?from=2019-06-01&to=2019-06-30";

    @Test
    void contactsReferralsConversionAndS47AreCountedOnceEachInTheirPeriod() throws Exception {
        String referred = UUID.randomUUID().toString();
        String referredCase = UUID.randomUUID().toString();
        String notReferred = UUID.randomUUID().toString();
        String notReferredCase = UUID.randomUUID().toString();
        String discussion = UUID.randomUUID().toString();

        // a contact that became a strategy discussion and a section 47 enquiry
        KafkaTestClient.send(InputEvents.TRIAGE_TOPIC, referred, TestEvents.triage(InputEvents.CASE_OPENED, referred, Map.of(
                "contactId", referred, "caseId", referredCase,
                "receivedAt", "2019-06-10T09:15:00Z", "openedAt", "2019-06-10T09:15:01Z")));
        String decision = TestEvents.triage(InputEvents.DECISION_AUTHORISED, referred, Map.of(
                "contactId", referred, "caseId", referredCase, "receivedAt", "2019-06-10T09:15:00Z",
                "outcome", "STRATEGY_DISCUSSION", "referral", true,
                "proposedAt", "2019-06-10T11:00:00Z", "authorisedAt", "2019-06-10T11:30:00Z"));
        KafkaTestClient.send(InputEvents.TRIAGE_TOPIC, referred, decision);
        KafkaTestClient.send(InputEvents.TRIAGE_TOPIC, referred, decision); // redelivery
        KafkaTestClient.send(InputEvents.STRATEGY_TOPIC, referred, TestEvents.strategy(InputEvents.DISCUSSION_OPENED, referred, Map.of(
                "discussionId", discussion, "caseId", referredCase, "contactId", referred,
                "openedAt", "2019-06-10T11:30:02Z", "dueAt", "2019-06-10T23:59:59Z")));
        KafkaTestClient.send(InputEvents.STRATEGY_TOPIC, referred, TestEvents.strategy(InputEvents.DISCUSSION_HELD, referred, Map.of(
                "discussionId", discussion, "contactId", referred,
                "heldAt", "2019-06-10T15:00:00Z", "dueAt", "2019-06-10T23:59:59Z")));
        KafkaTestClient.send(InputEvents.STRATEGY_TOPIC, referred, TestEvents.strategy(InputEvents.S47_STARTED, referred, Map.of(
                "enquiryId", UUID.randomUUID().toString(), "discussionId", discussion, "contactId", referred,
                "startedOn", "2019-06-11", "icpcTargetDate", "2019-07-02")));

        // a contact with no further action, whose decision arrives before its case
        KafkaTestClient.send(InputEvents.TRIAGE_TOPIC, notReferred, TestEvents.triage(InputEvents.DECISION_AUTHORISED, notReferred, Map.of(
                "contactId", notReferred, "caseId", notReferredCase, "receivedAt", "2019-06-12T10:00:00Z",
                "outcome", "NFA", "referral", false,
                "proposedAt", "2019-06-12T11:00:00Z", "authorisedAt", "2019-06-12T12:00:00Z")));
        KafkaTestClient.send(InputEvents.TRIAGE_TOPIC, notReferred, TestEvents.triage(InputEvents.CASE_OPENED, notReferred, Map.of(
                "contactId", notReferred, "caseId", notReferredCase,
                "receivedAt", "2019-06-12T10:00:00Z", "openedAt", "2019-06-12T10:00:01Z")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath body = DemoUsers.analyst().get(JUNE_2019).then().statusCode(200).extract().jsonPath();
            assertEquals("2019-06-01..2019-06-30", body.getString("period.label"));
            assertEquals("2019-06-01", body.getString("period.from"));
            assertEquals("2019-06-30", body.getString("period.to"));
            assertEquals(2, body.getLong("figures.find { it.id == 'contacts' }.numerator"));
            assertEquals(1, body.getLong("figures.find { it.id == 'referrals' }.numerator"));
            assertEquals(1, body.getLong("figures.find { it.id == 'conversion' }.numerator"));
            assertEquals(2, body.getLong("figures.find { it.id == 'conversion' }.denominator"));
            assertEquals(50.0, body.getDouble("figures.find { it.id == 'conversion' }.value"));
            assertEquals("percent", body.getString("figures.find { it.id == 'conversion' }.unit"));
            assertEquals(1, body.getLong("figures.find { it.id == 's47' }.numerator"));
            assertNull(body.get("figures.find { it.id == 's47' }.denominator"));
        });

        String decisionId = JsonMapper.builder().build().readTree(decision).get("id").asText();
        assertEquals(1, processedCount(decisionId), "the same event twice has one effect");
        assertEquals("2019-06-12T10:00Z", receivedAt(notReferred), "the case filled in after its decision");
        DemoUsers.manager().get(JUNE_2019).then().statusCode(200);
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        KafkaTestClient.send(InputEvents.STRATEGY_TOPIC, "x", "this is not an event");
        KafkaTestClient.awaitRecords("mash.metrics-service.dlq", r -> "this is not an event".equals(r.value()), 1,
                Duration.ofSeconds(30));
    }

    static int processedCount(String eventId) throws Exception {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("select count(*) from processed_event where event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static String receivedAt(String contactId) throws Exception {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement(
                     "select to_char(received_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI\"Z\"') from contact_fact where contact_id = ?::uuid")) {
            s.setString(1, contactId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Connection connect() throws Exception {
        return PostgresTestDatabase.connect(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
    }
}

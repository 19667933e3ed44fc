package org.mash.metrics.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mash.metrics.domain.Period;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.KafkaTestClient;

/**
 * The edges of the definitions, end to end: events over the real broker, figures from the API. Periods from
 * March 2023 to March 2025, which no other integration test touches.
 */
@QuarkusTest
class EdgeCasesTests {

    @Test
    void aContactReceivedInOneYearAndDecidedInTheNextCountsInEach() {
        String child = child("a1");
        // Friday 31 March 2023, 22:30 London: the last day of FY2022-23; decided on Monday 3 April 2023
        decision(child, "2023-03-31T22:30", "2023-04-03T09:00", "CSC_ASSESSMENT", true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath first = figures("FY2022-23");
            assertEquals(1, first.getLong(numerator("contacts")));
            assertEquals(0, first.getLong(denominator("conversion")));
            assertEquals(1, first.getLong(numerator("backlog")), "undecided when the year ended");
            assertEquals(1, figures("2023-03").getLong(numerator("contacts")));
            JsonPath next = figures("2023-04");
            assertEquals(0, next.getLong(numerator("contacts")));
            assertEquals(1, next.getLong(numerator("referrals")));
            assertEquals(1, next.getLong(denominator("conversion")));
        });
    }

    @Test
    void aReReferralExactlyTwelveMonthsApartCountsADayMoreDoesNot() {
        String twelveMonths = child("b1");
        String aDayMore = child("b2");
        decision(twelveMonths, "2023-06-01T09:00", "2023-06-01T15:00", "CSC_ASSESSMENT", true);
        decision(twelveMonths, "2024-06-01T08:00", "2024-06-01T09:00", "CSC_ASSESSMENT", true);
        decision(aDayMore, "2023-06-01T09:00", "2023-06-01T15:00", "STRATEGY_DISCUSSION", true);
        decision(aDayMore, "2024-06-02T08:00", "2024-06-02T09:00", "CSC_ASSESSMENT", true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath june = figures("2024-06");
            assertEquals(1, june.getLong(numerator("re-referrals")));
            assertEquals(2, june.getLong(denominator("re-referrals")));
            assertEquals(50.0, june.getDouble(value("re-referrals")));
        });
    }

    @Test
    void theTwentyNinthOfFebruary() {
        String nextDayBefore = child("c1");
        String marchFirst = child("c2");
        decision(nextDayBefore, "2024-02-29T10:00", "2024-02-29T12:00", "CSC_ASSESSMENT", true);
        decision(nextDayBefore, "2025-02-28T10:00", "2025-02-28T12:00", "CSC_ASSESSMENT", true);
        decision(marchFirst, "2024-02-29T10:00", "2024-02-29T12:00", "CSC_ASSESSMENT", true);
        decision(marchFirst, "2025-03-01T10:00", "2025-03-01T12:00", "CSC_ASSESSMENT", true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(2, figures("2024-02-29").getLong(numerator("contacts")), "the 29th is a day of its own");
            JsonPath february = figures("2025-02");
            assertEquals(1, february.getLong(numerator("re-referrals")));
            assertEquals(1, february.getLong(denominator("re-referrals")));
            JsonPath march = figures("2025-03");
            assertEquals(0, march.getLong(numerator("re-referrals")));
            assertEquals(1, march.getLong(denominator("re-referrals")));
        });
    }

    @Test
    void bankHolidaysAndAWeekendDecisionAgainstOneWorkingDay() {
        // Easter 2024: Good Friday 29 March, Easter Monday 1 April. The events do not state the one-working-day
        // due time, so the service works it out as triage does.
        // Thursday 28 March 10:00, decided on Sunday 31 March 12:00: one working day runs to Tuesday 2 April 10:00
        decision(child("d1"), "2024-03-28T10:00", "2024-03-31T12:00", "NFA", false);
        // Easter Saturday 10:00, decided Tuesday 2 April 20:00: due by the end of Tuesday (Monday is a bank holiday)
        decision(child("d2"), "2024-03-30T10:00", "2024-04-02T20:00", "NFA", false);
        // Thursday 28 March 10:00, decided on Wednesday 3 April 09:00: late
        decision(child("d3"), "2024-03-28T10:30", "2024-04-03T09:00", "NFA", false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath easter = DemoUsers.analyst().get("/api/v1/metrics?from=2024-03-28&to=2024-04-03").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(3, easter.getLong(denominator("decision-one-working-day")));
            assertEquals(2, easter.getLong(numerator("decision-one-working-day")));
            // GREEN: 72 hours elapsed, weekends and holidays included: all three late
            assertEquals(0, easter.getLong(numerator("decision-timeliness")));
        });
    }

    private static JsonPath figures(String period) {
        return DemoUsers.analyst().get("/api/v1/metrics?period=" + period).then().statusCode(200).extract().jsonPath();
    }

    private static String numerator(String id) {
        return "figures.find { it.id == '" + id + "' }.numerator";
    }

    private static String denominator(String id) {
        return "figures.find { it.id == '" + id + "' }.denominator";
    }

    private static String value(String id) {
        return "figures.find { it.id == '" + id + "' }.value";
    }

    private static String child(String n) {
        return "ed9e" + "0".repeat(58) + n;
    }

    private static String instant(String london) {
        return LocalDateTime.parse(london).atZone(Period.ZONE).toInstant().toString();
    }

    /** A decision (GREEN, 72 hours) on a contact received at {@code received} London time, without oneWorkingDayDueAt. */
    private static void decision(String child, String received, String authorised, String outcome, boolean referral) {
        String contactId = UUID.randomUUID().toString();
        String receivedAt = instant(received);
        ObjectNode data = TestEvents.data(InputEvents.DECISION_AUTHORISED, Map.of(
                "contactId", contactId, "caseId", UUID.randomUUID().toString(), "childRef", child,
                "receivedAt", receivedAt, "proposedAt", instant(authorised), "authorisedAt", instant(authorised),
                "outcome", outcome, "referral", referral, "rag", "GREEN",
                "dueAt", java.time.Instant.parse(receivedAt).plusSeconds(72 * 3600).toString()));
        data.remove("oneWorkingDayDueAt");
        KafkaTestClient.send(InputEvents.TRIAGE_TOPIC, contactId,
                TestEvents.envelope(InputEvents.DECISION_AUTHORISED, "/mash/triage-service", contactId, data));
    }
}

package org.mash.metrics.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mash.metrics.events.EveryInputEventTests.assertCount;
import static org.mash.metrics.events.EveryInputEventTests.assertRatio;
import static org.mash.metrics.events.EveryInputEventTests.count;
import static org.mash.metrics.events.EveryInputEventTests.text;
import static org.mash.metrics.events.SiblingsAndWithdrawalsTests.twice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.KafkaTestClient;

/**
 * Every valid value an event may carry fits the fact store: each section 47 outcome code of
 * codes/s47-outcome.csv (the longest, NFA_CONTINUE_ASSESSMENT, is 23 characters) and an agency name as long as
 * the strategy service allows (40). Sent over the real broker, in February 2012, a month no other test touches.
 */
@QuarkusTest
class ValidValuesFitTests {

    /** codes/s47-outcome.csv, every code. */
    static final List<String> S47_OUTCOMES = List.of("ICPC", "OTHER_AGENCY_MONITOR", "NFA_CONTINUE_ASSESSMENT",
            "LEGAL_ACTION", "S17_SERVICES", "S17_SHORT_BREAK", "NFA", "OTHER");

    @Test
    void anEnquiryConcludedWithEveryS47OutcomeCodeIsStoredAndCounted() throws Exception {
        String contact = UUID.randomUUID().toString();
        String childRef = "2012" + "0".repeat(56) + "0001";
        String discussion = UUID.randomUUID().toString();
        Map<String, String> enquiries = new LinkedHashMap<>();
        for (String code : S47_OUTCOMES) {
            String enquiry = UUID.randomUUID().toString();
            enquiries.put(code, enquiry);
            Map<String, Object> common = Map.of("enquiryId", enquiry, "discussionId", discussion, "contactId", contact,
                    "childRef", childRef, "startedOn", "2012-02-14");
            twice(contact, InputEvents.S47_STARTED, SiblingsAndWithdrawalsTests.with(common,
                    "icpcTargetDate", "2012-03-06", "joint", true));
            twice(contact, InputEvents.S47_CONCLUDED, SiblingsAndWithdrawalsTests.with(common, "concludedOn", "2012-02-28",
                    "outcomeCode", code, "icpcRequired", code.equals("ICPC"), "icpcTargetDate", "2012-03-06"));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (Map.Entry<String, String> e : enquiries.entrySet()) {
                assertEquals(e.getKey(), text("select max(outcome_code) from s47_fact where enquiry_id = '" + e.getValue() + "'"),
                        "the concluded enquiry's outcome code is stored");
            }
        });
        assertEquals(S47_OUTCOMES.size(), count("select count(*) from s47_fact where concluded_on = date '2012-02-28'"
                + " and enquiry_id in ('" + String.join("', '", enquiries.values()) + "')"));

        JsonPath february = DemoUsers.analyst().get("/api/v1/metrics?period=2012-02").then().statusCode(200).extract().jsonPath();
        assertCount(february, "s47", S47_OUTCOMES.size());
        assertRatio(february, "s47-icpc", 1, S47_OUTCOMES.size());
    }

    @Test
    void anAgencyNameOfFortyCharactersIsStoredAndCounted() throws Exception {
        String agency = "independent-domestic-violence-advisers-x";
        assertEquals(40, agency.length(), "the longest agency name the strategy service allows");
        String contact = UUID.randomUUID().toString();
        String discussion = UUID.randomUUID().toString();
        Map<String, String> attendance = Map.of("social-care", "ATTENDED", "police", "ATTENDED", "health", "ATTENDED",
                agency, "ATTENDED");
        ObjectNode data = TestEvents.data(InputEvents.DISCUSSION_HELD, new HashMap<>(Map.of("discussionId", discussion,
                "contactId", contact, "childRef", "2012" + "0".repeat(56) + "0002", "heldAt", "2012-02-15T15:00:00Z",
                "dueAt", "2012-02-15T23:59:59Z", "withinTarget", true, "coreAgenciesPresent", true, "outcome", "S47_JOINT")));
        data.set("attendance", new ObjectMapper().valueToTree(attendance));
        String event = TestEvents.envelope(UUID.randomUUID().toString(), InputEvents.DISCUSSION_HELD,
                SiblingsAndWithdrawalsTests.SOURCE, contact, data);
        KafkaTestClient.send(InputEvents.STRATEGY_TOPIC, contact, event);
        KafkaTestClient.send(InputEvents.STRATEGY_TOPIC, contact, event);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals("ATTENDED", text("select max(status) from discussion_attendance where discussion_id = '" + discussion
                        + "' and agency = '" + agency + "'"), "the long agency name is stored"));
        assertEquals(4, count("select count(*) from discussion_attendance where discussion_id = '" + discussion + "'"));

        JsonPath february = DemoUsers.analyst().get("/api/v1/metrics?period=2012-02").then().statusCode(200).extract().jsonPath();
        assertRatio(february, "sd-attendance." + agency, 1, 1);
        assertRatio(february, "sd-attendance", 1, 1);
    }
}

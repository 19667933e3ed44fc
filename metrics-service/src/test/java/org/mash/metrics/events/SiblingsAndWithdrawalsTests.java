package org.mash.metrics.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.mash.metrics.events.EveryInputEventTests.assertCount;
import static org.mash.metrics.events.EveryInputEventTests.assertRatio;
import static org.mash.metrics.events.EveryInputEventTests.count;
import static org.mash.metrics.events.EveryInputEventTests.text;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.KafkaTestClient;

/**
 * Siblings discussed together (one discussionId, events per child) keep one fact each, and a withdrawn
 * section 47 enquiry no longer counts: the schema examples (with fields the service does not know), each
 * sent twice, over the real broker, in months no other test touches (March and May 2013).
 */
@QuarkusTest
class SiblingsAndWithdrawalsTests {

    static final String SOURCE = "/mash/strategy-discussion-service";

    @Test
    void siblingsDiscussedTogetherKeepTheirOwnFactsAndTheMeetingCountsOnce() throws Exception {
        String discussion = UUID.randomUUID().toString();
        String amira = UUID.randomUUID().toString();
        String brother = UUID.randomUUID().toString();
        String amiraRef = "2013" + "0".repeat(56) + "0001";
        String brotherRef = "2013" + "0".repeat(56) + "0002";
        String enquiry = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        for (String[] child : new String[][] {{amira, amiraRef}, {brother, brotherRef}}) {
            ids.add(twice(child[0], InputEvents.DISCUSSION_OPENED, Map.of("discussionId", discussion, "contactId", child[0],
                    "childRef", child[1], "caseId", UUID.randomUUID().toString(),
                    "openedAt", "2013-03-12T10:00:00Z", "dueAt", "2013-03-12T23:59:59Z")));
        }
        // the brother's decision superseded before his held event arrives: the later decision stays
        ids.add(twice(brother, InputEvents.DECISION_SUPERSEDED, Map.of("discussionId", discussion, "contactId", brother,
                "childRef", brotherRef, "previousOutcome", "NFA", "outcome", "CSC_ASSESSMENT",
                "supersededAt", "2013-03-13T09:00:00Z")));
        ids.add(twice(amira, InputEvents.DISCUSSION_HELD, Map.of("discussionId", discussion, "contactId", amira,
                "childRef", amiraRef, "heldAt", "2013-03-13T15:00:00Z", "dueAt", "2013-03-12T23:59:59Z",
                "withinTarget", false, "outcome", "S47_JOINT")));
        ids.add(twice(brother, InputEvents.DISCUSSION_HELD, Map.of("discussionId", discussion, "contactId", brother,
                "childRef", brotherRef, "heldAt", "2013-03-13T15:00:00Z", "dueAt", "2013-03-12T23:59:59Z",
                "withinTarget", false, "outcome", "NFA")));
        // the meeting was late: flagged once per child, the second child's flag a little later
        ids.add(twice(amira, InputEvents.ITEM_OVERDUE, Map.of("kind", "DISCUSSION", "itemId", discussion,
                "discussionId", discussion, "contactId", amira, "childRef", amiraRef,
                "dueAt", "2013-03-12T23:59:59Z", "flaggedAt", "2013-03-13T00:00:30Z")));
        ids.add(twice(brother, InputEvents.ITEM_OVERDUE, Map.of("kind", "DISCUSSION", "itemId", discussion,
                "discussionId", discussion, "contactId", brother, "childRef", brotherRef,
                "dueAt", "2013-03-12T23:59:59Z", "flaggedAt", "2013-03-13T00:00:40Z")));
        ids.add(twice(amira, InputEvents.S47_STARTED, Map.of("enquiryId", enquiry, "discussionId", discussion,
                "contactId", amira, "childRef", amiraRef, "startedOn", "2013-03-12", "icpcTargetDate", "2013-04-03")));
        awaitProcessed(ids);

        assertEquals(2, count("select count(*) from discussion_fact where discussion_id = '" + discussion + "'"),
                "one fact per child of the discussion");
        assertEquals("S47_JOINT|" + amiraRef + "|2013-03-12 10:00:00+00", text("select outcome || '|' || child_ref || '|' || "
                + "to_char(opened_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00' from discussion_fact"
                + " where discussion_id = '" + discussion + "' and contact_id = '" + amira + "'"));
        assertEquals("CSC_ASSESSMENT|" + brotherRef, text("select outcome || '|' || child_ref from discussion_fact"
                + " where discussion_id = '" + discussion + "' and contact_id = '" + brother + "'"),
                "the brother's superseding decision stays though his held event came later, and is his alone");
        assertEquals("00:00:30|00:00:40", text("select string_agg(to_char(overdue_flagged_at at time zone 'UTC', 'HH24:MI:SS'), '|'"
                + " order by overdue_flagged_at) from discussion_fact where discussion_id = '" + discussion + "'"),
                "each child's own overdue flag");
        assertEquals(3, count("select count(*) from discussion_attendance where discussion_id = '" + discussion + "'"),
                "attendance is the meeting's");

        JsonPath march = DemoUsers.analyst().get("/api/v1/metrics?period=2013-03").then().statusCode(200).extract().jsonPath();
        // one meeting for the two children: counted once
        assertRatio(march, "sd-timeliness", 0, 1);
        assertRatio(march, "sd-attendance", 1, 1);
        assertRatio(march, "sd-attendance.police", 1, 1);
        assertCount(march, "s47", 1);
    }

    @Test
    void aWithdrawnEnquiryNoLongerCountsWhateverTheOrderAndOnlyOnce() throws Exception {
        String contact = UUID.randomUUID().toString();
        String childRef = "2013" + "0".repeat(56) + "0005";
        String discussion = UUID.randomUUID().toString();
        String withdrawnFirst = UUID.randomUUID().toString();
        String withdrawnLater = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        Map<String, Object> common = Map.of("discussionId", discussion, "contactId", contact, "childRef", childRef,
                "startedOn", "2013-05-14");
        List<String> ids = new ArrayList<>();
        // out of order: the withdrawal before the start; the start must not resurrect it
        ids.add(twice(contact, InputEvents.S47_WITHDRAWN, with(common, "enquiryId", withdrawnFirst,
                "withdrawnAt", "2013-05-15T10:00:00Z")));
        ids.add(twice(contact, InputEvents.S47_STARTED, with(common, "enquiryId", withdrawnFirst,
                "icpcTargetDate", "2013-06-05", "joint", true)));
        // in order: started, then withdrawn
        ids.add(twice(contact, InputEvents.S47_STARTED, with(common, "enquiryId", withdrawnLater,
                "icpcTargetDate", "2013-06-05", "joint", false)));
        ids.add(twice(contact, InputEvents.S47_WITHDRAWN, with(common, "enquiryId", withdrawnLater,
                "withdrawnAt", "2013-05-16T10:00:00Z")));
        // one that stays, and led to an ICPC
        ids.add(twice(contact, InputEvents.S47_STARTED, with(common, "enquiryId", kept,
                "icpcTargetDate", "2013-06-05", "joint", true)));
        ids.add(twice(contact, InputEvents.S47_CONCLUDED, with(common, "enquiryId", kept, "concludedOn", "2013-05-28",
                "outcomeCode", "ICPC", "icpcRequired", true, "icpcTargetDate", "2013-06-05")));
        awaitProcessed(ids);

        JsonPath may = DemoUsers.analyst().get("/api/v1/metrics?period=2013-05").then().statusCode(200).extract().jsonPath();
        assertCount(may, "s47", 1);
        assertRatio(may, "s47-icpc", 1, 1);
        assertEquals("2013-05-14|2013-06-05|true", text("select started_on || '|' || icpc_target_date || '|' || joint"
                + " from s47_fact where enquiry_id = '" + withdrawnFirst + "'"), "the start's facts are kept");
        assertNotNull(text("select withdrawn_at from s47_fact where enquiry_id = '" + withdrawnFirst + "'"),
                "a later s47-started does not resurrect a withdrawn enquiry");
        assertNotNull(text("select withdrawn_at from s47_fact where enquiry_id = '" + withdrawnLater + "'"));
        assertEquals(null, text("select withdrawn_at from s47_fact where enquiry_id = '" + kept + "'"));

        // the withdrawal again (a new event id, a later time): still one effect, the first time kept
        ids = List.of(twice(contact, InputEvents.S47_WITHDRAWN, with(common, "enquiryId", withdrawnFirst,
                "withdrawnAt", "2013-05-20T10:00:00Z")));
        awaitProcessed(ids);
        assertEquals(1, count("select count(*) from s47_fact where enquiry_id = '" + withdrawnFirst
                + "' and withdrawn_at = timestamptz '2013-05-15T10:00:00Z'"));
        may = DemoUsers.analyst().get("/api/v1/metrics?period=2013-05").then().statusCode(200).extract().jsonPath();
        assertCount(may, "s47", 1);
    }

    static Map<String, Object> with(Map<String, Object> common, Object... pairs) {
        Map<String, Object> out = new HashMap<>(common);
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    /** Sends the schema example of {@code type} with {@code fields} (and a field from the future), twice with one id. */
    static String twice(String key, String type, Map<String, Object> fields) {
        String id = UUID.randomUUID().toString();
        String event = TestEvents.envelope(id, type, SOURCE, key, TestEvents.data(type, new HashMap<>(fields)));
        KafkaTestClient.send(InputEvents.STRATEGY_TOPIC, key, event);
        KafkaTestClient.send(InputEvents.STRATEGY_TOPIC, key, event);
        return id;
    }

    /** Waits until every event was taken, then once more for its duplicate (same partition, sent right after). */
    static void awaitProcessed(List<String> ids) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String id : ids) {
                assertEquals(1, count("select count(*) from processed_event where event_id = '" + id + "'"), "one effect of " + id);
            }
        });
    }
}

package org.mash.triage.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.triage.DataFlowReceiver;
import org.mash.triage.events.StrategyEventsConsumerTests;

/**
 * The daily data flow from a flow driven through the service, to a stand-in receiver that checks the payload's shape
 * as the department does: the whole record first, nothing for an unchanged child, then only what changed (a withdrawn
 * enquiry purged); a receiver that fails is tried again until it accepts; a refused call sends its children whole.
 */
@QuarkusTest
public class DataFlowTests {

    static final Duration EVENTUALLY = Duration.ofSeconds(60);

    static void run() {
        DemoUsers.returnsOfficer().post("/api/v1/returns/data-flow/runs").then().statusCode(200)
                .body("trigger", equalTo("DEMAND"));
    }

    static List<JsonNode> awaitRecords(String child, int count) {
        return await().atMost(EVENTUALLY).until(() -> DataFlowReceiver.acceptedFor(child), r -> r.size() >= count);
    }

    @Test
    void theDepartmentGetsTheWholeRecordFirstThenOnlyWhatChanged() {
        String contact = ReturnsTests.contactAbout(ChildRecordTests.freshNhsNumber(), ReturnsTests.freshUpn());
        String caseId = DecisionFlowTests.awaitCase(contact);
        ReturnsTests.decide(caseId, "STRATEGY_DISCUSSION");
        String child = ChildRecordTests.localChildIdOfCase(caseId);
        String enquiry = UUID.randomUUID().toString();
        LocalDate today = LocalDate.now(ReturnsTests.LONDON);
        StrategyEventsConsumerTests.publish("mash.strategy.s47-started.v1", contact, Map.of("enquiryId", enquiry,
                "discussionId", UUID.randomUUID().toString(), "startedOn", today.toString(),
                "icpcTargetDate", today.plusDays(21).toString()));
        await().atMost(EVENTUALLY).until(() -> PostgresTestDatabase.count(
                "select count(*) from case_enquiry where enquiry_id = ?::uuid", enquiry) == 1);

        run();
        JsonNode first = awaitRecords(child, 1).get(0);
        assertEquals(child, first.path("mis_child_id").asText());
        assertFalse(first.path("purge").asBoolean());
        JsonNode details = first.path("child_details");
        assertEquals("Amira", details.path("first_name").asText());
        assertEquals("2016-04-02", details.path("date_of_birth").asText());
        assertEquals("[\"MOB\",\"HEAR\"]", details.path("disabilities").toString());
        JsonNode episode = first.path("social_care_episodes").get(0);
        assertEquals(caseId, episode.path("social_care_episode_id").asText());
        assertEquals(today.toString(), episode.path("referral_date").asText());
        assertEquals("6", episode.path("referral_source").asText());
        assertFalse(episode.path("referral_no_further_action_flag").asBoolean());
        JsonNode s47 = episode.path("section_47_assessments").get(0);
        assertEquals(enquiry, s47.path("section_47_assessment_id").asText());
        assertTrue(s47.path("icpc_required_flag").isMissingNode(), "undecided: left out");
        DemoUsers.returnsOfficer().get("/api/v1/returns/data-flow").then().statusCode(200)
                .body("configured", equalTo(true)).body("sentCalls", greaterThanOrEqualTo(1));

        run();
        await().pollDelay(Duration.ofSeconds(3)).atMost(EVENTUALLY).until(() -> PostgresTestDatabase.count(
                "select count(*) from data_flow_batch where status = 'PENDING'") == 0);
        assertEquals(1, DataFlowReceiver.acceptedFor(child).size(), "unchanged: nothing sent");

        StrategyEventsConsumerTests.publish("mash.strategy.s47-withdrawn.v1", contact, Map.of("enquiryId", enquiry,
                "discussionId", UUID.randomUUID().toString(), "startedOn", today.toString(),
                "withdrawnAt", OffsetDateTime.now().toString()));
        await().atMost(EVENTUALLY).until(() -> PostgresTestDatabase.count(
                "select count(*) from case_enquiry where enquiry_id = ?::uuid and withdrawn_at is not null", enquiry) == 1);
        run();
        JsonNode update = awaitRecords(child, 2).get(1);
        assertEquals("Amira", update.path("child_details").path("first_name").asText(), "the full child details");
        JsonNode changed = update.path("social_care_episodes").get(0);
        assertEquals("{\"section_47_assessment_id\":\"" + enquiry + "\",\"purge\":true}",
                changed.path("section_47_assessments").get(0).toString());
    }

    @Test
    void aReceiverThatFailsIsTriedAgainUntilItAcceptsAndARefusedCallsChildrenGoWholeNextTime() {
        String contact = ReturnsTests.contactAbout(ChildRecordTests.freshNhsNumber(), ReturnsTests.freshUpn());
        String caseId = DecisionFlowTests.awaitCase(contact);
        ReturnsTests.decide(caseId, "CSC_ASSESSMENT");
        String child = ChildRecordTests.localChildIdOfCase(caseId);
        int tokensBefore = DataFlowReceiver.TOKENS_ISSUED.get();

        DataFlowReceiver.failNext(503, 429, 401);
        run();
        awaitRecords(child, 1);
        assertTrue(PostgresTestDatabase.count("select count(*) from data_flow_batch where status = 'SENT' "
                + "and child_ids like ? and attempts >= 4", "%" + child + "%") == 1, "tried four times, accepted once");
        assertTrue(DataFlowReceiver.TOKENS_ISSUED.get() > tokensBefore, "a new token after the 401");

        // refused for good: the call is set aside, and the child is sent whole at the next run
        String second = ReturnsTests.contactAbout(ChildRecordTests.freshNhsNumber(), ReturnsTests.freshUpn());
        String secondCase = DecisionFlowTests.awaitCase(second);
        ReturnsTests.decide(secondCase, "CSC_ASSESSMENT");
        String other = ChildRecordTests.localChildIdOfCase(secondCase);
        DataFlowReceiver.failNext(400);
        run();
        await().atMost(EVENTUALLY).until(() -> PostgresTestDatabase.count("select count(*) from data_flow_batch "
                + "where status = 'REFUSED' and child_ids like ?", "%" + other + "%") == 1);
        assertEquals(0, PostgresTestDatabase.count("select count(*) from data_flow_child where la_child_id = ?", other));
        run();
        JsonNode whole = awaitRecords(other, 1).get(0);
        assertTrue(whole.has("social_care_episodes") && whole.path("child_details").has("first_name"), whole.toString());
        DemoUsers.returnsOfficer().get("/api/v1/returns/data-flow").then().statusCode(200)
                .body("refusedCalls", greaterThanOrEqualTo(1));
    }

    @Test
    void onlyTheReturnsOfficerRunsOrReadsIt() {
        DemoUsers.practitioner().post("/api/v1/returns/data-flow/runs").then().statusCode(403);
        DemoUsers.manager().get("/api/v1/returns/data-flow").then().statusCode(403);
        DemoUsers.analyst().post("/api/v1/returns/data-flow/runs").then().statusCode(403);
    }
}

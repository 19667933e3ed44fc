package org.mash.triage.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.ContractEvents;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.triage.rest.ChildRecordTests;
import org.mash.triage.rest.DecisionFlowTests;

/**
 * The strategy-discussion service's events, as its schemas' examples (with unknown fields, each delivered twice), show
 * on the child's record: the discussion with the decision for this child, later decisions superseding it, and the
 * section 47 enquiries with their ICPC, withdrawn ones marked. An event about a contact triage never had is set aside
 * without holding up the ones after it.
 */
@QuarkusTest
public class StrategyEventsConsumerTests {

    /** Publishes a strategy event about the contact (the schema example with these fields and an unknown one), twice. */
    public static void publish(String type, String contactId, Map<String, Object> fields) {
        Map<String, Object> all = new HashMap<>(fields);
        all.put("contactId", contactId);
        all.put("unknownFieldAddedLater", "ignored");
        String event = ContractEvents.envelope(type, "/mash/strategy-discussion-service", contactId,
                ContractEvents.data(type, all));
        KafkaTestClient.send("mash.strategy.v1", contactId, event);
        KafkaTestClient.send("mash.strategy.v1", contactId, event);
    }

    @Test
    void whatTheDiscussionDecidedShowsOnTheChildsRecordOnce() {
        String contactId = ContactEvents.publishContact(true, null);
        String caseId = DecisionFlowTests.awaitCase(contactId);
        String child = ChildRecordTests.localChildIdOfCase(caseId);
        String discussion = UUID.randomUUID().toString();
        String enquiry = UUID.randomUUID().toString();
        String withdrawn = UUID.randomUUID().toString();

        publish("mash.strategy.s47-started.v1", UUID.randomUUID().toString(), Map.of("enquiryId", UUID.randomUUID().toString()));
        publish("mash.strategy.discussion-opened.v1", contactId, Map.of("discussionId", discussion, "caseId", caseId,
                "openedAt", "2026-11-20T11:30:02Z", "dueAt", "2026-11-20T23:59:59Z"));
        publish("mash.strategy.discussion-held.v1", contactId, Map.of("discussionId", discussion,
                "heldAt", "2026-11-20T15:00:00Z", "outcome", "CSC_ASSESSMENT"));
        publish("mash.strategy.decision-superseded.v1", contactId, Map.of("discussionId", discussion,
                "previousOutcome", "CSC_ASSESSMENT", "outcome", "S47_JOINT", "supersededAt", "2026-11-21T10:00:00Z"));
        publish("mash.strategy.s47-started.v1", contactId, Map.of("enquiryId", enquiry, "discussionId", discussion,
                "startedOn", "2026-11-20", "icpcTargetDate", "2026-12-11"));
        publish("mash.strategy.s47-concluded.v1", contactId, Map.of("enquiryId", enquiry, "discussionId", discussion,
                "startedOn", "2026-11-20", "concludedOn", "2026-12-04", "outcomeCode", "ICPC", "icpcRequired", true,
                "icpcTargetDate", "2026-12-11"));
        publish("mash.strategy.icpc-held.v1", contactId, Map.of("enquiryId", enquiry, "discussionId", discussion,
                "startedOn", "2026-11-20", "icpcTargetDate", "2026-12-11", "heldOn", "2026-12-10"));
        publish("mash.strategy.s47-started.v1", contactId, Map.of("enquiryId", withdrawn, "discussionId", discussion,
                "startedOn", "2026-11-21", "icpcTargetDate", "2026-12-14"));
        publish("mash.strategy.s47-withdrawn.v1", contactId, Map.of("enquiryId", withdrawn, "discussionId", discussion,
                "startedOn", "2026-11-21", "withdrawnAt", "2026-11-22T09:00:00Z"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> DemoUsers.practitioner()
                .get("/api/v1/triage/children/" + child).then().statusCode(200)
                .body("discussions", hasSize(1))
                .body("discussions[0].discussionId", equalTo(discussion))
                .body("discussions[0].caseId", equalTo(caseId))
                .body("discussions[0].heldAt", notNullValue())
                .body("discussions[0].outcome", equalTo("S47_JOINT"))
                .body("discussions[0].supersededAt", notNullValue())
                .body("enquiries", hasSize(2))
                .body("enquiries[0].enquiryId", equalTo(enquiry))
                .body("enquiries[0].icpcTarget", equalTo("2026-12-11"))
                .body("enquiries[0].concludedOn", equalTo("2026-12-04"))
                .body("enquiries[0].icpcRequired", equalTo(true))
                .body("enquiries[0].icpcHeldOn", equalTo("2026-12-10"))
                .body("enquiries[0].withdrawnAt", nullValue())
                .body("enquiries[1].enquiryId", equalTo(withdrawn))
                .body("enquiries[1].withdrawnAt", notNullValue()));
        DemoUsers.practitioner().get("/ui/children/" + child).then().statusCode(200)
                .body(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Strategy discussions"),
                        org.hamcrest.Matchers.containsString("/ui/discussions/" + discussion),
                        org.hamcrest.Matchers.containsString("S47 joint"),
                        org.hamcrest.Matchers.containsString("ICPC held"),
                        org.hamcrest.Matchers.containsString("(withdrawn")));
    }
}

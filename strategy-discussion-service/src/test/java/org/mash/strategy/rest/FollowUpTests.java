package org.mash.strategy.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.strategy.events.TriageHandoffConsumerTests;

/** Issue #5 point 5: actions with owning agency and due date (overdue ones visible), minutes and their circulation. */
@QuarkusTest
class FollowUpTests {

    static final String PATH = "/api/v1/strategy-discussions/";

    static String action(String agency, LocalDate dueOn) {
        return "{\"description\": \"Home visit\", \"agency\": \"" + agency + "\", \"dueOn\": \"" + dueOn + "\"}";
    }

    static String heldDiscussion() {
        String id = TriageHandoffConsumerTests.open().discussionId();
        DemoUsers.manager().contentType(ContentType.JSON).body(DecisionsTests.held("S47_JOINT", "Joint", "Plan"))
                .post(PATH + id + "/held").then().statusCode(200);
        return id;
    }

    @Test
    void actionsAreOwnedByAnAgencyAndOverdueOnesShowOnTheDiscussion() {
        String open = TriageHandoffConsumerTests.open().discussionId();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        DemoUsers.manager().contentType(ContentType.JSON).body(action("health", today))
                .post(PATH + open + "/actions").then().statusCode(409);

        String id = heldDiscussion();
        String health = DemoUsers.manager().contentType(ContentType.JSON).body(action("health", today.plusDays(3)))
                .post(PATH + id + "/actions").then().statusCode(201)
                .body("agency", equalTo("health")).body("overdue", equalTo(false)).body("createdBy", equalTo("manager"))
                .extract().path("id");
        String police = DemoUsers.practitioner().contentType(ContentType.JSON).body(action("police", today))
                .post(PATH + id + "/actions").then().statusCode(201).extract().path("id");
        DemoUsers.manager().contentType(ContentType.JSON).body(action("health", today.minusDays(1)))
                .post(PATH + id + "/actions").then().statusCode(400).body("errors.field", hasItem("dueOn"));
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"agency\": \"health\", \"dueOn\": \"" + today + "\"}")
                .post(PATH + id + "/actions").then().statusCode(400).body("errors.field", hasItem("description"));
        // an agency not invited would own an action its participants cannot even see
        DemoUsers.manager().contentType(ContentType.JSON).body(action("education", today))
                .post(PATH + id + "/actions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("agency")).body("errors.rule", hasItem("invited"));

        // the health action's due date passes (staged in the database: a past due date cannot be entered)
        PostgresTestDatabase.executeInApplicationDatabase("update discussion_action set due_on = current_date - 2 "
                + "where id = '" + health + "'");
        DemoUsers.participant("health").get(PATH + id).then().statusCode(200)
                .body("actions", hasSize(1))
                .body("overdueActions", equalTo(1))
                .body("actions.find { it.id == '" + health + "' }.overdue", equalTo(true));
        // a participant sees their own agency's actions only; MASH staff every agency's
        DemoUsers.participant("police").get(PATH + id).then().statusCode(200)
                .body("actions", hasSize(1)).body("actions[0].id", equalTo(police)).body("overdueActions", equalTo(0));
        DemoUsers.practitioner().get(PATH + id).then().statusCode(200).body("actions", hasSize(2));

        // an agency completes its own actions only
        DemoUsers.participant("health").contentType(ContentType.JSON).body("{}")
                .post(PATH + id + "/actions/" + police + "/completion").then().statusCode(403);
        DemoUsers.participant("police").contentType(ContentType.JSON).body("{\"note\": \"Visited with health\"}")
                .post(PATH + id + "/actions/" + police + "/completion").then().statusCode(200)
                .body("completedBy", equalTo("participant.police")).body("completedAt", notNullValue());
        DemoUsers.participant("police").contentType(ContentType.JSON).body("{}")
                .post(PATH + id + "/actions/" + police + "/completion").then().statusCode(409);
        DemoUsers.participant("health").contentType(ContentType.JSON).body("{}")
                .post(PATH + id + "/actions/" + health + "/completion").then().statusCode(200)
                .body("overdue", equalTo(false));
        DemoUsers.manager().get(PATH + id).then().statusCode(200).body("overdueActions", equalTo(0));
    }

    @Test
    void minutesAreRecordedAndEachSendingLogged() {
        String open = TriageHandoffConsumerTests.open().discussionId();
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"text\": \"Minutes\"}")
                .put(PATH + open + "/minutes").then().statusCode(409);

        String id = heldDiscussion();
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"agency\": \"police\", \"recipient\": \"DS Jones\"}")
                .post(PATH + id + "/minutes/circulation").then().statusCode(409);
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"text\": \"Draft\"}")
                .put(PATH + id + "/minutes").then().statusCode(200).body("text", equalTo("Draft"));
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"text\": \"Present: social care, police, health.\"}")
                .put(PATH + id + "/minutes").then().statusCode(200).body("recordedBy", equalTo("manager"));
        DemoUsers.participant("police").contentType(ContentType.JSON).body("{\"text\": \"Ours\"}")
                .put(PATH + id + "/minutes").then().statusCode(403);
        // a draft is for MASH staff: a participant sees no minutes until they are sent to their agency
        DemoUsers.participant("police").get(PATH + id).then().statusCode(200).body("minutes", equalTo(null));
        DemoUsers.manager().get(PATH + id).then().statusCode(200)
                .body("minutes.text", equalTo("Present: social care, police, health."));

        String future = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0));
        DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"agency\": \"police\", \"recipient\": \"DS Jones\", \"sentAt\": \"" + future + "\"}")
                .post(PATH + id + "/minutes/circulation").then().statusCode(400).body("errors.field", hasItem("sentAt"));
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"agency\": \"police\", \"recipient\": \"DS Jones, CAIT\"}")
                .post(PATH + id + "/minutes/circulation").then().statusCode(201)
                .body("agency", equalTo("police")).body("sentAt", notNullValue());
        DemoUsers.practitioner().contentType(ContentType.JSON)
                .body("{\"agency\": \"health\", \"recipient\": \"Named nurse for safeguarding\"}")
                .post(PATH + id + "/minutes/circulation").then().statusCode(201);

        DemoUsers.participant("police").get(PATH + id).then().statusCode(200)
                .body("minutes.text", equalTo("Present: social care, police, health."));
        DemoUsers.participant("health").get(PATH + id).then().statusCode(200)
                .body("minutes.text", equalTo("Present: social care, police, health."))
                .body("minutes.circulation", hasSize(1))
                .body("minutes.circulation[0].agency", equalTo("health"))
                .body("minutes.circulation[0].recipient", equalTo("Named nurse for safeguarding"));
        DemoUsers.manager().get(PATH + id).then().statusCode(200)
                .body("minutes.circulation", hasSize(2))
                .body("minutes.circulation.recipient", hasItem("DS Jones, CAIT"));
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"text\": \"Rewritten\"}")
                .put(PATH + id + "/minutes").then().statusCode(409);
    }

    @Test
    void aCorrectionRacingTheFirstCirculationCannotChangeWhatWentOut() throws Exception {
        String id = heldDiscussion();
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"text\": \"As agreed\"}")
                .put(PATH + id + "/minutes").then().statusCode(200);
        java.util.function.Supplier<Integer> circulate = () -> DemoUsers.practitioner().contentType(ContentType.JSON)
                .body("{\"agency\": \"police\", \"recipient\": \"DS Jones, CAIT\"}")
                .post(PATH + id + "/minutes/circulation").then().extract().statusCode();
        java.util.function.Supplier<Integer> rewrite = () -> DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"text\": \"Rewritten\"}").put(PATH + id + "/minutes").then().extract().statusCode();
        List<Integer> codes = EnquiriesTests.raceOnRow("discussion", id, List.of(circulate, rewrite));
        assertEquals(1, codes.stream().filter(c -> c == 409).count(), "one of them loses: " + codes);
        long sent = PostgresTestDatabase.count("select count(*) from minutes_circulation where discussion_id = ?::uuid",
                java.util.UUID.fromString(id));
        String text = DemoUsers.manager().get(PATH + id).then().statusCode(200).extract().path("minutes.text");
        if (codes.contains(201)) {
            assertEquals(1, sent);
            assertEquals("As agreed", text, "what went out stands");
        } else {
            assertEquals(0, sent);
            assertEquals("Rewritten", text);
        }
    }

    @Test
    void twoConcurrentCompletionsOfOneActionGiveOne200AndOneConflict() throws Exception {
        String id = heldDiscussion();
        String action = DemoUsers.manager().contentType(ContentType.JSON)
                .body(action("police", LocalDate.now(ZoneId.of("Europe/London")).plusDays(2)))
                .post(PATH + id + "/actions").then().statusCode(201).extract().path("id");
        java.util.function.Supplier<Integer> byPolice = () -> DemoUsers.participant("police").contentType(ContentType.JSON)
                .body("{\"note\": \"Visited\"}").post(PATH + id + "/actions/" + action + "/completion")
                .then().extract().statusCode();
        java.util.function.Supplier<Integer> byStaff = () -> DemoUsers.practitioner().contentType(ContentType.JSON)
                .body("{\"note\": \"Police confirmed by phone\"}").post(PATH + id + "/actions/" + action + "/completion")
                .then().extract().statusCode();
        assertEquals(List.of(200, 409), EnquiriesTests.raceOnRow("discussion_action", action, List.of(byPolice, byStaff)));
    }
}

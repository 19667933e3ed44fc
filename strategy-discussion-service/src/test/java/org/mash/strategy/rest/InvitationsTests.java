package org.mash.strategy.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.strategy.events.TriageHandoffConsumerTests;

/** Issue #5 point 2: invitations by agency, each with its answer and who recorded it when. */
@QuarkusTest
class InvitationsTests {

    static final String PATH = "/api/v1/strategy-discussions/";

    @Test
    void theCoreAgenciesAreInvitedAndOthersCanBeAddedOnce() {
        String id = TriageHandoffConsumerTests.open().discussionId();
        DemoUsers.manager().get(PATH + id + "/invitations").then().statusCode(200)
                .body("agency", hasItems("social-care", "police", "health"))
                .body("response", hasItem("PENDING"))
                .body("find { it.agency == 'police' }.invitedBy", equalTo("strategy-discussion-service"));

        for (String agency : new String[] {"education", "gp", "mental-health-trust", "housing"}) {
            DemoUsers.practitioner().contentType(ContentType.JSON).body("{\"agency\": \"" + agency + "\"}")
                    .post(PATH + id + "/invitations").then().statusCode(201)
                    .body("agency", equalTo(agency))
                    .body("response", equalTo("PENDING"))
                    .body("invitedBy", equalTo("practitioner"))
                    .body("invitedAt", notNullValue());
        }
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"agency\": \"education\"}")
                .post(PATH + id + "/invitations").then().statusCode(409).contentType("application/problem+json");
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"agency\": \"Not An Agency\"}")
                .post(PATH + id + "/invitations").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("agency"));
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"agency\": \"gp\", \"extra\": 1}")
                .post(PATH + id + "/invitations").then().statusCode(400);
        DemoUsers.participant("health").contentType(ContentType.JSON).body("{\"agency\": \"probation\"}")
                .post(PATH + id + "/invitations").then().statusCode(403);

        // the newly invited agency now sees the discussion
        DemoUsers.participant("education").get(PATH + id).then().statusCode(200)
                .body("invitations.agency", hasItem("education"));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where record_id = ?::uuid "
                + "and agency = 'education' and action = 'READ'", id));
    }

    @Test
    void eachAnswerIsRecordedWithWhoAndWhen() {
        String id = TriageHandoffConsumerTests.open().discussionId();
        DemoUsers.participant("health").contentType(ContentType.JSON).body("{\"response\": \"ACCEPTED\"}")
                .put(PATH + id + "/invitations/health/response").then().statusCode(200)
                .body("response", equalTo("ACCEPTED"))
                .body("respondedBy", equalTo("participant.health"))
                .body("respondedAt", notNullValue());
        DemoUsers.participant("police").contentType(ContentType.JSON).body("{\"response\": \"DECLINED\"}")
                .put(PATH + id + "/invitations/police/response").then().statusCode(200);
        // a participant may not answer for another agency
        DemoUsers.participant("police").contentType(ContentType.JSON).body("{\"response\": \"DECLINED\"}")
                .put(PATH + id + "/invitations/health/response").then().statusCode(403)
                .contentType("application/problem+json");
        // MASH staff record that social care... and later that the police, chased, did not answer
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"response\": \"NO_RESPONSE\"}")
                .put(PATH + id + "/invitations/police/response").then().statusCode(200)
                .body("respondedBy", equalTo("manager"));
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"response\": \"PENDING\"}")
                .put(PATH + id + "/invitations/social-care/response").then().statusCode(400)
                .body("errors.field", hasItem("response"));
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"response\": \"MAYBE\"}")
                .put(PATH + id + "/invitations/social-care/response").then().statusCode(400);
        DemoUsers.manager().contentType(ContentType.JSON).body("{\"response\": \"ACCEPTED\"}")
                .put(PATH + id + "/invitations/education/response").then().statusCode(404);
        // a participant whose agency is not invited does not learn the discussion exists
        DemoUsers.participant("education").contentType(ContentType.JSON).body("{\"response\": \"ACCEPTED\"}")
                .put(PATH + id + "/invitations/education/response").then().statusCode(404);

        DemoUsers.participant("health").get(PATH + id + "/invitations").then().statusCode(200)
                .body("find { it.agency == 'health' }.response", equalTo("ACCEPTED"))
                .body("find { it.agency == 'police' }.response", equalTo("NO_RESPONSE"))
                .body("find { it.agency == 'social-care' }.response", equalTo("PENDING"));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where record_id = ?::uuid "
                + "and agency = 'health' and action = 'READ_INVITATIONS'", id), "the read is logged");

        // once held, the answers stand; attendance is recorded separately
        DemoUsers.manager().contentType(ContentType.JSON)
                .body(StrategyDiscussionResourceTests.heldBody(StrategyDiscussionResourceTests.justNow(), "ATTENDED", "NFA",
                        "No further action", null))
                .post(PATH + id + "/held").then().statusCode(200)
                .body("invitations.find { it.agency == 'health' }.response", equalTo("ACCEPTED"))
                .body("attendance.police", equalTo("ATTENDED"));
        DemoUsers.participant("health").contentType(ContentType.JSON).body("{\"response\": \"DECLINED\"}")
                .put(PATH + id + "/invitations/health/response").then().statusCode(409);
    }
}

package org.mash.strategy.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.strategy.events.TriageHandoffConsumerTests;

/** Issue #5 point 3: each invited agency records what it shares and its risk grading; MASH staff see all. */
@QuarkusTest
class ContributionsTests {

    static final String PATH = "/api/v1/strategy-discussions/";

    static String body(String information, String grading) {
        return "{\"information\": \"" + information + "\", \"riskGrading\": \"" + grading + "\"}";
    }

    @Test
    void eachInvitedAgencySharesItsInformationAndGradingAndSeesOnlyItsOwn() {
        String id = TriageHandoffConsumerTests.open().discussionId();
        DemoUsers.participant("health").contentType(ContentType.JSON)
                .body(body("Missed two developmental checks", "HIGH"))
                .post(PATH + id + "/contributions").then().statusCode(201)
                .body("agency", equalTo("health"))
                .body("riskGrading", equalTo("HIGH"))
                .body("recordedBy", equalTo("participant.health"));
        DemoUsers.participant("police").contentType(ContentType.JSON)
                .body(body("Three call-outs to the address this year", "SIGNIFICANT_HARM_LIKELY"))
                .post(PATH + id + "/contributions").then().statusCode(201).body("agency", equalTo("police"));
        DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"information\": \"Open to early help in 2025\", \"riskGrading\": \"MEDIUM\", \"agency\": \"social-care\"}")
                .post(PATH + id + "/contributions").then().statusCode(201).body("agency", equalTo("social-care"))
                .body("recordedBy", equalTo("manager"));

        // MASH staff see all three; each participant only its own agency's
        DemoUsers.manager().get(PATH + id + "/contributions").then().statusCode(200)
                .body("agency", hasItem("police")).body("agency", hasItem("health")).body("$", hasSize(3));
        DemoUsers.participant("health").get(PATH + id + "/contributions").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].information", equalTo("Missed two developmental checks"));
        DemoUsers.participant("health").get(PATH + id).then().statusCode(200)
                .body("contributions.agency", not(hasItem("police")))
                .body("contributions.riskGrading", hasItem("HIGH"));
        DemoUsers.practitioner().get(PATH + id).then().statusCode(200).body("contributions", hasSize(3));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where record_id = ?::uuid "
                + "and agency = 'health' and action = 'READ_CONTRIBUTIONS'", id), "the read is logged");
    }

    @Test
    void onlyForAnInvitedAgencyWithAKnownGradingWhileTheDiscussionIsOpen() {
        String id = TriageHandoffConsumerTests.open().discussionId();
        // education is not invited: the discussion does not exist for it
        DemoUsers.participant("education").contentType(ContentType.JSON).body(body("Attendance 60%", "MEDIUM"))
                .post(PATH + id + "/contributions").then().statusCode(404).contentType("application/problem+json");
        DemoUsers.participant("education").get(PATH + id + "/contributions").then().statusCode(404);
        // a participant cannot record for another agency
        DemoUsers.participant("health").contentType(ContentType.JSON)
                .body("{\"information\": \"x\", \"riskGrading\": \"LOW\", \"agency\": \"police\"}")
                .post(PATH + id + "/contributions").then().statusCode(403);
        // MASH staff must say for which agency, and it must be invited
        DemoUsers.manager().contentType(ContentType.JSON).body(body("x", "LOW"))
                .post(PATH + id + "/contributions").then().statusCode(400).body("errors.field", hasItem("agency"));
        DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"information\": \"x\", \"riskGrading\": \"LOW\", \"agency\": \"gp\"}")
                .post(PATH + id + "/contributions").then().statusCode(400).body("errors.rule", hasItem("invited"));
        DemoUsers.participant("health").contentType(ContentType.JSON).body(body("x", "VERY_HIGH"))
                .post(PATH + id + "/contributions").then().statusCode(400).contentType("application/problem+json");
        DemoUsers.participant("health").contentType(ContentType.JSON).body("{\"riskGrading\": \"LOW\"}")
                .post(PATH + id + "/contributions").then().statusCode(400).body("errors.field", hasItem("information"));
        DemoUsers.analyst().contentType(ContentType.JSON).body(body("x", "LOW"))
                .post(PATH + id + "/contributions").then().statusCode(403);

        DemoUsers.manager().contentType(ContentType.JSON)
                .body(StrategyDiscussionResourceTests.heldBody(StrategyDiscussionResourceTests.justNow(), "ATTENDED",
                        "CSC_ASSESSMENT", "Assessment", null))
                .post(PATH + id + "/held").then().statusCode(200);
        DemoUsers.participant("health").contentType(ContentType.JSON).body(body("Too late", "LOW"))
                .post(PATH + id + "/contributions").then().statusCode(409);
    }
}

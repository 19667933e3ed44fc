package org.mash.strategy.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.DemoUsers;
import org.mash.strategy.events.TriageHandoffConsumerTests;

/**
 * The strategy screens: participants see the discussions their agency is invited to and only their own agency's
 * contributions; the chair records the meeting held on screen, refused as the API refuses it; the section 47 enquiry
 * shows its ICPC target; nobody else opens them.
 */
@QuarkusTest
class DiscussionPagesTests {

    static RequestSpecification form(RequestSpecification user) {
        return user.redirects().follow(false).contentType(ContentType.URLENC).header("Sec-Fetch-Site", "same-origin");
    }

    @Test
    void participantsContributeAndTheChairRecordsTheDiscussionHeldOnScreen() {
        String id = TriageHandoffConsumerTests.open().discussionId();
        DemoUsers.manager().get("/ui/discussions").then().statusCode(200).body(containsString("/ui/discussions/" + id));
        DemoUsers.participant("health").get("/ui/discussions").then().statusCode(200).body(containsString("/ui/discussions/" + id));
        DemoUsers.participant("education").get("/ui/discussions/" + id).then().statusCode(404);

        form(DemoUsers.participant("health")).formParam("information", "Missed two developmental checks")
                .formParam("riskGrading", "HIGH").post("/ui/discussions/" + id + "/contributions").then().statusCode(303);
        form(DemoUsers.participant("police")).formParam("information", "Two call-outs in 2026")
                .post("/ui/discussions/" + id + "/contributions").then().statusCode(400)
                .body(containsString("id=\"riskGrading-error\""));
        form(DemoUsers.participant("police")).formParam("information", "Two call-outs in 2026").formParam("riskGrading", "MEDIUM")
                .post("/ui/discussions/" + id + "/contributions").then().statusCode(303);
        DemoUsers.participant("health").get("/ui/discussions/" + id).then().statusCode(200)
                .body(allOf(containsString("Missed two developmental checks"), not(containsString("Two call-outs"))));
        DemoUsers.manager().get("/ui/discussions/" + id).then().statusCode(200)
                .body(allOf(containsString("Missed two developmental checks"), containsString("Two call-outs"),
                        containsString("id=\"hold\"")));

        String now = org.mash.strategy.rest.StrategyDiscussionResourceTests.heldMoment()
                .atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
        form(DemoUsers.participant("health")).formParam("heldAt", now).post("/ui/discussions/" + id + "/held")
                .then().statusCode(403);
        form(DemoUsers.manager()).formParam("heldAt", now).formParam("mode", "VIDEO")
                .post("/ui/discussions/" + id + "/held").then().statusCode(400).body(containsString("id=\"attendance-error\""));
        form(DemoUsers.manager()).formParam("heldAt", now).formParam("mode", "VIDEO")
                .formParam("attendance.social-care", "ATTENDED").formParam("attendance.police", "ATTENDED")
                .formParam("attendance.health", "ATTENDED").formParam("outcome", "S47_JOINT")
                .formParam("rationale", "Domestic abuse with the child present").formParam("safetyPlan", "Stay with grandmother")
                .post("/ui/discussions/" + id + "/held").then().statusCode(303);
        DemoUsers.manager().get("/api/v1/strategy-discussions/" + id).then().body("status", equalTo("HELD"))
                .body("outcome", equalTo("S47_JOINT"));
        DemoUsers.manager().get("/ui/discussions/" + id).then().statusCode(200)
                .body(allOf(containsString("ICPC target"), containsString("(15 working days)"), not(containsString("id=\"hold\""))));
        DemoUsers.manager().get("/ui/deadlines").then().statusCode(200).body(containsString("/ui/discussions/" + id));

        // what follows, on the same page: an action done by its agency, the minutes sent, the enquiry and its ICPC
        String today = org.mash.strategy.rest.StrategyDiscussionResourceTests.heldDay().toString();
        form(DemoUsers.practitioner()).formParam("description", "Health visitor to see the child").formParam("agency", "health")
                .formParam("dueOn", today).post("/ui/discussions/" + id + "/actions").then().statusCode(303);
        String actionId = DemoUsers.manager().get("/api/v1/strategy-discussions/" + id).then().extract().path("actions[0].id");
        form(DemoUsers.participant("police")).post("/ui/discussions/" + id + "/actions/" + actionId + "/completion")
                .then().statusCode(403); // another agency's action, refused as the API refuses it
        form(DemoUsers.participant("health")).formParam("note", "Seen at home").post("/ui/discussions/" + id + "/actions/"
                + actionId + "/completion").then().statusCode(303);
        form(DemoUsers.manager()).post("/ui/discussions/" + id + "/minutes").then().statusCode(400)
                .body(containsString("id=\"text-error\""));
        form(DemoUsers.manager()).formParam("text", "Joint s47 agreed; safety plan in place")
                .post("/ui/discussions/" + id + "/minutes").then().statusCode(303);
        DemoUsers.participant("health").get("/ui/discussions/" + id).then().body(not(containsString("Joint s47 agreed")));
        form(DemoUsers.manager()).formParam("agency", "health").formParam("recipient", "Named nurse")
                .post("/ui/discussions/" + id + "/minutes/circulation").then().statusCode(303);
        DemoUsers.participant("health").get("/ui/discussions/" + id).then()
                .body(allOf(containsString("Joint s47 agreed"), containsString("Seen at home")));

        String enquiryId = DemoUsers.manager().get("/api/v1/strategy-discussions/" + id).then().extract().path("s47.enquiryId");
        form(DemoUsers.participant("health")).formParam("heldOn", today)
                .post("/ui/discussions/" + id + "/enquiries/" + enquiryId + "/icpc").then().statusCode(403);
        form(DemoUsers.manager()).formParam("concludedOn", today).formParam("outcomeCode", "ICPC")
                .post("/ui/discussions/" + id + "/enquiries/" + enquiryId + "/outcome").then().statusCode(303);
        form(DemoUsers.manager()).formParam("heldOn", today)
                .post("/ui/discussions/" + id + "/enquiries/" + enquiryId + "/icpc").then().statusCode(303);
        DemoUsers.manager().get("/ui/discussions/" + id).then().statusCode(200)
                .body(allOf(containsString("ICPC held"), containsString("within target")));
    }

    @Test
    void theChairGivesEachSiblingItsOwnDecisionAndLaterSupersedesOneOnScreen() {
        String submission = java.util.UUID.randomUUID().toString();
        String now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        String amiraCase = java.util.UUID.randomUUID().toString();
        String amira = java.util.UUID.randomUUID().toString();
        String bilal = java.util.UUID.randomUUID().toString();
        KafkaTestClient.send(TriageHandoffConsumerTests.HANDOFF_TOPIC, amira,
                TriageHandoffConsumerTests.handoff(amiraCase, amira, now, submission, "AMBER"));
        String id = TriageHandoffConsumerTests.awaitDiscussion(amiraCase);
        KafkaTestClient.send(TriageHandoffConsumerTests.HANDOFF_TOPIC, bilal,
                TriageHandoffConsumerTests.handoff(java.util.UUID.randomUUID().toString(), bilal, now, submission, "RED"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                DemoUsers.manager().get("/api/v1/strategy-discussions/" + id).then().body("children", hasSize(2)));
        DemoUsers.manager().get("/ui/discussions/" + id).then().statusCode(200)
                .body(allOf(containsString("name=\"children." + amira + ".outcome\""),
                        containsString("name=\"children." + bilal + ".rationale\"")));

        String heldAt = LocalDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.MINUTES).toString();
        RequestSpecification held = form(DemoUsers.manager()).formParam("heldAt", heldAt).formParam("mode", "VIDEO")
                .formParam("attendance.social-care", "ATTENDED").formParam("attendance.police", "ATTENDED")
                .formParam("attendance.health", "ATTENDED").formParam("outcome", "CSC_ASSESSMENT")
                .formParam("rationale", "Was at nursery");
        // a child's own decision without its rationale: refused beside that child's field, not the common one
        form(DemoUsers.manager()).formParam("heldAt", heldAt).formParam("mode", "VIDEO")
                .formParam("attendance.social-care", "ATTENDED").formParam("attendance.police", "ATTENDED")
                .formParam("attendance.health", "ATTENDED").formParam("outcome", "CSC_ASSESSMENT")
                .formParam("rationale", "Was at nursery").formParam("children." + amira + ".outcome", "S47_JOINT")
                .post("/ui/discussions/" + id + "/held").then().statusCode(400)
                .body(allOf(containsString("children[" + amira + "].rationale"),
                        not(containsString("id=\"rationale-error\""))));
        held.formParam("children." + amira + ".outcome", "S47_JOINT")
                .formParam("children." + amira + ".rationale", "Present at the incident")
                .formParam("children." + amira + ".safetyPlan", "With grandmother")
                .formParam("children." + bilal + ".outcome", "")
                .post("/ui/discussions/" + id + "/held").then().statusCode(303);
        String path = "/api/v1/strategy-discussions/" + id;
        DemoUsers.manager().get(path).then()
                .body("children.find { it.contactId == '" + amira + "' }.decision.outcome", equalTo("S47_JOINT"))
                .body("children.find { it.contactId == '" + amira + "' }.s47.joint", equalTo(true))
                .body("children.find { it.contactId == '" + bilal + "' }.decision.outcome", equalTo("CSC_ASSESSMENT"))
                .body("children.find { it.contactId == '" + bilal + "' }.decision.rationale", equalTo("Was at nursery"));

        String bilalDecision = DemoUsers.manager().get(path).then().extract()
                .path("children.find { it.contactId == '" + bilal + "' }.decision.id");
        String supersession = "/ui/discussions/" + id + "/decisions/" + bilalDecision + "/supersession";
        form(DemoUsers.participant("health")).formParam("outcome", "S47_JOINT").formParam("rationale", "x")
                .formParam("reason", "y").post(supersession).then().statusCode(403);
        form(DemoUsers.manager()).formParam("outcome", "S47_JOINT").formParam("rationale", "Disclosed at nursery")
                .post(supersession).then().statusCode(400).body(containsString("field-error"))
                .body(containsString("id=\"later-reason-" + bilal + "\""));
        form(DemoUsers.manager()).formParam("outcome", "S47_JOINT").formParam("rationale", "Disclosed at nursery")
                .formParam("reason", "New disclosure the next morning").post(supersession).then().statusCode(303);
        DemoUsers.manager().get(path).then()
                .body("children.find { it.contactId == '" + bilal + "' }.decision.outcome", equalTo("S47_JOINT"))
                .body("children.find { it.contactId == '" + bilal + "' }.decisions", hasSize(2))
                .body("children.find { it.contactId == '" + bilal + "' }.s47.joint", equalTo(true));
        DemoUsers.manager().get("/ui/discussions/" + id).then().statusCode(200)
                .body(allOf(containsString("New disclosure the next morning"), containsString("Earlier decision, superseded")));
        form(DemoUsers.manager()).formParam("outcome", "NFA").formParam("rationale", "x").formParam("reason", "y")
                .post(supersession).then().statusCode(409); // already superseded, as the API answers
    }

    @Test
    void onlyStrategyRolesOpenThePages() {
        DemoUsers.referrer().get("/ui/discussions").then().statusCode(403);
        DemoUsers.analyst().get("/ui/deadlines").then().statusCode(403);
        DemoUsers.as("officer.police", "police", "partner-officer").get("/ui/discussions").then().statusCode(403);
        DemoUsers.participant("health").redirects().follow(false).get("/ui").then().statusCode(303)
                .header("Location", containsString("/ui/discussions"));
    }
}

package org.mash.triage.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.triage.events.ContactEvents;
import org.mash.triage.rest.DecisionFlowTests;

/**
 * The triage screens: each page answers only the roles the API answers, shows what the API shows, and each form acts
 * through the API's operation (its refusals shown beside the fields) and only when sent from this service's pages.
 * (Signing in through Keycloak's page is tested end to end, in a real browser: deploy/e2e-tests.)
 */
@QuarkusTest
class PagesTests {

    /** A form post as a browser sends it from this service's own page. */
    static RequestSpecification form(RequestSpecification user) {
        return user.redirects().follow(false).contentType(ContentType.URLENC).header("Sec-Fetch-Site", "same-origin");
    }

    @Test
    void theQueueShowsTheCasesWithTheirRagInWordsAndTimeLeftToPractitionersAndManagersOnly() {
        String caseId = DecisionFlowTests.awaitCase(ContactEvents.publishContact(false, "SAME_DAY"));
        DemoUsers.practitioner().get("/ui/queue?size=500").then().statusCode(200).contentType(containsString("text/html"))
                .body(allOf(containsString("/ui/cases/" + caseId), containsString("class=\"chip AMBER\">AMBER<"),
                        containsString(" left<"), containsString("Signed in as <strong id=\"signed-in-user\">practitioner")));
        DemoUsers.manager().get("/ui/queue").then().statusCode(200);
        DemoUsers.manager().get("/ui/queue?status=PROPOSED").then().statusCode(200)
                .body(not(containsString("/ui/cases/" + caseId)));

        DemoUsers.referrer().get("/ui/queue").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("You cannot open this page"));
        DemoUsers.as("officer", "police", "partner-officer").get("/ui/cases/" + caseId).then().statusCode(403);
        DemoUsers.analyst().get("/ui/cases/" + caseId).then().statusCode(403);
        RestAssured.given().get("/ui/queue").then().statusCode(401);
        DemoUsers.practitioner().get("/ui/queue?rag=PURPLE").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("&#39;PURPLE&#39; is not one of"));
    }

    @Test
    void ui_sendsEachPersonToThePageTheirWorkStartsFrom() {
        DemoUsers.practitioner().redirects().follow(false).get("/ui").then().statusCode(303)
                .header("Location", containsString("/ui/queue"));
        DemoUsers.as("officer.police", "police", "partner-officer").redirects().follow(false).get("/ui").then()
                .statusCode(303).header("Location", containsString("/ui/checks"));
        DemoUsers.referrer().redirects().follow(false).get("/ui").then().statusCode(303)
                .header("Location", containsString("/ui/contacts/new"));
        DemoUsers.analyst().redirects().follow(false).get("/ui").then().statusCode(303)
                .header("Location", containsString("/ui/dashboard"));
        DemoUsers.operator().redirects().follow(false).get("/ui").then().statusCode(303)
                .header("Location", containsString("/ui/no-access"));
        DemoUsers.operator().get("/ui/no-access").then().statusCode(403).body(containsString("none of your roles opens a page"));
    }

    @Test
    void theRefreshAnswersNothingWhileThePageIsUnchangedAndTheRowsWhenACaseArrives() {
        DecisionFlowTests.awaitCase(ContactEvents.publishContact(false, "SAME_DAY"));
        // other tests' cases may still be changing the queue (arriving, flagged overdue): the page is read again until
        // the refresh finds it unchanged, which must then answer nothing
        String[] shown = new String[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            String page = DemoUsers.practitioner().get("/ui/queue").then().statusCode(200).extract().asString();
            shown[0] = page.replaceAll("(?s).*shown=([0-9a-f]+)\".*", "$1");
            return DemoUsers.practitioner().get("/ui/queue/rows?page=0&shown=" + shown[0]).then().extract().statusCode() == 204;
        });

        String newCase = DecisionFlowTests.awaitCase(ContactEvents.publishContact(true, "IMMEDIATE"));
        DemoUsers.practitioner().get("/ui/queue/rows?page=0&shown=" + shown[0]).then().statusCode(200)
                .body(allOf(containsString("id=\"queue-rows\""), containsString("/ui/cases/" + newCase)));
    }

    @Test
    void theCaseIsWorkedOnScreenFromRatingToAnAuthorisedDecision() {
        String caseId = DecisionFlowTests.awaitCase(ContactEvents.publishContact(false, "SAME_DAY"));
        DemoUsers.practitioner().get("/ui/cases/" + caseId).then().statusCode(200)
                .body(allOf(containsString("The contact as received"), containsString("Khan"), containsString("Timeline")));

        form(DemoUsers.practitioner()).formParam("rag", "RED").formParam("rationale", "Younger sibling at home")
                .post("/ui/cases/" + caseId + "/rating").then().statusCode(303)
                .header("Location", containsString("/ui/cases/" + caseId + "?done="));
        DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().body("item.rag", equalTo("RED"));

        // refused as the API refuses it, the message beside the field, the status the API's
        form(DemoUsers.practitioner()).formParam("outcome", "STRATEGY_DISCUSSION").formParam("rationale", "Significant harm")
                .post("/ui/cases/" + caseId + "/decision").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("id=\"primaryNeedCode-error\""));
        form(DemoUsers.practitioner()).formParam("outcome", "MAYBE").formParam("rationale", "x")
                .post("/ui/cases/" + caseId + "/decision").then().statusCode(400)
                .body(containsString("id=\"outcome-error\">&#39;MAYBE&#39; is not one of"));
        form(DemoUsers.practitioner()).formParam("outcome", "STRATEGY_DISCUSSION").formParam("rationale", "Significant harm")
                .formParam("primaryNeedCode", "N1").post("/ui/cases/" + caseId + "/decision").then().statusCode(303);

        DemoUsers.manager().get("/ui/cases/" + caseId).then().statusCode(200)
                .body(allOf(containsString("Proposed: <strong>Strategy discussion</strong>"), containsString("id=\"authorise\"")));
        DemoUsers.manager().get("/ui/queue?status=PROPOSED").then().body(containsString("Awaiting authorisation"));
        form(DemoUsers.practitioner()).post("/ui/cases/" + caseId + "/decision/authorisation").then().statusCode(403);
        form(DemoUsers.manager()).post("/ui/cases/" + caseId + "/decision/authorisation").then().statusCode(303);
        DemoUsers.manager().get("/api/v1/triage/cases/" + caseId).then().body("item.status", equalTo("DECIDED"));
        DemoUsers.manager().get("/ui/cases/" + caseId).then().statusCode(200)
                .body(containsString("authorised by manager"));
        form(DemoUsers.manager()).post("/ui/cases/" + caseId + "/decision/authorisation").then().statusCode(409)
                .body(containsString("role=\"alert\""));
    }

    @Test
    void aFormFromAnotherSiteOrThatSaysNothingOfWhereItComesFromIsRefusedAndChangesNothing() {
        String caseId = DecisionFlowTests.awaitCase(ContactEvents.publishContact(false, "SAME_DAY"));
        DemoUsers.practitioner().redirects().follow(false).contentType(ContentType.URLENC)
                .header("Sec-Fetch-Site", "cross-site").formParam("rag", "RED").formParam("rationale", "forged")
                .post("/ui/cases/" + caseId + "/rating").then().statusCode(403);
        DemoUsers.practitioner().redirects().follow(false).contentType(ContentType.URLENC)
                .header("Origin", "https://elsewhere.example").formParam("rag", "RED").formParam("rationale", "forged")
                .post("/ui/cases/" + caseId + "/rating").then().statusCode(403).body(containsString("elsewhere.example"));
        DemoUsers.practitioner().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("rag", "RED").formParam("rationale", "forged")
                .post("/ui/cases/" + caseId + "/rating").then().statusCode(403);
        String ownOrigin = "http://localhost:" + RestAssured.port;
        DemoUsers.practitioner().redirects().follow(false).contentType(ContentType.URLENC).header("Origin", ownOrigin)
                .formParam("rag", "GREEN").formParam("rationale", "from our own page")
                .post("/ui/cases/" + caseId + "/rating").then().statusCode(303);
        assertEquals("GREEN", DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().extract().path("item.rag"),
                "only the same-origin form changed the rating");
    }

    @Test
    void aPartnerOfficerSeesAndAnswersTheirOwnAgencysChecksAndNoOtherPage() {
        String caseId = DecisionFlowTests.awaitCase(ContactEvents.publishContact(false, "SAME_DAY"));
        form(DemoUsers.practitioner()).formParam("agency", "health").formParam("question", "Known to health visiting?")
                .post("/ui/cases/" + caseId + "/checks").then().statusCode(303);
        String checkId = DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId + "/checks").then()
                .extract().path("find { it.agency == 'health' }.id");

        java.util.function.Supplier<RequestSpecification> health = () -> DemoUsers.as("officer.health", "health", "partner-officer");
        health.get().get("/ui/checks").then().statusCode(200).body(containsString("/ui/checks/" + checkId));
        health.get().get("/ui/checks/" + checkId).then().statusCode(200).body(containsString("Known to health visiting?"))
                .body(not(containsString("The contact as received")));
        DemoUsers.as("officer.police", "police", "partner-officer").get("/ui/checks/" + checkId).then().statusCode(404);
        DemoUsers.as("officer.police", "police", "partner-officer").get("/ui/checks").then().statusCode(200)
                .body(not(containsString(checkId)));
        health.get().get("/ui/queue").then().statusCode(403);
        health.get().get("/ui/cases/" + caseId).then().statusCode(403);

        form(health.get()).formParam("result", "INFORMATION_HELD").post("/ui/checks/" + checkId + "/response")
                .then().statusCode(400).body(containsString("id=\"information-error\""));
        form(health.get()).formParam("result", "INFORMATION_HELD").formParam("information", "Two A&E attendances")
                .post("/ui/checks/" + checkId + "/response").then().statusCode(303);
        DemoUsers.practitioner().get("/ui/cases/" + caseId).then().body(containsString("Two A&amp;E attendances"));
    }
}

package org.mash.strategy.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.AccessMatrix;
import org.mash.platform.testing.DemoUsers;
import org.mash.strategy.events.TriageHandoffConsumerTests;

/**
 * Every operation of the strategy-discussion API, as every role and as another agency, against docs/access-matrix.md.
 * A discussion invites social care, the police and health: education is the agency not invited (404), and the
 * police the invited agency whose answer or action another invited agency may not record (403).
 */
@QuarkusTest
class AccessMatrixTests {

    static final String PATH = "/api/v1/strategy-discussions/";

    static String discussion() {
        return PATH + TriageHandoffConsumerTests.open().discussionId();
    }

    static AccessMatrix.Fixture invitedOnly(String suffix) {
        return AccessMatrix.Fixture.get(discussion() + suffix, DemoUsers.participant("health"), DemoUsers.participant("education"));
    }

    /** An action of the police on a new discussion, held. */
    static String policeAction() {
        String discussion = discussion();
        DemoUsers.manager().contentType(ContentType.JSON).body(DecisionsTests.held("CSC_ASSESSMENT", "Assess", null))
                .post(discussion + "/held").then().statusCode(200); // actions follow a discussion held
        String action = DemoUsers.manager().contentType(ContentType.JSON)
                .body("{\"description\": \"Police check\", \"agency\": \"police\", \"dueOn\": \""
                        + LocalDate.now(ZoneId.of("Europe/London")).plusDays(2) + "\"}")
                .post(discussion + "/actions").then().statusCode(201).extract().path("id");
        return discussion + "/actions/" + action + "/completion";
    }

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() {
        AccessMatrix.verify("strategy-discussion-service",
                // replays every open dead letter at once: its allowed role is proven in the dead-letter tests
                Set.of("POST /api/v1/operations/dead-letters/replay"),
                Map.of("GET /api/v1/strategy-discussions/{id}", () -> invitedOnly(""),
                        "GET /api/v1/strategy-discussions/{id}/contributions", () -> invitedOnly("/contributions"),
                        "GET /api/v1/strategy-discussions/{id}/invitations", () -> invitedOnly("/invitations"),
                        "POST /api/v1/strategy-discussions/{id}/contributions", () -> new AccessMatrix.Fixture(
                                discussion() + "/contributions", "{\"information\": \"Known to health\", \"riskGrading\": \"LOW\"}",
                                DemoUsers.participant("health"), DemoUsers.participant("education")),
                        "PUT /api/v1/strategy-discussions/{id}/invitations/{agency}/response", () -> new AccessMatrix.Fixture(
                                discussion() + "/invitations/health/response", "{\"response\": \"ACCEPTED\"}",
                                DemoUsers.participant("health"), DemoUsers.participant("police")),
                        "POST /api/v1/strategy-discussions/{id}/actions/{actionId}/completion", () -> new AccessMatrix.Fixture(
                                policeAction(), "{}", DemoUsers.participant("police"), DemoUsers.participant("health"))));
    }
}

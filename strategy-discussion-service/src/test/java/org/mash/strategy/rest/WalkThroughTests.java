package org.mash.strategy.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.time.WorkingDays;
import org.mash.strategy.events.TriageHandoffConsumerTests;

/**
 * The README walk-through of issue #5, with its request bodies: a discussion convened, attended by three
 * agencies, deciding a joint s47 with its ICPC target and, later, the ICPC held.
 */
@QuarkusTest
class WalkThroughTests {

    static final String SD = "/api/v1/strategy-discussions/";

    @Test
    void convenedAttendedByThreeAgenciesJointS47AndLaterTheIcpc() {
        Supplier<RequestSpecification> manager = () -> DemoUsers.manager().contentType(ContentType.JSON);
        String id = TriageHandoffConsumerTests.open().discussionId();
        manager.get().body("{\"agency\": \"education\"}").post(SD + id + "/invitations").then().statusCode(201);
        DemoUsers.participant("health").contentType(ContentType.JSON).body("{\"response\": \"ACCEPTED\"}")
                .put(SD + id + "/invitations/health/response").then().statusCode(200);
        DemoUsers.participant("police").contentType(ContentType.JSON).body("{\"response\": \"ACCEPTED\"}")
                .put(SD + id + "/invitations/police/response").then().statusCode(200);
        manager.get().body("{\"response\": \"ACCEPTED\"}").put(SD + id + "/invitations/social-care/response")
                .then().statusCode(200);
        DemoUsers.participant("health").contentType(ContentType.JSON)
                .body("{\"information\": \"Missed two developmental checks this year\", \"riskGrading\": \"HIGH\"}")
                .post(SD + id + "/contributions").then().statusCode(201);
        DemoUsers.participant("police").contentType(ContentType.JSON)
                .body("{\"information\": \"Third domestic incident at the address this year\", "
                        + "\"riskGrading\": \"SIGNIFICANT_HARM_LIKELY\"}")
                .post(SD + id + "/contributions").then().statusCode(201);

        OffsetDateTime heldAt = StrategyDiscussionResourceTests.heldMoment();
        LocalDate day = heldAt.atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDate();
        String enquiry = manager.get().body("""
                {"heldAt": "%s", "mode": "VIDEO",
                 "attendance": {"social-care": "ATTENDED", "police": "ATTENDED", "health": "ATTENDED",
                                "education": "SENT_INFORMATION"},
                 "outcome": "S47_JOINT", "rationale": "Joint enquiry with the police",
                 "safetyPlan": "The children stay with their grandmother while the enquiry is under way"}""".formatted(heldAt))
                .post(SD + id + "/held").then().statusCode(200)
                .body("coreAgenciesPresent", equalTo(true))
                .body("outcome", equalTo("S47_JOINT"))
                .body("s47.joint", equalTo(true))
                .body("s47.icpcTargetDate", equalTo(WorkingDays.englandAndWales().plusWorkingDays(day, 15).toString()))
                .body("s47.icpcStatus", equalTo("PENDING"))
                .extract().path("s47.enquiryId");

        manager.get().body("{\"description\": \"Joint visit with the police\", \"agency\": \"police\", \"dueOn\": \""
                + day.plusDays(1) + "\"}").post(SD + id + "/actions").then().statusCode(201);
        manager.get().body("{\"text\": \"Present: social care (chair), police, health. Decision: joint s47.\"}")
                .put(SD + id + "/minutes").then().statusCode(200);
        manager.get().body("{\"agency\": \"police\", \"recipient\": \"DS Jones, CAIT\"}")
                .post(SD + id + "/minutes/circulation").then().statusCode(201);
        // health sees neither police's action nor minutes not sent to health; police sees both
        DemoUsers.participant("health").get(SD + id).then().statusCode(200)
                .body("actions", hasSize(0)).body("overdueActions", equalTo(0))
                .body("minutes", equalTo(null))
                .body("invitations.find { it.agency == 'education' }.response", equalTo("PENDING"))
                .body("attendance.education", equalTo("SENT_INFORMATION"));
        DemoUsers.participant("police").get(SD + id).then().statusCode(200)
                .body("actions", hasSize(1)).body("minutes.circulation", hasSize(1));

        String today = day.toString();
        manager.get().body("{\"concludedOn\": \"" + today + "\", \"outcomeCode\": \"ICPC\"}")
                .post(SD + id + "/enquiries/" + enquiry + "/outcome").then().statusCode(200);
        manager.get().body("{\"heldOn\": \"" + today + "\"}")
                .post(SD + id + "/enquiries/" + enquiry + "/icpc").then().statusCode(200)
                .body("icpcStatus", equalTo("HELD")).body("icpcWithinTarget", equalTo(true));
        assertEquals("HELD", DemoUsers.manager().get(SD + id).then().extract().path("s47.icpcStatus"));
    }
}

package org.mash.strategy.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.time.WorkingDays;
import org.mash.platform.testing.DemoUsers;
import org.mash.strategy.events.TriageHandoffConsumerTests;

@QuarkusTest
public class StrategyDiscussionResourceTests {

    static final String PATH = "/api/v1/strategy-discussions";

    static String heldBody(String heldAt, String policeAttendance, String outcome, String rationale, String absenceReason) {
        return """
                {"heldAt": "%s", "mode": "VIDEO",
                 "attendance": {"social-care": "ATTENDED", "police": "%s", "health": "ATTENDED"},
                 "outcome": "%s"%s%s}""".formatted(heldAt, policeAttendance, outcome,
                rationale == null ? "" : ", \"rationale\": \"" + rationale + "\"",
                absenceReason == null ? "" : ", \"absenceReason\": \"" + absenceReason + "\"");
    }

    /** The current time to the second: a discussion is held after it opened and not in the future. */
    /**
     * When the tests hold a discussion: now on a weekday; at a weekend, noon of the Friday before (the test profile
     * lets a discussion be recorded up to three days after it was held), so that the enquiry it starts can conclude
     * and have its ICPC on a weekday, as the rules require, whatever day the tests run.
     */
    public static OffsetDateTime heldMoment() {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.SECONDS);
        java.time.DayOfWeek day = now.getDayOfWeek();
        if (day != java.time.DayOfWeek.SATURDAY && day != java.time.DayOfWeek.SUNDAY) {
            return now.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        return now.with(java.time.temporal.TemporalAdjusters.previous(java.time.DayOfWeek.FRIDAY)).withHour(12).withMinute(0)
                .withSecond(0).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The London date of {@link #heldMoment()}: the day the tests' enquiries start, conclude and have their ICPC. */
    public static LocalDate heldDay() {
        return heldMoment().atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDate();
    }

    static String justNow() {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void aJointSection47DecisionStartsTheEnquiryWithItsIcpcTargetAndCannotBeChanged() {
        TriageHandoffConsumerTests.Opened opened = TriageHandoffConsumerTests.open();
        String heldAt = justNow();
        LocalDate startedOn = OffsetDateTime.parse(heldAt).atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDate();
        LocalDate icpcTarget = WorkingDays.englandAndWales().plusWorkingDays(startedOn, 15);

        DemoUsers.manager().contentType(ContentType.JSON)
                .body(heldBody(heldAt, "ATTENDED", "S47_JOINT", "Domestic abuse with the child present", null))
                .when().post(PATH + "/" + opened.discussionId() + "/held")
                .then().statusCode(200)
                .body("status", equalTo("HELD"))
                .body("outcome", equalTo("S47_JOINT"))
                .body("coreAgenciesPresent", equalTo(true))
                .body("s47.startedOn", equalTo(startedOn.toString()))
                .body("s47.icpcTargetDate", equalTo(icpcTarget.toString()))
                .body("s47.joint", equalTo(true));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords("mash.strategy.v1",
                r -> opened.contactId().equals(r.key())
                        && (r.value().contains("s47-started") || r.value().contains("discussion-held")),
                2, Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> r : records) {
            JsonNode event = EventSchemas.assertValid(r.value());
            assertEquals(opened.discussionId(), event.at("/data/discussionId").asText());
            assertEquals(opened.contactId(), event.at("/data/contactId").asText(), "keyed by contact id");
            if (event.get("type").asText().equals("mash.strategy.s47-started.v1")) {
                assertEquals(startedOn.toString(), event.at("/data/startedOn").asText());
                assertEquals(icpcTarget.toString(), event.at("/data/icpcTargetDate").asText());
                assertEquals(true, event.at("/data/joint").asBoolean());
            } else {
                assertEquals("mash.strategy.discussion-held.v1", event.get("type").asText());
                assertEquals(true, event.at("/data/withinTarget").asBoolean(), "held before the end of its due day");
                assertEquals(true, event.at("/data/coreAgenciesPresent").asBoolean());
                assertEquals("ATTENDED", event.at("/data/attendance/police").asText());
                assertFalse(r.value().contains("Domestic abuse"), "no free text in the event");
                assertFalse(r.value().contains("Amira"), "no names in the event");
            }
        }

        DemoUsers.manager().contentType(ContentType.JSON)
                .body(heldBody(justNow(), "ATTENDED", "NFA", "Changed my mind", null))
                .when().post(PATH + "/" + opened.discussionId() + "/held")
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409));
        DemoUsers.manager().get(PATH + "/" + opened.discussionId())
                .then().statusCode(200).body("outcome", equalTo("S47_JOINT"));
    }

    @Test
    void aRationaleIsRequired() {
        TriageHandoffConsumerTests.Opened opened = TriageHandoffConsumerTests.open();
        DemoUsers.manager().contentType(ContentType.JSON)
                .body(heldBody(justNow(), "ATTENDED", "NFA", null, null))
                .when().post(PATH + "/" + opened.discussionId() + "/held")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("rationale"));
    }

    @Test
    void holdingWithoutThePoliceNeedsAReason() {
        TriageHandoffConsumerTests.Opened opened = TriageHandoffConsumerTests.open();
        DemoUsers.manager().contentType(ContentType.JSON)
                .body(heldBody(justNow(), "DECLINED", "CSC_ASSESSMENT", "Assessment of needs", null))
                .when().post(PATH + "/" + opened.discussionId() + "/held")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("absenceReason"));
        DemoUsers.manager().get(PATH + "/" + opened.discussionId()).then().statusCode(200).body("status", equalTo("OPEN"));

        DemoUsers.manager().contentType(ContentType.JSON)
                .body(heldBody(justNow(), "DECLINED", "CSC_ASSESSMENT", "Assessment of needs",
                        "Police had no officer free; they sent their information"))
                .when().post(PATH + "/" + opened.discussionId() + "/held")
                .then().statusCode(200)
                .body("coreAgenciesPresent", equalTo(false))
                .body("s47", equalTo(null));
    }

    @Test
    void anAttendanceKeyThatIsNotAnAgencyNameIsRefusedAndNeverPublished() {
        TriageHandoffConsumerTests.Opened opened = TriageHandoffConsumerTests.open();
        String body = """
                {"heldAt": "%s", "mode": "VIDEO",
                 "attendance": {"social-care": "ATTENDED", "police": "ATTENDED", "health": "ATTENDED",
                                "DS Jones": "ATTENDED", "%s": "ATTENDED"},
                 "outcome": "NFA", "rationale": "No further action"}""".formatted(justNow(), "x".repeat(41));
        DemoUsers.manager().contentType(ContentType.JSON).body(body)
                .when().post(PATH + "/" + opened.discussionId() + "/held")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("attendance.DS Jones"))
                .body("errors.field", hasItem("attendance." + "x".repeat(41)))
                .body("errors.rule", hasItem("agency-name"));
        DemoUsers.manager().get(PATH + "/" + opened.discussionId()).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("invitations.agency", not(hasItem("DS Jones")));
        assertEquals(0, org.mash.platform.testing.PostgresTestDatabase.count(
                "select count(*) from invitation where discussion_id = ?::uuid and agency not in "
                        + "('social-care', 'police', 'health')", opened.discussionId()));
        assertEquals(List.of(), KafkaTestClient.readAll("mash.strategy.v1",
                r -> opened.contactId().equals(r.key()) && r.value().contains("discussion-held"), Duration.ofSeconds(3)));
    }

    @Test
    void aDiscussionCannotBeHeldInTheFuture() {
        TriageHandoffConsumerTests.Opened opened = TriageHandoffConsumerTests.open();
        DemoUsers.manager().contentType(ContentType.JSON)
                .body(heldBody(OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).toString(), "ATTENDED", "NFA", "NFA", null))
                .when().post(PATH + "/" + opened.discussionId() + "/held")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("heldAt"));
    }

    @Test
    void participantsSeeOnlyTheDiscussionsTheirAgencyIsInvitedTo() {
        TriageHandoffConsumerTests.Opened opened = TriageHandoffConsumerTests.open();
        String id = opened.discussionId();
        DemoUsers.participant("health").get(PATH + "/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("child.firstName", equalTo("Amira"))
                .body("invitations.agency", hasItem("health"));
        org.junit.jupiter.api.Assertions.assertEquals(1, org.mash.platform.testing.PostgresTestDatabase.count(
                "select count(*) from access_log where record_type = 'strategy-discussion' and record_id = ?::uuid "
                        + "and agency = 'health' and action = 'READ'", id), "the read is logged");
        DemoUsers.participant("health").queryParam("size", 500).get(PATH)
                .then().statusCode(200).body("items.id", hasItem(id));

        DemoUsers.participant("education").get(PATH + "/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        DemoUsers.participant("education").queryParam("size", 500).get(PATH)
                .then().statusCode(200).body("items.id", not(hasItem(id)));

        DemoUsers.practitioner().queryParam("status", "OPEN").queryParam("size", 500).get(PATH)
                .then().statusCode(200).body("items.id", hasItem(id));
        DemoUsers.practitioner().queryParam("status", "HELD").queryParam("size", 500).get(PATH)
                .then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void theWrongRoleIsForbidden() {
        DemoUsers.analyst().get(PATH).then().statusCode(403).contentType("application/problem+json");
        TriageHandoffConsumerTests.Opened opened = TriageHandoffConsumerTests.open();
        DemoUsers.participant("police").contentType(ContentType.JSON)
                .body(heldBody(justNow(), "ATTENDED", "NFA", "NFA", null))
                .post(PATH + "/" + opened.discussionId() + "/held").then().statusCode(403);
    }

    @Test
    void theApiIsDocumented() {
        String openapi = DemoUsers.participant("health").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/v1/strategy-discussions/{id}/invitations", "/api/v1/strategy-discussions/{id}/contributions",
                "/api/v1/strategy-discussions/{id}/decisions/{decisionId}/supersession",
                "/api/v1/strategy-discussions/{id}/enquiries/{enquiryId}/icpc", "/api/v1/strategy-discussions/{id}/minutes/circulation",
                "/api/v1/strategy/deadlines")) {
            org.junit.jupiter.api.Assertions.assertTrue(openapi.contains(path), path);
        }
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'identity provider signing keys' }.data.keys",
                        org.hamcrest.Matchers.startsWith("configured locally"));
    }

    @Test
    void noTokenIsUnauthorised() {
        given().get(PATH).then().statusCode(401);
    }
}

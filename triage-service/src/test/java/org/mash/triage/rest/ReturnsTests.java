package org.mash.triage.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.mash.platform.codes.Upn;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.triage.domain.census.CensusYear;
import org.mash.triage.events.ContactEvents;
import org.mash.triage.events.StrategyEventsConsumerTests;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The Children in Need census from a flow driven through the service: contacts in over Kafka, decisions through the
 * API, the strategy service's events over Kafka, then the census of the year as the returns officer downloads it.
 */
@QuarkusTest
public class ReturnsTests {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A valid UPN no other test uses. */
    public static String freshUpn() {
        StringBuilder rest = new StringBuilder("204");
        for (int i = 0; i < 9; i++) {
            rest.append(ThreadLocalRandom.current().nextInt(10));
        }
        return Upn.checkLetter(rest.toString()) + rest.toString();
    }

    static LocalDate weekdayOnOrAfter(LocalDate d) {
        LocalDate day = d;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    public static String contactAbout(String nhs, String upn) {
        Map<String, Object> child = new HashMap<>();
        child.put("nhsNumber", nhs);
        child.put("upn", upn);
        child.put("disability", "MOB");
        child.put("disabilities", List.of("MOB", "HEAR"));
        return ContactEvents.publishChild(OffsetDateTime.now().minusMinutes(30), child, null);
    }

    public static void decide(String caseId, String outcome) {
        DecisionFlowTests.propose(caseId, "{\"outcome\": \"" + outcome + "\", \"rationale\": \"Threshold met\", "
                + "\"primaryNeedCode\": \"N1\"}", 200);
        DemoUsers.manager().post("/api/v1/triage/cases/" + caseId + "/decision/authorisation").then().statusCode(200);
    }

    static Document xml(byte[] body) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    static String text(Document doc, String xpath) throws Exception {
        XPath x = XPathFactory.newInstance().newXPath();
        return (String) x.evaluate(xpath, doc, XPathConstants.STRING);
    }

    @Test
    void aChildReferredTwiceAppearsOnceWithBothReferralsTheirEnquiryAndItsConference() throws Exception {
        String nhs = ChildRecordTests.freshNhsNumber();
        String upn = freshUpn();
        String first = contactAbout(nhs, upn);
        String firstCase = DecisionFlowTests.awaitCase(first);
        decide(firstCase, "STRATEGY_DISCUSSION");
        String second = contactAbout(nhs, upn);
        String secondCase = DecisionFlowTests.awaitCase(second);
        decide(secondCase, "CSC_ASSESSMENT");
        String child = ChildRecordTests.localChildIdOfCase(firstCase);
        assertEquals(child, ChildRecordTests.localChildIdOfCase(secondCase), "one child: the same NHS number");

        LocalDate today = LocalDate.now(LONDON);
        LocalDate icpc = weekdayOnOrAfter(today.plusDays(3));
        String discussion = UUID.randomUUID().toString();
        String enquiry = UUID.randomUUID().toString();
        String withdrawn = UUID.randomUUID().toString();
        StrategyEventsConsumerTests.publish("mash.strategy.discussion-held.v1", first, Map.of("discussionId", discussion,
                "heldAt", OffsetDateTime.now().toString(), "outcome", "S47_JOINT"));
        StrategyEventsConsumerTests.publish("mash.strategy.s47-started.v1", first, Map.of("enquiryId", enquiry,
                "discussionId", discussion, "startedOn", today.toString(), "icpcTargetDate", today.plusDays(21).toString()));
        StrategyEventsConsumerTests.publish("mash.strategy.icpc-held.v1", first, Map.of("enquiryId", enquiry,
                "discussionId", discussion, "startedOn", today.toString(), "icpcTargetDate", today.plusDays(21).toString(),
                "heldOn", icpc.toString()));
        StrategyEventsConsumerTests.publish("mash.strategy.s47-started.v1", first, Map.of("enquiryId", withdrawn,
                "discussionId", discussion, "startedOn", today.toString(), "icpcTargetDate", today.plusDays(21).toString()));
        StrategyEventsConsumerTests.publish("mash.strategy.s47-withdrawn.v1", first, Map.of("enquiryId", withdrawn,
                "discussionId", discussion, "startedOn", today.toString(), "withdrawnAt", OffsetDateTime.now().toString()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> PostgresTestDatabase.count(
                "select count(*) from case_enquiry where enquiry_id in (?::uuid, ?::uuid) and (icpc_held_on is not null "
                        + "or withdrawn_at is not null)", enquiry, withdrawn) == 2);

        String year = CensusYear.of(today).name();
        Response file = DemoUsers.returnsOfficer().queryParam("year", year).get("/api/v1/returns/cin-census");
        file.then().statusCode(200).contentType("application/xml");
        assertTrue(file.header("Content-Disposition").contains("cin-census-" + year + "-204-"));
        Document doc = xml(file.asByteArray());
        String me = "/Message/Children/Child[ChildIdentifiers/LAchildID='" + child + "']";
        assertEquals("1", text(doc, "count(" + me + ")"), "the child appears once");
        assertEquals(upn, text(doc, me + "/ChildIdentifiers/UPN"));
        assertEquals("2016-04-02", text(doc, me + "/ChildIdentifiers/PersonBirthDate"));
        assertEquals("F", text(doc, me + "/ChildIdentifiers/Sex"));
        assertEquals("APKN", text(doc, me + "/ChildCharacteristics/Ethnicity"));
        assertEquals("MOB HEAR", disabilities(doc, me));
        assertEquals("2", text(doc, "count(" + me + "/CINdetails)"), "two referrals");
        String firstReferral = me + "/CINdetails[1]";
        assertEquals(today.toString(), text(doc, firstReferral + "/CINreferralDate"));
        assertEquals("6", text(doc, firstReferral + "/ReferralSource"));
        assertEquals("N1", text(doc, firstReferral + "/PrimaryNeedCode"));
        assertEquals("false", text(doc, firstReferral + "/ReferralNFA"));
        assertEquals("1", text(doc, "count(" + firstReferral + "/Section47)"), "the withdrawn enquiry is left out");
        assertEquals(today.toString(), text(doc, firstReferral + "/Section47/S47ActualStartDate"));
        assertEquals(icpc.toString(), text(doc, firstReferral + "/Section47/DateOfInitialCPC"));
        assertEquals("false", text(doc, firstReferral + "/Section47/ICPCnotRequired"));
        assertEquals("0", text(doc, "count(" + me + "/CINdetails[2]/Section47)"));
        assertEquals("204", text(doc, "/Message/Header/Source/LEA"));
        assertEquals(String.valueOf(CensusYear.of(today).endYear()), text(doc, "/Message/Header/CollectionDetails/Year"));

        String serial = text(doc, "/Message/Header/Source/SerialNo");
        Document again = xml(DemoUsers.returnsOfficer().queryParam("year", year).get("/api/v1/returns/cin-census").asByteArray());
        assertEquals(String.format("%03d", Integer.parseInt(serial) + 1), text(again, "/Message/Header/Source/SerialNo"),
                "each file has the next serial number of its year");
        assertTrue(PostgresTestDatabase.count("select count(*) from access_log a join child c on c.id = a.record_id "
                + "where c.local_id = ? and a.username = 'returns' and a.action = 'READ-CENSUS'", child) >= 2,
                "every child in the file is logged as read");

        DemoUsers.returnsOfficer().queryParam("year", year).get("/api/v1/returns/cin-census/check").then().statusCode(200)
                .body("year", equalTo(year))
                .body("counts.children", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("findings.findAll { it.laChildId == '" + child + "' && it.severity == 'ERROR' }.rule",
                        org.hamcrest.Matchers.containsInAnyOrder("8815", "8820"));
        // two referrals open at once: the case system must say the earlier is closed (returns.md, "Identity")
    }

    @Test
    void whatTheCaseSystemImportsClosesTheReferralAndAddsItsAssessment() throws Exception {
        String contact = contactAbout(ChildRecordTests.freshNhsNumber(), freshUpn());
        String caseId = DecisionFlowTests.awaitCase(contact);
        decide(caseId, "CSC_ASSESSMENT");
        String child = ChildRecordTests.localChildIdOfCase(caseId);
        LocalDate today = LocalDate.now(LONDON);
        String year = CensusYear.of(today).name();
        String mine = "findings.findAll { it.laChildId == '" + child + "' }.rule";
        DemoUsers.returnsOfficer().queryParam("year", year).get("/api/v1/returns/cin-census/check").then().statusCode(200)
                .body(mine, org.hamcrest.Matchers.empty());

        String csv = "LAchildID,CINreferralDate,CINclosureDate,ReasonForClosure,AssessmentActualStartDate,AssessmentAuthorisationDate\n"
                + child + "," + today + "," + today.plusDays(20) + ",RC8," + today + "," + today.plusDays(14) + "\n";
        DemoUsers.returnsOfficer().contentType("text/csv").body(csv).post("/api/v1/returns/case-system-import")
                .then().statusCode(200)
                .body("rows", equalTo(1)).body("referrals", equalTo(1)).body("closures", equalTo(1))
                .body("assessments", equalTo(1));
        DemoUsers.returnsOfficer().contentType("text/csv").body(csv).post("/api/v1/returns/case-system-import")
                .then().statusCode(200).body("assessments", equalTo(1));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from case_system_assessment where case_id = ?::uuid",
                caseId), "an import again replaces, never adds");
        DemoUsers.returnsOfficer().contentType("text/csv").body("LAchildID,CINreferralDate,CINclosureDate,ReasonForClosure\n"
                        + child + "," + today + "," + today.plusDays(21) + ",RC8\n")
                .post("/api/v1/returns/case-system-import").then().statusCode(200).body("assessments", equalTo(0));
        assertEquals(0, PostgresTestDatabase.count("select count(*) from case_system_assessment where case_id = ?::uuid",
                caseId), "the file names the referral without an assessment: it has none now");
        DemoUsers.returnsOfficer().contentType("text/csv").body(csv).post("/api/v1/returns/case-system-import")
                .then().statusCode(200);

        DemoUsers.returnsOfficer().queryParam("year", year).get("/api/v1/returns/cin-census/check").then().statusCode(200)
                .body(mine, org.hamcrest.Matchers.empty());
        Document file = xml(DemoUsers.returnsOfficer().queryParam("year", year).get("/api/v1/returns/cin-census").asByteArray());
        String referral = "/Message/Children/Child[ChildIdentifiers/LAchildID='" + child + "']/CINdetails";
        assertEquals(today.plusDays(20).toString(), text(file, referral + "/CINclosureDate"));
        assertEquals("RC8", text(file, referral + "/ReasonForClosure"));
        assertEquals(today.toString(), text(file, referral + "/Assessments/AssessmentActualStartDate"));
        assertEquals(today.plusDays(14).toString(), text(file, referral + "/Assessments/AssessmentAuthorisationDate"));
        assertTrue(PostgresTestDatabase.count("select count(*) from access_log a join child c on c.id = a.record_id "
                + "where c.local_id = ? and a.action = 'WRITE-CASE-SYSTEM'", child) >= 1, "the write is logged");
    }

    @Test
    void anImportThatNamesNoReferralOfOursIsRefusedWholeNamingTheLine() {
        DemoUsers.returnsOfficer().contentType("text/csv")
                .body("LAchildID,CINreferralDate,CINclosureDate,ReasonForClosure\nC999999999,2026-10-06,2026-12-01,RC4\n")
                .post("/api/v1/returns/case-system-import").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("line 2.LAchildID"));
        DemoUsers.returnsOfficer().contentType("text/csv")
                .body("LAchildID,CINreferralDate,CINclosureDate\nC000000001,2026-10-06,2026-12-01\n")
                .post("/api/v1/returns/case-system-import").then().statusCode(400)
                .body("errors[0].field", equalTo("line 2.ReasonForClosure"));
        DemoUsers.manager().contentType("text/csv").body("LAchildID,CINreferralDate\n")
                .post("/api/v1/returns/case-system-import").then().statusCode(403);
    }

    static String disabilities(Document doc, String me) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate(me + "/ChildCharacteristics/Disabilities/Disability", doc, XPathConstants.NODESET);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < nodes.getLength(); i++) {
            all.append(i == 0 ? "" : " ").append(nodes.item(i).getTextContent());
        }
        return all.toString();
    }

    @Test
    void theYearIsRequiredAndOnlyTheReturnsOfficerGetsTheFile() {
        DemoUsers.returnsOfficer().get("/api/v1/returns/cin-census").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        DemoUsers.returnsOfficer().queryParam("year", "2026-28").get("/api/v1/returns/cin-census/check").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("year"));
        DemoUsers.practitioner().queryParam("year", "2026-27").get("/api/v1/returns/cin-census").then().statusCode(403);
        DemoUsers.manager().queryParam("year", "2026-27").get("/api/v1/returns/cin-census/check").then().statusCode(403);
        DemoUsers.analyst().contentType(ContentType.JSON).queryParam("year", "2026-27").get("/api/v1/returns/cin-census")
                .then().statusCode(403);
    }
}

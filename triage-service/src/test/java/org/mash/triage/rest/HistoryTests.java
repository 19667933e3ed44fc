package org.mash.triage.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.triage.events.ContactEvents;

/** Earlier contacts of the child and the household are found, confirmed or rejected, and set the 12-month flags. */
@QuarkusTest
class HistoryTests {

    /** A surname no other test uses, so each run sees only its own family. */
    static String surname(String prefix) {
        StringBuilder s = new StringBuilder(prefix);
        for (char ch : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            s.append((char) ('a' + Character.digit(ch, 16)));
        }
        return s.toString();
    }

    static Map<String, Object> child(String first, String last, LocalDate dob, String nhs, String postcode) {
        Map<String, Object> child = new HashMap<>();
        child.put("firstName", first);
        child.put("lastName", last);
        child.put("dateOfBirth", dob.toString());
        child.put("nhsNumber", nhs);
        child.put("address", Map.of("line1", "1 Test Street", "town", "London", "postcode", postcode));
        return child;
    }

    static Map<String, Object> member(String first, String last, LocalDate dob, String relationship) {
        Map<String, Object> m = new HashMap<>();
        m.put("firstName", first);
        m.put("lastName", last);
        m.put("dateOfBirth", dob == null ? null : dob.toString());
        m.put("relationship", relationship);
        m.put("livesWithChild", true);
        return m;
    }

    static JsonPath history(String caseId) {
        return DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId + "/history").then().statusCode(200)
                .extract().jsonPath();
    }

    static Map<String, Object> entry(JsonPath h, String subjectFirstName, String earlierCaseId) {
        List<Map<String, Object>> matches = h.getList("matches");
        return matches.stream().filter(m -> subjectFirstName.equals(((Map<?, ?>) m.get("subject")).get("firstName"))
                && earlierCaseId.equals(((Map<?, ?>) m.get("earlierCase")).get("caseId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no match of " + subjectFirstName + " to " + earlierCaseId + ": " + matches));
    }

    @Test
    void theChildsAndTheHouseholdsEarlierContactsAreMatchedAndThePractitionersChoiceStands() {
        String family = surname("OBrien-Smith");
        LocalDate zoeDob = LocalDate.of(2015, 3, 4);
        LocalDate liamDob = LocalDate.of(2018, 6, 7);
        LocalDate kerryDob = LocalDate.of(1985, 1, 1);
        OffsetDateTime now = OffsetDateTime.now();

        String earlier = DecisionFlowTests.awaitCase(ContactEvents.publishChild(now.minusDays(200),
                child("Zoë", family, zoeDob, null, "N1 9GU"), List.of(member("Kerry", family, kerryDob, "MOTHER"))));
        String old = DecisionFlowTests.awaitCase(ContactEvents.publishChild(now.minusDays(400),
                child("Zoe", family, zoeDob, null, "E8 1AA"), List.of()));
        String sibling = DecisionFlowTests.awaitCase(ContactEvents.publishChild(now.minusDays(100),
                child("Liam", family, liamDob, null, "N1 9GU"), List.of()));
        DecisionFlowTests.propose(earlier, "{\"outcome\": \"CSC_ASSESSMENT\", \"rationale\": \"Assessment needed\", "
                + "\"primaryNeedCode\": \"N1\"}", 200);
        DemoUsers.manager().post("/api/v1/triage/cases/" + earlier + "/decision/authorisation").then().statusCode(200);

        // the new contact spells the family differently and names the brother and the mother
        String current = DecisionFlowTests.awaitCase(ContactEvents.publishChild(OffsetDateTime.now(),
                child("zoe", family.toUpperCase().replace("-", " "), zoeDob, null, "n19gu"),
                List.of(member("Liam", family, liamDob, "SIBLING"), member("KERRY", family, kerryDob, "MOTHER"))));

        JsonPath h = history(current);
        assertEquals(4, h.getList("matches").size(), h.prettify());
        assertEquals(false, h.getBoolean("repeatContactWithin12Months"), "suggestions do not count until confirmed");
        assertEquals(4, h.getInt("unconfirmedMatches"));
        Map<String, Object> recent = entry(h, "zoe", earlier);
        assertEquals("NAME_DOB_POSTCODE", recent.get("method"));
        assertEquals("HIGH", recent.get("band"));
        assertEquals(0.9f, ((Number) recent.get("confidence")).floatValue());
        assertEquals("SUGGESTED", recent.get("status"));
        assertEquals(true, recent.get("within12Months"));
        assertEquals("CSC_ASSESSMENT", ((Map<?, ?>) recent.get("earlierCase")).get("outcome"));
        Map<String, Object> moved = entry(h, "zoe", old);
        assertEquals("NAME_DOB", moved.get("method"));
        assertEquals(false, moved.get("within12Months"));
        Map<String, Object> brother = entry(h, "Liam", sibling);
        assertEquals("HOUSEHOLD_MEMBER", ((Map<?, ?>) brother.get("subject")).get("kind"));
        assertEquals("SIBLING", ((Map<?, ?>) brother.get("subject")).get("relationship"));
        assertEquals("CHILD", ((Map<?, ?>) brother.get("matchedPerson")).get("kind"));
        Map<String, Object> mother = entry(h, "KERRY", earlier);
        assertEquals("MOTHER", ((Map<?, ?>) mother.get("matchedPerson")).get("relationship"));
        assertEquals("HOUSEHOLD_MEMBER", ((Map<?, ?>) mother.get("matchedPerson")).get("kind"));

        // the practitioner confirms the recent match and rejects the old one
        DemoUsers.practitioner().post("/api/v1/triage/cases/" + current + "/history/" + recent.get("id") + "/confirm")
                .then().statusCode(200)
                .body("repeatContactWithin12Months", equalTo(true))
                .body("previousReferralWithin12Months", equalTo(true));
        DemoUsers.practitioner().post("/api/v1/triage/cases/" + current + "/history/" + moved.get("id") + "/reject")
                .then().statusCode(200);
        DemoUsers.practitioner().post("/api/v1/triage/cases/" + current + "/history/" + UUID.randomUUID() + "/confirm")
                .then().statusCode(404).contentType("application/problem+json");
        DemoUsers.referrer().get("/api/v1/triage/cases/" + current + "/history").then().statusCode(403);

        // the choice stands: read again, nothing is re-suggested
        JsonPath again = history(current);
        assertEquals(4, again.getList("matches").size());
        assertEquals("CONFIRMED", entry(again, "zoe", earlier).get("status"));
        assertEquals("practitioner", entry(again, "zoe", earlier).get("decidedBy"));
        assertEquals("REJECTED", entry(again, "zoe", old).get("status"));
        assertEquals(2, again.getInt("unconfirmedMatches"));
        DemoUsers.manager().get("/api/v1/triage/cases/" + current).then().statusCode(200)
                .body("history.repeatContactWithin12Months", equalTo(true))
                .body("history.previousReferralWithin12Months", equalTo(true))
                .body("history.matches", equalTo(4));
        assertTrue(PostgresTestDatabase.count("select count(*) from access_log where record_id = ?::uuid "
                + "and action = 'LIST-HISTORY'", earlier) >= 1, "earlier cases shown in a history are access-logged");
    }

    @Test
    void aMatchDecisionStandsAndTheHistoryItAnswersIsAccessLogged() throws Exception {
        String family = surname("Nowak");
        LocalDate dob = LocalDate.of(2016, 2, 2);
        String first = DecisionFlowTests.awaitCase(ContactEvents.publishChild(OffsetDateTime.now().minusDays(60),
                child("Ola", family, dob, null, "E5 0LL"), List.of()));
        String second = DecisionFlowTests.awaitCase(ContactEvents.publishChild(OffsetDateTime.now().minusDays(30),
                child("Ola", family, dob, null, "E5 0LL"), List.of()));
        String current = DecisionFlowTests.awaitCase(ContactEvents.publishChild(OffsetDateTime.now(),
                child("Ola", family, dob, null, "E5 0LL"), List.of()));
        JsonPath h = history(current);
        String toFirst = (String) entry(h, "Ola", first).get("id");
        String toSecond = (String) entry(h, "Ola", second).get("id");

        // a confirmed match is not rejected later, nor confirmed again: the choice stands
        var decider = DemoUsers.as("practitioner.history", "mash", "mash-practitioner");
        decider.post("/api/v1/triage/cases/" + current + "/history/" + toFirst + "/confirm").then().statusCode(200)
                .body("matches.find { it.id == '" + toFirst + "' }.status", equalTo("CONFIRMED"));
        DemoUsers.manager().post("/api/v1/triage/cases/" + current + "/history/" + toFirst + "/reject")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("suggested"));
        DemoUsers.practitioner().post("/api/v1/triage/cases/" + current + "/history/" + toFirst + "/confirm")
                .then().statusCode(409);
        assertEquals("CONFIRMED", entry(history(current), "Ola", first).get("status"));
        assertEquals("practitioner.history", entry(history(current), "Ola", first).get("decidedBy"));

        // the history answered names the earlier children: a read of each earlier case, by the decider
        for (String earlier : List.of(first, second)) {
            assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where record_type = 'triage-case' "
                    + "and record_id = ?::uuid and username = 'practitioner.history' and action = 'LIST-HISTORY'", earlier),
                    "the earlier case " + earlier + " shown to the decider is logged");
        }
        assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where record_type = 'triage-case' "
                + "and record_id = ?::uuid and username = 'practitioner.history' and action = 'READ-HISTORY'", current));

        // a confirmation and a rejection at the same moment: one is kept, the other is a 409 (the row is versioned)
        List<io.restassured.response.Response> answers = ConcurrentChangeTests.race("history_match", toSecond, List.of(
                () -> DemoUsers.as("practitioner.a", "mash", "mash-practitioner")
                        .post("/api/v1/triage/cases/" + current + "/history/" + toSecond + "/confirm"),
                () -> DemoUsers.as("practitioner.b", "mash", "mash-practitioner")
                        .post("/api/v1/triage/cases/" + current + "/history/" + toSecond + "/reject")));
        ConcurrentChangeTests.assertLostRace(answers);
        assertEquals(1, PostgresTestDatabase.count("select count(*) from case_activity where case_id = ?::uuid and action "
                + "in ('HISTORY_MATCH_CONFIRMED', 'HISTORY_MATCH_REJECTED') and detail like ?", current,
                "earlier case " + second + "%"), "one choice on the timeline");
    }

    @Test
    void theSameNhsNumberIsCertainAndCountsUntilRejected() {
        String family = surname("Rahman");
        String nhs = String.valueOf(1_000_000_000L + (long) (Math.random() * 8_000_000_000L));
        LocalDate dob = LocalDate.of(2012, 9, 1);
        String first = DecisionFlowTests.awaitCase(ContactEvents.publishChild(OffsetDateTime.now().minusDays(30),
                child("Ayesha", family, dob, nhs, "E1 6AN"), List.of()));
        String second = DecisionFlowTests.awaitCase(ContactEvents.publishChild(OffsetDateTime.now(),
                child("Aisha", family + "x", dob.plusDays(1), nhs, "E2 7QB"), List.of()));

        JsonPath h = history(second);
        assertEquals(1, h.getList("matches").size(), h.prettify());
        Map<String, Object> m = entry(h, "Aisha", first);
        assertEquals("NHS_NUMBER", m.get("method"));
        assertEquals("CERTAIN", m.get("band"));
        assertEquals(true, h.getBoolean("repeatContactWithin12Months"));
        assertEquals(false, h.getBoolean("previousReferralWithin12Months"));
        assertEquals(0, h.getInt("unconfirmedMatches"));

        DemoUsers.practitioner().post("/api/v1/triage/cases/" + second + "/history/" + m.get("id") + "/reject")
                .then().statusCode(200).body("repeatContactWithin12Months", equalTo(false));
    }
}

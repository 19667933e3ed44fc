package org.mash.triage.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.triage.domain.LocalChildId;
import org.mash.triage.events.ContactEvents;

/** One record per child: a contact with the NHS number of an earlier one belongs to the same child, certainly. */
@QuarkusTest
public class ChildRecordTests {

    /** A valid NHS number no other test uses (modulus 11 check digit). */
    public static String freshNhsNumber() {
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            StringBuilder n = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                d[i] = ThreadLocalRandom.current().nextInt(i == 0 ? 1 : 0, 10);
                sum += d[i] * (10 - i);
                n.append(d[i]);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return n.append(check).toString();
            }
        }
    }

    static JsonPath caseOf(String contactId) {
        String caseId = DecisionFlowTests.awaitCase(contactId);
        return DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().statusCode(200).extract().jsonPath();
    }

    static String localChildIdOf(String contactId) {
        return caseOf(contactId).getString("item.child.localChildId");
    }

    @Test
    void aContactWithTheNhsNumberOfAnEarlierOneBelongsToTheSameChildAndOthersStartTheirOwn() {
        String nhs = freshNhsNumber();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String first = ContactEvents.publishChild(now.minusDays(30), Map.of("nhsNumber", nhs, "firstName", "Amira"), null);
        String firstChild = localChildIdOf(first);
        assertTrue(LocalChildId.valid(firstChild), firstChild);
        // the same child later, the name spelt differently: the NHS number decides
        String second = ContactEvents.publishChild(now.minusDays(2), Map.of("nhsNumber", nhs, "firstName", "Amirah"), null);
        assertEquals(firstChild, localChildIdOf(second));
        // another child (another NHS number), and a child whose NHS number is not known: records of their own
        String other = localChildIdOf(ContactEvents.publishChild(now.minusDays(1), Map.of("nhsNumber", freshNhsNumber()), null));
        java.util.HashMap<String, Object> noNumber = new java.util.HashMap<>();
        noNumber.put("nhsNumber", null);
        String unknown = localChildIdOf(ContactEvents.publishChild(now.minusDays(1), noNumber, null));
        assertNotEquals(firstChild, other);
        assertNotEquals(firstChild, unknown);
        assertNotEquals(other, unknown);

        JsonPath record = DemoUsers.manager().get("/api/v1/triage/children/" + firstChild).then().statusCode(200)
                .body("localChildId", equalTo(firstChild)).extract().jsonPath();
        assertEquals(List.of(first, second), record.getList("cases.contactId"), "every contact about the child, oldest first");
        assertEquals(List.of("Amira", "Amirah"), record.getList("cases.firstName"));
        assertEquals(List.of("NEW_CHILD", "NHS_NUMBER"), record.getList("links.method"), "how each case was linked");
        assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where record_type = 'child' "
                + "and username = 'manager' and record_id = (select id from child where local_id = ?)", firstChild),
                "reading a child's record is logged");
    }

    @Test
    void contactsAboutOneChildArrivingAtOnceMakeOneRecord() {
        String nhs = freshNhsNumber();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contacts.add(ContactEvents.publishChild(at.plusSeconds(i), Map.of("nhsNumber", nhs), null));
        }
        List<String> children = contacts.stream().map(ChildRecordTests::localChildIdOf).distinct().toList();
        assertEquals(1, children.size(), "one child, whatever order the partitions were read in: " + children);
        assertEquals(6, DemoUsers.practitioner().get("/api/v1/triage/children/" + children.get(0)).then().statusCode(200)
                .extract().jsonPath().getList("cases").size());
        assertEquals(0, PostgresTestDatabase.count("select count(*) from child ch where ch.merged_into is null and not exists "
                + "(select 1 from triage_case c where c.child_id = ch.id)"), "no record left without a case (but merged ones)");
        assertEquals(1, PostgresTestDatabase.count("select count(*) from child_link l join child ch on ch.id = l.child_id "
                + "where ch.local_id = ? and l.method = 'NEW_CHILD'", children.get(0)), "one contact made the record");
    }

    @Test
    void aChildThatIsNotThereIsANotFoundProblem() {
        DemoUsers.practitioner().get("/api/v1/triage/children/C999999999").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        DemoUsers.practitioner().get("/api/v1/triage/children/not-an-id!").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        DemoUsers.referrer().get("/api/v1/triage/children/C000000001").then().statusCode(403);
    }

    public static String localChildIdOfCase(String caseId) {
        return DemoUsers.practitioner().get("/api/v1/triage/cases/" + caseId).then().statusCode(200).extract()
                .path("item.child.localChildId");
    }

    @Test
    void confirmingASuggestedMatchOfTheChildMakesOneRecordAndUnlinkingUndoesItWithWhoAndWhy() {
        String family = HistoryTests.surname("Okafor");
        LocalDate dob = LocalDate.of(2014, 5, 6);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // no NHS number either time: the second contact starts a record of its own until someone confirms the match
        String earlier = DecisionFlowTests.awaitCase(ContactEvents.publishChild(now.minusDays(90),
                HistoryTests.child("Zara", family, dob, null, "N1 9GU"), List.of()));
        String current = DecisionFlowTests.awaitCase(ContactEvents.publishChild(now.minusDays(1),
                HistoryTests.child("Zara", family, dob, null, "N1 9GU"), List.of()));
        String earlierChild = localChildIdOfCase(earlier);
        String currentChild = localChildIdOfCase(current);
        assertNotEquals(earlierChild, currentChild, "a suggestion is not a link");

        Map<String, Object> match = HistoryTests.entry(HistoryTests.history(current), "Zara", earlier);
        DemoUsers.practitioner().post("/api/v1/triage/cases/" + current + "/history/" + match.get("id") + "/confirm")
                .then().statusCode(200);
        assertEquals(earlierChild, localChildIdOfCase(current), "confirmed: the case is the earlier child's");
        JsonPath record = DemoUsers.practitioner().get("/api/v1/triage/children/" + earlierChild).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(earlier, current), record.getList("cases.caseId"));
        assertEquals("CONFIRMED_MATCH", record.getString("links.find { it.caseId == '" + current + "' }.method"));
        assertEquals("practitioner", record.getString("links.find { it.caseId == '" + current + "' }.actor"));
        DemoUsers.practitioner().get("/api/v1/triage/children/" + currentChild).then().statusCode(200)
                .body("mergedInto", equalTo(earlierChild)).body("cases", org.hamcrest.Matchers.empty());

        // it was not the same child after all: the case is unlinked, to a record of its own, saying why
        DemoUsers.practitioner().contentType("application/json").body("{\"reason\": \" \"}")
                .post("/api/v1/triage/cases/" + current + "/child/unlink").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        String own = DemoUsers.practitioner().contentType("application/json")
                .body("{\"reason\": \"Different mother: not the same child\"}")
                .post("/api/v1/triage/cases/" + current + "/child/unlink").then().statusCode(200)
                .body("cases.caseId", equalTo(List.of(current)))
                .body("links.find { it.action == 'LINKED' }.reason", equalTo("Different mother: not the same child"))
                .extract().path("localChildId");
        assertNotEquals(earlierChild, own);
        assertEquals(own, localChildIdOfCase(current));
        DemoUsers.practitioner().get("/api/v1/triage/children/" + earlierChild).then().statusCode(200)
                .body("cases.caseId", equalTo(List.of(earlier)))
                .body("links.findAll { it.caseId == '" + current + "' }.action", equalTo(List.of("LINKED", "UNLINKED")));
        // a record's only case has nothing to be unlinked from
        DemoUsers.practitioner().contentType("application/json").body("{\"reason\": \"again\"}")
                .post("/api/v1/triage/cases/" + current + "/child/unlink").then().statusCode(409);
        assertEquals(1, PostgresTestDatabase.count("select count(*) from case_activity where case_id = ?::uuid "
                + "and action = 'CHILD_CHANGED' and actor = 'practitioner' and detail like '%Different mother%'", current));
    }

    @Test
    void aManagerMergesTwoRecordsOfOneChildButNotTwoChildren() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        java.util.HashMap<String, Object> noNumber = new java.util.HashMap<>();
        noNumber.put("nhsNumber", null);
        String a = DecisionFlowTests.awaitCase(ContactEvents.publishChild(now.minusDays(3), noNumber, null));
        String b = DecisionFlowTests.awaitCase(ContactEvents.publishChild(now.minusDays(2), Map.of("nhsNumber", freshNhsNumber()), null));
        String c = DecisionFlowTests.awaitCase(ContactEvents.publishChild(now.minusDays(1), Map.of("nhsNumber", freshNhsNumber()), null));
        String childA = localChildIdOfCase(a);
        String childB = localChildIdOfCase(b);
        String childC = localChildIdOfCase(c);
        String merge = "/api/v1/triage/children/" + childA + "/merge";
        DemoUsers.practitioner().contentType("application/json").body("{\"into\": \"" + childB + "\", \"reason\": \"x\"}")
                .post(merge).then().statusCode(403);
        DemoUsers.manager().contentType("application/json").body("{\"into\": \"" + childA + "\", \"reason\": \"x\"}")
                .post(merge).then().statusCode(400).body("errors[0].field", equalTo("into"));
        DemoUsers.manager().contentType("application/json").body("{\"into\": \"C999999998\", \"reason\": \"x\"}")
                .post(merge).then().statusCode(400).body("errors[0].rule", equalTo("exists"));
        DemoUsers.manager().contentType("application/json").body("{\"into\": \"" + childB + "\"}")
                .post(merge).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        DemoUsers.manager().contentType("application/json")
                .body("{\"into\": \"" + childB + "\", \"reason\": \"Same child: the school confirmed it\"}")
                .post(merge).then().statusCode(200).body("localChildId", equalTo(childB))
                .body("cases.caseId", equalTo(List.of(a, b)));
        assertEquals(childB, localChildIdOfCase(a));
        // B and C have different NHS numbers: two children, never merged
        DemoUsers.manager().contentType("application/json").body("{\"into\": \"" + childC + "\", \"reason\": \"sure?\"}")
                .post("/api/v1/triage/children/" + childB + "/merge").then().statusCode(400)
                .body("errors[0].rule", equalTo("sameNhsNumber"));
        // a merged record is not merged again
        DemoUsers.manager().contentType("application/json").body("{\"into\": \"" + childC + "\", \"reason\": \"again\"}")
                .post(merge).then().statusCode(409);
    }
}

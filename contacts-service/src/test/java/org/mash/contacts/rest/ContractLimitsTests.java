package org.mash.contacts.rest;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.ContractLimits;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.PostgresTestDatabase;

/**
 * The producer's side of the contract's limits: every limited string of {@code contact-received} (read from the
 * published schema, so a new limit is tested without a line here) is accepted at its limit, made of the characters
 * that grow most when a consumer normalises them, and refused one character over it or with a NUL, naming the
 * submission's own field, before the {@code 201}. Triage's {@code ContractLimitsFitTests} stores the same values.
 */
@QuarkusTest
class ContractLimitsTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String FULL = """
            {"channel": "API", "sourceCode": "6",
             "referrer": {"name": "PC Sam Patel", "role": "Constable", "organisation": "Metropolitan Police",
                          "phone": "020 7946 0000", "email": "sam.patel@police.example.org"},
             "children": [{"firstName": "Amira", "lastName": "Khan", "otherNames": ["Mira"], "dateOfBirth": "2016-04-02",
                           "sex": "F", "ethnicity": "APKN", "nhsNumber": "943 476 5919", "school": "Mandeville Primary",
                           "address": {"line1": "12 Example Road", "line2": "Flat 1", "town": "London", "postcode": "E8 1AA"},
                           "language": "English", "interpreterNeeded": false, "disability": "NONE",
                           "disabilities": ["NONE"]}],
             "household": [{"firstName": "Sara", "lastName": "Khan", "dateOfBirth": "1988-02-11", "relationship": "MOTHER",
                            "livesWithChild": true, "parentalResponsibility": true,
                            "address": {"line1": "12 Example Road", "line2": "Flat 1", "town": "London", "postcode": "E8 1AA"},
                            "notes": "Mother"}],
             "householdNotKnownReason": "All named", "concernCodes": ["3A"],
             "description": "Police attended a domestic incident.", "requestedOutcome": "Assessment",
             "supportInPlace": "None", "referrerUrgency": "SAME_DAY", "immediateDanger": false, "policeInformed": false,
             "consent": {"status": "GIVEN", "reason": "Agreed by the mother", "childView": "Wants help"}}""";

    /** Set by the server, not the referrer. */
    static final Set<String> SERVER_SET = Set.of("contactId", "submissionId", "siblingContactIds[0]", "receivedAt", "channel",
            "agency", "submittedBy");
    /** Limited by a rule of their own first (code lists, the NHS number's and the UPN's check, an e-mail address's shape). */
    static final Set<String> OWN_RULE = Set.of("sourceCode", "concernCodes[0]", "child.ethnicity", "child.disability",
            "child.nhsNumber", "referrer.email", "child.dateOfBirth", "child.expectedDateOfBirth", "child.upn",
            "child.upnUnknown", "child.disabilities[0]");

    static ObjectNode full() {
        try {
            return (ObjectNode) JSON.readTree(FULL);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The submission's field for the event's: {@code child.x} of the only child is {@code children[0].x}. */
    static String requestField(String eventPath) {
        return eventPath.startsWith("child.") ? "children[0]." + eventPath.substring("child.".length()) : eventPath;
    }

    static ObjectNode with(ContractLimits.Leaf leaf, String value) {
        ObjectNode body = full();
        new ContractLimits.Leaf(requestField(leaf.path()), null, null, null).set(body, value);
        return body;
    }

    static ValidatableResponse post(ObjectNode body) {
        return DemoUsers.policeReferrer().contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/contacts").then().log().ifValidationFails();
    }

    @Test
    void everyLimitedFieldIsAcceptedAtItsLimitAndRefusedOverItOrWithANul() {
        List<String> tested = new ArrayList<>();
        for (ContractLimits.Leaf leaf : ContractLimits.of("mash.contacts.contact-received.v1")) {
            if (SERVER_SET.contains(leaf.path())) {
                continue;
            }
            String field = requestField(leaf.path());
            if (!OWN_RULE.contains(leaf.path())) {
                post(with(leaf, leaf.worst())).statusCode(201);
            }
            if (leaf.overLimit() != null) {
                post(with(leaf, leaf.overLimit())).statusCode(400).contentType("application/problem+json")
                        .body("errors.field", hasItem(field));
            }
            if (leaf.pattern() != null && !"date".equals(leaf.format())) {
                post(with(leaf, leaf.withNul())).statusCode(400).body("errors.field", hasItem(field));
            }
            tested.add(leaf.path());
        }
        assertTrue(tested.containsAll(List.of("child.firstName", "child.address.postcode", "household[0].notes",
                "description", "consent.childView", "referrer.name")), tested.toString());
    }

    @Test
    void theUpperCasedPostcodeThatStoppedTriageIsRefusedAtTheDoor() {
        long before = PostgresTestDatabase.count("select count(*) from contact");
        ObjectNode body = full();
        ((ObjectNode) body.get("children").get(0).get("address")).put("postcode", "ßßßßßßß");
        post(body).statusCode(400).body("errors.field", hasItem("children[0].address.postcode"));
        assertEquals(before, PostgresTestDatabase.count("select count(*) from contact"), "nothing stored");
        assertEquals(0, PostgresTestDatabase.count("select count(*) from outbox_event where payload like '%ßßßßßßß%'"));
    }

    @Test
    void datesNoChildOrDatabaseCanHaveAreRefusedNamingTheField() {
        ObjectNode body = full();
        ((ObjectNode) body.get("household").get(0)).put("dateOfBirth", "-5000-01-01");
        post(body).statusCode(400).body("errors.field", hasItem("household[0].dateOfBirth"));

        body = full();
        ((ObjectNode) body.get("household").get(0)).put("dateOfBirth", "1899-12-31");
        post(body).statusCode(400).body("errors.field", hasItem("household[0].dateOfBirth"));
        ((ObjectNode) body.get("household").get(0)).put("dateOfBirth", "1900-01-01");
        post(body).statusCode(201);

        body = full();
        ((ObjectNode) body.get("children").get(0)).remove("dateOfBirth");
        ((ObjectNode) body.get("children").get(0)).put("expectedDateOfBirth", "+6000000-01-01");
        post(body).statusCode(400).body("errors.field", hasItem("children[0].expectedDateOfBirth"));
    }

    @Test
    void aNulInAChildsNameIsA400NotA500() {
        ObjectNode body = full();
        ((ObjectNode) body.get("children").get(0)).put("firstName", "Ami\u0000ra");
        post(body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("children[0].firstName"))
                .body("errors.rule", hasItem("no-control-characters"));
    }

    @Test
    void anAmendmentIsHeldToTheSameContract() {
        String id = ContactResourceTests.submit(DemoUsers.policeReferrer(), FULL);
        ContractLimits.Leaf text = ContractLimits.of("mash.contacts.contact-amended.v1").stream()
                .filter(l -> l.path().equals("text")).findFirst().orElseThrow();
        amend(id, text.worst()).statusCode(201);
        amend(id, text.overLimit()).statusCode(400).body("errors.field", hasItem("text"));
        amend(id, "a\u0000b").statusCode(400).body("errors.field", hasItem("text"));
    }

    static ValidatableResponse amend(String id, String text) {
        ObjectNode body = JSON.createObjectNode().put("kind", "ADDITIONAL_INFORMATION").put("text", text);
        return DemoUsers.policeReferrer().contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/contacts/" + id + "/amendments").then();
    }
}

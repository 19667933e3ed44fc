package org.mash.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged schemas as both sides read them: each limit of the contact contract, one value inside, one outside. */
class EventContractsTests {

    static final String RECEIVED = "mash.contacts.contact-received.v1";

    static ObjectNode example() {
        return (ObjectNode) EventContracts.document(RECEIVED).orElseThrow().get("examples").get(0).deepCopy();
    }

    static List<String> paths(JsonNode data) {
        return EventContracts.violations(RECEIVED, data).stream().map(EventContracts.Violation::path).toList();
    }

    @Test
    void everyPublishedSchemaIsPackagedWithItsExampleValid() {
        for (String type : List.of(RECEIVED, "mash.contacts.contact-amended.v1", "mash.triage.case-opened.v1",
                "mash.triage.strategy-discussion-requested.v1", "mash.strategy.discussion-held.v1")) {
            assertTrue(EventContracts.knows(type), type);
            JsonNode example = EventContracts.document(type).orElseThrow().get("examples").get(0);
            assertEquals(List.of(), EventContracts.violations(type, example), type);
        }
        assertFalse(EventContracts.knows("mash.nothing.like-this.v1"));
        assertFalse(EventContracts.knows("../../etc/passwd"));
    }

    @Test
    void aPostcodeThatUpperCasesPastTheColumnIsRefused() {
        ObjectNode data = example();
        ((ObjectNode) data.get("child").get("address")).put("postcode", "ßßßßßßß");
        assertEquals(List.of("$.child.address.postcode"), paths(data));
        ((ObjectNode) data.get("child").get("address")).put("postcode", "E8 1AA");
        assertEquals(List.of(), paths(data));
    }

    @Test
    void aNulInAnyTextIsRefusedButLineBreaksInFreeTextAreNot() {
        ObjectNode data = example();
        data.put("description", "two lines\nand a\ttab");
        assertEquals(List.of(), paths(data));
        data.put("description", "nul \u0000 here");
        assertEquals(List.of("$.description"), paths(data));
        data = example();
        ((ObjectNode) data.get("child")).put("firstName", "Ami\nra");
        assertEquals(List.of("$.child.firstName"), paths(data), "a name is one line");
    }

    @Test
    void datesOutsideWhatAChildOrADatabaseCanHaveAreRefused() {
        ObjectNode data = example();
        ((ObjectNode) data.get("household").get(0)).put("dateOfBirth", "-5000-01-01");
        ((ObjectNode) data.get("child")).put("dateOfBirth", "+6000000-01-01");
        assertEquals(List.of("$.child.dateOfBirth", "$.household[0].dateOfBirth"), paths(data).stream().distinct().toList());
        ((ObjectNode) data.get("child")).put("dateOfBirth", "2016-02-30");
        assertTrue(paths(data).contains("$.child.dateOfBirth"), "not a calendar date");
    }

    @Test
    void lengthsAreTheColumnsLengths() {
        ObjectNode data = example();
        ((ObjectNode) data.get("child")).put("firstName", "a".repeat(100));
        assertEquals(List.of(), paths(data));
        ((ObjectNode) data.get("child")).put("firstName", "a".repeat(101));
        assertEquals(List.of("$.child.firstName"), paths(data));
    }

    @Test
    void anEnvelopeWithoutDataOrWithAnOverlongIdIsRefused() {
        ObjectNode envelope = (ObjectNode) EventContracts.document(EventContracts.ENVELOPE).orElseThrow().get("examples").get(0).deepCopy();
        envelope.put("correlationid", "abc");
        assertEquals(List.of(), EventContracts.violations(EventContracts.ENVELOPE, envelope));
        envelope.putNull("data");
        envelope.put("id", "x".repeat(201));
        assertEquals(List.of("$.data", "$.id"), EventContracts.violations(EventContracts.ENVELOPE, envelope).stream()
                .map(EventContracts.Violation::path).distinct().toList());
    }

    @Test
    void aRuleIsWordedForPeople() {
        ObjectNode data = example();
        ((ObjectNode) data.get("child").get("address")).put("postcode", "ßßßßßßß");
        String message = EventContracts.violations(RECEIVED, data).get(0).message();
        assertTrue(message.contains("must be a postcode"), message);
    }
}

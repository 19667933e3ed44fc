package org.mash.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChildLinkingTests {

    static final ChildLinking.Record A = new ChildLinking.Record("C000000001", false, 2, Set.of("9434765919"));
    static final ChildLinking.Record B = new ChildLinking.Record("C000000002", false, 1, Set.of());

    @Test
    void twoRecordsOfOneChildMergeWithAReason() {
        assertEquals(List.of(), ChildLinking.checkMerge(A, B, "same child: school confirmed the date of birth"));
        assertEquals("reason", ChildLinking.checkMerge(A, B, " ").get(0).field());
        assertEquals("maxLength", ChildLinking.checkMerge(A, B, "x".repeat(501)).get(0).rule());
        assertEquals("differentChild", ChildLinking.checkMerge(A, A, "why").get(0).rule());
        assertEquals("into", ChildLinking.checkMerge(A, new ChildLinking.Record("C000000002", true, 0, Set.of()), "why").get(0).field());
        assertEquals("", ChildLinking.checkMerge(new ChildLinking.Record("C000000001", true, 0, Set.of()), B, "why").get(0).field(),
                "a record merged already: a conflict, not a field's fault");
        assertEquals("sameNhsNumber", ChildLinking.checkMerge(A,
                new ChildLinking.Record("C000000003", false, 1, Set.of("4010232137")), "why").get(0).rule(), "two children");
        assertEquals(List.of(), ChildLinking.checkMerge(A,
                new ChildLinking.Record("C000000003", false, 1, Set.of("9434765919")), "why"));
    }

    @Test
    void aCaseIsUnlinkedFromAChildWithOtherCasesAndAReason() {
        assertEquals(List.of(), ChildLinking.checkUnlink(A, "not the same child: different mother"));
        assertEquals("reason", ChildLinking.checkUnlink(A, null).get(0).field());
        assertEquals("notOnlyCase", ChildLinking.checkUnlink(B, "why").get(0).rule());
    }

    @Test
    void localChildIdsAreLettersAndDigitsOfAtMostTwenty() {
        assertEquals("C000000042", LocalChildId.of(42));
        assertTrue(LocalChildId.valid("C000000042"));
        assertTrue(LocalChildId.valid("ABC123"));
        assertFalse(LocalChildId.valid("C-1"));
        assertFalse(LocalChildId.valid("C".repeat(21)));
        assertFalse(LocalChildId.valid(""));
        assertThrows(IllegalArgumentException.class, () -> LocalChildId.of(0));
    }
}

package org.mash.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RagTests {

    @Test
    void immediateDangerIsAlwaysRed() {
        assertEquals(Rag.RED, Rag.suggest(true, null));
        assertEquals(Rag.RED, Rag.suggest(true, "NOT_URGENT"));
    }

    @Test
    void theReferrersUrgencyOtherwiseSetsTheSuggestion() {
        assertEquals(Rag.RED, Rag.suggest(false, "IMMEDIATE"));
        assertEquals(Rag.AMBER, Rag.suggest(false, "SAME_DAY"));
        assertEquals(Rag.GREEN, Rag.suggest(false, "WITHIN_DAYS"));
        assertEquals(Rag.GREEN, Rag.suggest(false, null));
    }
}

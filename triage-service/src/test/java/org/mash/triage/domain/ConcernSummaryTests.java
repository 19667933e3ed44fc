package org.mash.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConcernSummaryTests {

    @Test
    void aShortDescriptionIsTheSummary() {
        assertEquals("Police attended a domestic incident.", ConcernSummary.of("  Police attended a domestic incident. "));
    }

    @Test
    void aLongDescriptionIsCutAtAWord() {
        String summary = ConcernSummary.of("word ".repeat(400));
        assertTrue(summary.length() <= ConcernSummary.MAX_LENGTH);
        assertTrue(summary.endsWith("word\u2026"));
    }

    @Test
    void overdueMeansDecidedLateOrUndecidedPastTheDueTime() {
        Instant due = Instant.parse("2026-11-20T13:00:00Z");
        assertTrue(DecisionTargets.overdue(due, null, due.plusSeconds(1)));
        assertFalse(DecisionTargets.overdue(due, null, due.minusSeconds(1)));
        assertFalse(DecisionTargets.overdue(due, due.minusSeconds(60), due.plusSeconds(3600)), "decided in time stays in time");
        assertTrue(DecisionTargets.overdue(due, due.plusSeconds(60), due.plusSeconds(3600)));
    }
}

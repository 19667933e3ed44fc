package org.mash.strategy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.mash.platform.time.WorkingDays;

class ConveningTargetTests {

    final ConveningTarget target = new ConveningTarget(WorkingDays.englandAndWales());

    private static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    @Test
    void redIsDueByTheEndOfTheSameWorkingDay() {
        // Friday 20 Nov 2026 is a working day; November is GMT, so 23:59:59 London = 23:59:59Z
        assertEquals(at("2026-11-20T23:59:59Z"), target.dueAt(Rag.RED, at("2026-11-20T11:30:00Z")).toInstant());
    }

    @Test
    void redAuthorisedOnASaturdayIsDueByTheEndOfMonday() {
        // Saturday 21 Nov 2026 -> Monday 23 Nov 2026, end of day (GMT)
        assertEquals(at("2026-11-23T23:59:59Z"), target.dueAt(Rag.RED, at("2026-11-21T10:00:00Z")).toInstant());
    }

    @Test
    void redAuthorisedOnGoodFridayIsDueByTheEndOfTheTuesdayAfterEaster() {
        // Good Friday 3 Apr 2026, weekend 4-5, Easter Monday 6 Apr -> Tuesday 7 Apr; BST: 23:59:59+01:00 = 22:59:59Z
        assertEquals(at("2026-04-07T22:59:59Z"), target.dueAt(Rag.RED, at("2026-04-03T09:00:00+01:00")).toInstant());
    }

    @Test
    void theDayIsTheLondonDayNotTheUtcDay() {
        // 23:30Z on Friday 22 May 2026 is 00:30 BST on Saturday 23 May: the next working day is not Monday 25 May
        // (late May bank holiday) but Tuesday 26 May, ending 23:59:59 BST = 22:59:59Z
        assertEquals(at("2026-05-26T22:59:59Z"), target.dueAt(Rag.RED, at("2026-05-22T23:30:00Z")).toInstant());
    }

    @Test
    void amberAndGreenAreDueByTheEndOfTheNextWorkingDay() {
        // Friday 20 Nov 2026 -> Monday 23 Nov 2026
        assertEquals(at("2026-11-23T23:59:59Z"), target.dueAt(Rag.AMBER, at("2026-11-20T11:30:00Z")).toInstant());
        // Thursday 2 Apr 2026 -> (Good Friday 3, weekend, Easter Monday 6) Tuesday 7 Apr, BST
        assertEquals(at("2026-04-07T22:59:59Z"), target.dueAt(Rag.GREEN, at("2026-04-02T15:00:00+01:00")).toInstant());
        // Christmas Eve, Thursday 24 Dec 2026 -> (25 Christmas, 26-27 weekend, 28 Boxing Day substitute) Tuesday 29 Dec
        assertEquals(at("2026-12-29T23:59:59Z"), target.dueAt(Rag.AMBER, at("2026-12-24T16:00:00Z")).toInstant());
        // Saturday 21 Nov 2026 -> the next working day after it is Monday 23 Nov
        assertEquals(at("2026-11-23T23:59:59Z"), target.dueAt(Rag.GREEN, at("2026-11-21T10:00:00Z")).toInstant());
    }

    @Test
    void theTargetsAreConfigurablePerRag() {
        ConveningTarget slower = new ConveningTarget(WorkingDays.englandAndWales(),
                java.util.Map.of(Rag.RED, 1, Rag.AMBER, 2, Rag.GREEN, 3));
        // Thursday 24 Dec 2026: +1 -> Tuesday 29 Dec; +2 -> Wednesday 30 Dec; +3 -> Thursday 31 Dec (GMT)
        assertEquals(at("2026-12-29T23:59:59Z"), slower.dueAt(Rag.RED, at("2026-12-24T10:00:00Z")).toInstant());
        assertEquals(at("2026-12-30T23:59:59Z"), slower.dueAt(Rag.AMBER, at("2026-12-24T10:00:00Z")).toInstant());
        assertEquals(at("2026-12-31T23:59:59Z"), slower.dueAt(Rag.GREEN, at("2026-12-24T10:00:00Z")).toInstant());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ConveningTarget(
                WorkingDays.englandAndWales(), java.util.Map.of(Rag.RED, -1, Rag.AMBER, 1, Rag.GREEN, 1)));
    }

    @Test
    void overdueOnlyWhileOpenAndPastItsDueTime() {
        OffsetDateTime due = OffsetDateTime.parse("2026-11-20T23:59:59Z");
        assertTrue(ConveningTarget.overdue(DiscussionStatus.OPEN, due, at("2026-11-21T00:00:00Z")));
        assertFalse(ConveningTarget.overdue(DiscussionStatus.OPEN, due, at("2026-11-20T23:59:58Z")));
        assertFalse(ConveningTarget.overdue(DiscussionStatus.HELD, due, at("2026-11-21T00:00:00Z")));
        assertTrue(ConveningTarget.withinTarget(due, due));
        assertFalse(ConveningTarget.withinTarget(due.plusSeconds(1), due));
    }
}

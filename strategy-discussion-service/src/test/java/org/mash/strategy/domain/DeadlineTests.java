package org.mash.strategy.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mash.platform.time.WorkingDays;

class DeadlineTests {

    @Test
    void eachKindIsOverdueOnceItsDueTimeHasPassed() {
        UUID id = UUID.randomUUID();
        // a RED discussion authorised on Christmas Eve 2026 (Thursday) is due by the end of that day
        Deadline discussion = new Deadline(OverdueKind.DISCUSSION, id, id, id, null,
                new ConveningTarget(WorkingDays.englandAndWales()).dueAt(Rag.RED, Instant.parse("2026-12-24T10:00:00Z")), null);
        assertFalse(discussion.overdue(Instant.parse("2026-12-24T23:59:59Z")));
        assertTrue(discussion.overdue(Instant.parse("2026-12-25T00:00:00Z")));
        // an ICPC whose discussion was on Maundy Thursday 2 Apr 2026 is due by the end of Monday 27 Apr (BST)
        Deadline icpc = new Deadline(OverdueKind.ICPC, id, id, id, null,
                S47Conclusion.dueAt(new Section47(WorkingDays.englandAndWales()).icpcTarget(LocalDate.of(2026, 4, 2))), null);
        assertFalse(icpc.overdue(Instant.parse("2026-04-27T22:59:59Z")));
        assertTrue(icpc.overdue(Instant.parse("2026-04-27T23:00:00Z")));
        Deadline action = new Deadline(OverdueKind.ACTION, id, id, id, "police", Actions.dueAt(LocalDate.of(2026, 5, 25)), null);
        assertTrue(action.overdue(Instant.parse("2026-05-26T00:00:00Z")));
    }
}

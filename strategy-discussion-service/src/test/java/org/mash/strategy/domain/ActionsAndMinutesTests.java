package org.mash.strategy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionsAndMinutesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void anActionIsOwnedByAnAgencyAndNotDueInThePast() {
        assertTrue(Actions.check(new ActionRequest("Home visit", "health", TODAY, null), TODAY).isEmpty());
        assertEquals(List.of("dueOn"), Actions.check(new ActionRequest("Home visit", "health", TODAY.minusDays(1), null), TODAY)
                .stream().map(Violation::field).toList());
        assertEquals(List.of("agency"), Actions.check(new ActionRequest("Home visit", "Health Visitor", TODAY, null), TODAY)
                .stream().map(Violation::field).toList());
    }

    @Test
    void anActionIsOverdueAfterTheEndOfItsDueDateInLondon() {
        // 20 Nov 2026 is GMT
        assertEquals(Instant.parse("2026-11-20T23:59:59Z"), Actions.dueAt(TODAY).toInstant());
        assertFalse(Actions.overdue(null, TODAY, Instant.parse("2026-11-20T23:59:59Z")));
        assertTrue(Actions.overdue(null, TODAY, Instant.parse("2026-11-21T00:00:00Z")));
        assertFalse(Actions.overdue(OffsetDateTime.parse("2026-11-22T10:00:00Z"), TODAY, Instant.parse("2026-11-23T00:00:00Z")),
                "done, even late, is not overdue");
        // 25 May 2026 (late May bank holiday) is BST: a due date is a calendar date, bank holiday or not
        assertEquals(Instant.parse("2026-05-25T22:59:59Z"), Actions.dueAt(LocalDate.of(2026, 5, 25)).toInstant());
    }

    @Test
    void minutesStandOnceCirculatedAndASendingIsNeitherFutureNorBeforeTheyWereWritten() {
        assertTrue(Minutes.mayRevise(false));
        assertFalse(Minutes.mayRevise(true));
        Instant now = Instant.parse("2026-11-20T18:00:00Z");
        OffsetDateTime written = OffsetDateTime.parse("2026-11-20T16:30:20Z");
        assertTrue(Minutes.checkCirculation("police", OffsetDateTime.parse("2026-11-20T16:30:00Z"), written, now).isEmpty());
        assertEquals(List.of("not-before-minutes"), Minutes.checkCirculation("police",
                OffsetDateTime.parse("2026-11-20T16:29:00Z"), written, now).stream().map(Violation::rule).toList());
        assertEquals(List.of("not-in-future"), Minutes.checkCirculation("police",
                OffsetDateTime.parse("2026-11-20T18:00:01Z"), written, now).stream().map(Violation::rule).toList());
    }
}

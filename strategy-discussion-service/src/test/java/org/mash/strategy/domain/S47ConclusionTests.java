package org.mash.strategy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mash.platform.codes.CodeList;
import org.mash.platform.time.WorkingDays;

class S47ConclusionTests {

    final S47Conclusion rules = new S47Conclusion(CodeList.load("s47-outcome")::contains);
    final Section47 s47 = new Section47(WorkingDays.englandAndWales());
    static final LocalDate STARTED = LocalDate.of(2026, 11, 20);

    @Test
    void theOutcomeIsACodeOfTheS47OutcomeList() {
        for (String code : List.of("ICPC", "OTHER_AGENCY_MONITOR", "NFA_CONTINUE_ASSESSMENT", "LEGAL_ACTION",
                "S17_SERVICES", "S17_SHORT_BREAK", "NFA", "OTHER")) {
            assertTrue(rules.checkConclusion(code, LocalDate.of(2026, 12, 4), STARTED, LocalDate.of(2026, 12, 4)).isEmpty(), code);
        }
        List<Violation> unknown = rules.checkConclusion("ICPC_MAYBE", LocalDate.of(2026, 12, 4), STARTED, LocalDate.of(2026, 12, 4));
        assertEquals("outcomeCode", unknown.get(0).field());
        assertEquals("code-list", unknown.get(0).rule());
    }

    @Test
    void onlyTheIcpcOutcomeCallsAConference() {
        assertTrue(S47Conclusion.icpcRequired("ICPC"));
        assertFalse(S47Conclusion.icpcRequired("NFA"));
        assertEquals(IcpcStatus.PENDING, S47Conclusion.status(null, null), "under way: the conference may follow");
        assertEquals(IcpcStatus.PENDING, S47Conclusion.status(true, null));
        assertEquals(IcpcStatus.NOT_REQUIRED, S47Conclusion.status(false, null));
        assertEquals(IcpcStatus.HELD, S47Conclusion.status(true, LocalDate.of(2026, 12, 10)));
    }

    @Test
    void datesAreNeitherBeforeTheStartNorInTheFuture() {
        LocalDate today = LocalDate.of(2026, 12, 4);
        assertEquals(List.of("not-before-start"), rules.checkConclusion("NFA", LocalDate.of(2026, 11, 19), STARTED, today)
                .stream().map(Violation::rule).toList());
        assertEquals(List.of("not-in-future"), rules.checkConclusion("NFA", LocalDate.of(2026, 12, 5), STARTED, today)
                .stream().map(Violation::rule).toList());
        assertEquals(List.of("heldOn"), S47Conclusion.checkIcpc(LocalDate.of(2026, 12, 3), today, LocalDate.of(2026, 12, 10))
                .stream().map(Violation::field).toList());
        assertTrue(S47Conclusion.checkIcpc(LocalDate.of(2026, 12, 4), today, today).isEmpty());
    }

    @Test
    void anIcpcIsNeverHeldAtAWeekend() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        LocalDate monday = LocalDate.of(2026, 12, 7);
        assertEquals(List.of("weekday"), S47Conclusion.checkIcpc(LocalDate.of(2026, 12, 5), friday, monday)
                .stream().map(Violation::rule).toList(), "Saturday (census rule 8875)");
        assertTrue(S47Conclusion.checkIcpc(LocalDate.of(2026, 12, 6), friday, monday).get(0).message().contains("Sunday"));
        assertTrue(S47Conclusion.checkIcpc(monday, friday, monday).isEmpty());
        assertTrue(S47Conclusion.checkIcpc(friday, friday, monday).isEmpty());
    }

    @Test
    void theIcpcIsWithinTargetWhenHeldByItsTargetDate() {
        LocalDate target = s47.icpcTarget(STARTED); // Friday 11 Dec 2026
        assertEquals(LocalDate.of(2026, 12, 11), target);
        assertTrue(S47Conclusion.withinTarget(LocalDate.of(2026, 12, 11), target));
        assertFalse(S47Conclusion.withinTarget(LocalDate.of(2026, 12, 14), target));
    }

    @Test
    void anIcpcIsOverdueAfterTheEndOfItsTargetDateAcrossChristmas() {
        // discussion Friday 18 Dec 2026 -> target Wednesday 13 Jan 2027 (Christmas, Boxing Day substitute, New Year excluded)
        LocalDate target = s47.icpcTarget(LocalDate.of(2026, 12, 18));
        assertEquals(LocalDate.of(2027, 1, 13), target);
        assertEquals(Instant.parse("2027-01-13T23:59:59Z"), S47Conclusion.dueAt(target).toInstant());
        assertFalse(S47Conclusion.icpcOverdue(IcpcStatus.PENDING, false, target, Instant.parse("2027-01-13T23:59:59Z")));
        assertTrue(S47Conclusion.icpcOverdue(IcpcStatus.PENDING, false, target, Instant.parse("2027-01-14T00:00:00Z")));
        assertFalse(S47Conclusion.icpcOverdue(IcpcStatus.NOT_REQUIRED, false, target, Instant.parse("2027-02-01T00:00:00Z")));
        assertFalse(S47Conclusion.icpcOverdue(IcpcStatus.HELD, false, target, Instant.parse("2027-02-01T00:00:00Z")));
        assertFalse(S47Conclusion.icpcOverdue(IcpcStatus.PENDING, true, target, Instant.parse("2027-02-01T00:00:00Z")),
                "a withdrawn enquiry has no conference");
    }

    @Test
    void theEndOfTheTargetDayIsLondonTimeAfterEasterAndTheLateMayBankHoliday() {
        // Thursday 2 Apr 2026 -> Monday 27 Apr 2026 (Good Friday, Easter Monday excluded); BST
        assertEquals(Instant.parse("2026-04-27T22:59:59Z"), S47Conclusion.dueAt(s47.icpcTarget(LocalDate.of(2026, 4, 2))).toInstant());
        // Wednesday 20 May 2026 -> Thursday 11 Jun 2026 (25 May excluded); BST
        assertEquals(Instant.parse("2026-06-11T22:59:59Z"), S47Conclusion.dueAt(s47.icpcTarget(LocalDate.of(2026, 5, 20))).toInstant());
    }
}

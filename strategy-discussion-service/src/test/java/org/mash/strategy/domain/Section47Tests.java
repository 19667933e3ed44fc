package org.mash.strategy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.mash.platform.time.WorkingDays;

class Section47Tests {

    final Section47 s47 = new Section47(WorkingDays.englandAndWales(), 15);

    @Test
    void icpcTargetIsFifteenWorkingDaysAfterTheDiscussion() {
        // Friday 20 Nov 2026: 23-27 Nov (5), 30 Nov-4 Dec (10), 7-11 Dec (15) -> Friday 11 Dec 2026 (the schema example)
        assertEquals(LocalDate.of(2026, 12, 11), s47.icpcTarget(LocalDate.of(2026, 11, 20)));
    }

    @Test
    void christmasAndNewYearAreNotWorkingDays() {
        // Friday 18 Dec 2026: 21, 22, 23, 24 (4); 25 Christmas, 26-27 weekend, 28 Boxing Day substitute;
        // 29, 30, 31 (7); 1 Jan 2027 New Year's Day, 2-3 weekend; 4, 5, 6, 7, 8 (12); 11, 12, 13 (15)
        // -> Wednesday 13 Jan 2027
        assertEquals(LocalDate.of(2027, 1, 13), s47.icpcTarget(LocalDate.of(2026, 12, 18)));
    }

    @Test
    void easterIsNotWorkingDays() {
        // Thursday 2 Apr 2026: Good Friday 3, weekend 4-5, Easter Monday 6; 7, 8, 9, 10 (4); 13-17 (9);
        // 20-24 (14); 27 (15) -> Monday 27 Apr 2026
        assertEquals(LocalDate.of(2026, 4, 27), s47.icpcTarget(LocalDate.of(2026, 4, 2)));
    }

    @Test
    void theLateMayBankHolidayIsNotAWorkingDay() {
        // Wednesday 20 May 2026: 21, 22 (2); 25 late May bank holiday; 26-29 (6); 1-5 Jun (11); 8, 9, 10, 11 (15)
        // -> Thursday 11 Jun 2026
        assertEquals(LocalDate.of(2026, 6, 11), s47.icpcTarget(LocalDate.of(2026, 5, 20)));
    }

    @Test
    void theEnquiryStartsOnTheLondonDateOfTheDiscussion() {
        // 23:30Z on 20 May 2026 is 00:30 BST on 21 May
        assertEquals(LocalDate.of(2026, 5, 21), Section47.startedOn(OffsetDateTime.parse("2026-05-20T23:30:00Z")));
        assertEquals(LocalDate.of(2026, 12, 18), Section47.startedOn(OffsetDateTime.parse("2026-12-18T23:30:00Z")));
    }

    @Test
    void theNumberOfWorkingDaysIsConfigurable() {
        // Friday 18 Dec 2026 + 5: 21, 22, 23, 24, (25, 26-27, 28) 29 -> Tuesday 29 Dec 2026
        assertEquals(LocalDate.of(2026, 12, 29),
                new Section47(WorkingDays.englandAndWales(), 5).icpcTarget(LocalDate.of(2026, 12, 18)));
    }

    @Test
    void onlySection47OutcomesStartAnEnquiry() {
        assertTrue(Outcome.S47_JOINT.startsSection47());
        assertTrue(Outcome.S47_SINGLE_AGENCY.startsSection47());
        assertFalse(Outcome.CSC_ASSESSMENT.startsSection47());
        assertFalse(Outcome.NFA.startsSection47());
        assertFalse(Outcome.OTHER.startsSection47());
    }
}

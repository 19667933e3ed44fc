package org.mash.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTests {

    final WorkingDays days = WorkingDays.englandAndWales();

    @Test
    void englandAndWalesBankHolidaysIncludeSubstituteDaysAndOneOffs() {
        assertTrue(days.isBankHoliday(LocalDate.of(2026, 12, 28)), "Boxing Day 2026 falls on Saturday: Monday 28th");
        assertFalse(days.isBankHoliday(LocalDate.of(2026, 12, 26)));
        assertTrue(days.isBankHoliday(LocalDate.of(2026, 4, 6)), "Easter Monday 2026");
        assertTrue(days.isBankHoliday(LocalDate.of(2026, 8, 31)), "Summer bank holiday (England, not Scotland)");
        assertTrue(days.isBankHoliday(LocalDate.of(2026, 5, 25)), "late May bank holiday");
        assertTrue(days.isBankHoliday(LocalDate.of(2023, 5, 8)), "Coronation");
        assertTrue(days.isBankHoliday(LocalDate.of(2022, 9, 19)), "State funeral");
        assertFalse(days.isBankHoliday(LocalDate.of(2026, 8, 3)), "Scottish summer holiday is not one here");
    }

    @Test
    void weekendsAndBankHolidaysAreSkipped() {
        // Friday 18 Dec 2026 + 5 working days: 21, 22, 23, 24, (25 Xmas, 26-27 weekend, 28 Boxing Day sub) 29
        assertEquals(LocalDate.of(2026, 12, 29), days.plusWorkingDays(LocalDate.of(2026, 12, 18), 5));
        // Thursday 2 April 2026 + 1: Good Friday 3rd, weekend, Easter Monday 6th -> Tuesday 7th
        assertEquals(LocalDate.of(2026, 4, 7), days.plusWorkingDays(LocalDate.of(2026, 4, 2), 1));
        // Saturday: the next working day is Monday
        assertEquals(LocalDate.of(2026, 11, 23), days.onOrAfter(LocalDate.of(2026, 11, 21)));
        assertEquals(LocalDate.of(2026, 11, 23), days.plusWorkingDays(LocalDate.of(2026, 11, 21), 0));
    }

    @Test
    void countsWorkingDaysBetweenTwoDates() {
        assertEquals(15, days.workingDaysBetween(LocalDate.of(2026, 5, 20), days.plusWorkingDays(LocalDate.of(2026, 5, 20), 15)));
        assertEquals(0, days.workingDaysBetween(LocalDate.of(2026, 5, 20), LocalDate.of(2026, 5, 20)));
    }

    @Test
    void aCustomCalendarCanBeInjected() {
        WorkingDays noHolidays = new WorkingDays(d -> false);
        assertTrue(noHolidays.isWorkingDay(LocalDate.of(2026, 12, 25)));
    }
}

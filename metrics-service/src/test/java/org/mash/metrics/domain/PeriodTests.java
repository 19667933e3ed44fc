package org.mash.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTests {

    @Test
    void aFinancialYearRunsFromTheFirstOfAprilToTheThirtyFirstOfMarch() {
        Period fy = Period.financialYear(2026);
        assertEquals("FY2026-27", fy.label());
        assertEquals(LocalDate.of(2026, 4, 1), fy.from());
        assertEquals(LocalDate.of(2027, 3, 31), fy.to());
        assertEquals("FY1999-00", Period.financialYear(1999).label());
    }

    @Test
    void theThirtyFirstOfMarchEndsAYearAndTheFirstOfAprilStartsTheNext() {
        assertEquals("FY2025-26", Period.financialYearOf(LocalDate.of(2026, 3, 31)).label());
        assertEquals("FY2026-27", Period.financialYearOf(LocalDate.of(2026, 4, 1)).label());
        assertEquals("FY2021-22", Period.financialYearOf(LocalDate.of(2022, 1, 1)).label());
        assertEquals("FY2021-22", Period.financialYearOf(LocalDate.of(2021, 12, 31)).label());
    }

    @Test
    void theTwentyNinthOfFebruaryOfALeapYearBelongsToTheYearThatStartedTheApril() {
        Period fy = Period.financialYearOf(LocalDate.of(2024, 2, 29));
        assertEquals("FY2023-24", fy.label());
        assertTrue(fy.contains(LocalDate.of(2024, 2, 29)));
        assertEquals(LocalDate.of(2024, 2, 29), Period.month(YearMonth.of(2024, 2)).to());
        assertEquals(Period.month(YearMonth.of(2024, 2)), Period.parse("2024-02"));
    }

    @Test
    void daysAreJudgedOnTheLondonCalendar() {
        // 31 March 2026 23:30 UTC is already 1 April in London (BST began 29 March 2026)
        Clock lateMarchUtc = Clock.fixed(Instant.parse("2026-03-31T23:30:00Z"), ZoneOffset.UTC);
        assertEquals("FY2026-27", Period.currentFinancialYear(lateMarchUtc).label());
        Period fy = Period.financialYear(2026);
        assertEquals(OffsetDateTime.parse("2026-03-31T23:00:00Z").toInstant(), fy.start().toInstant());
        assertEquals(OffsetDateTime.parse("2027-04-01T00:00:00+01:00").toInstant(), fy.endExclusive().toInstant());
    }

    @Test
    void aCustomPeriodIncludesBothEnds() {
        Period june = Period.custom(LocalDate.of(2019, 6, 1), LocalDate.of(2019, 6, 30));
        assertTrue(june.contains(LocalDate.of(2019, 6, 1)));
        assertTrue(june.contains(LocalDate.of(2019, 6, 30)));
        assertFalse(june.contains(LocalDate.of(2019, 7, 1)));
        assertEquals(Period.custom(LocalDate.of(2019, 6, 1), LocalDate.of(2019, 6, 1)).from(),
                Period.custom(LocalDate.of(2019, 6, 1), LocalDate.of(2019, 6, 1)).to());
        assertThrows(IllegalArgumentException.class, () -> Period.custom(LocalDate.of(2019, 7, 1), LocalDate.of(2019, 6, 30)));
    }

    @Test
    void labelsParseBackToTheirPeriod() {
        assertEquals(Period.financialYear(2021), Period.parse("FY2021-22"));
        assertEquals(Period.financialYear(1999), Period.parse("FY1999-00"));
    }

    @Test
    void aDayAWeekAndAQuarter() {
        assertEquals(new Period("2024-02-29", LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29)), Period.parse("2024-02-29"));
        Period week = Period.parse("2026-W47");
        assertEquals(LocalDate.of(2026, 11, 16), week.from(), "ISO weeks start on Monday");
        assertEquals(LocalDate.of(2026, 11, 22), week.to());
        assertEquals(week, Period.weekOf(LocalDate.of(2026, 11, 20)));
        assertEquals(LocalDate.of(2020, 12, 28), Period.parse("2020-W53").from(), "2020 has 53 ISO weeks");
        assertEquals("2021-W52", Period.weekOf(LocalDate.of(2022, 1, 2)).label(), "2 January 2022 is in the last week of 2021");
        Period q1 = Period.parse("2024-Q1");
        assertEquals(LocalDate.of(2024, 1, 1), q1.from());
        assertEquals(LocalDate.of(2024, 3, 31), q1.to());
        assertTrue(q1.contains(LocalDate.of(2024, 2, 29)));
        assertEquals(LocalDate.of(2026, 12, 31), Period.parse("2026-Q4").to());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2021-W53", "2026-W00", "2026-Q5", "2026-Q0", "FY2021-23", "FY2021", "2021-22", "fy2021-22", "2026-13", "2026-1", "last year"})
    void anythingElseIsNotAPeriod(String label) {
        assertThrows(IllegalArgumentException.class, () -> Period.parse(label));
    }
}

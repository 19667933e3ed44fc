package org.mash.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.mash.platform.time.WorkingDays;

class DecisionTargetsTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    final DecisionTargets targets = new DecisionTargets(DecisionTargets.DEFAULTS, WorkingDays.englandAndWales(), LONDON);

    static Instant london(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, LONDON).toInstant();
    }

    @Test
    void ragTargetsAreElapsedTimeFromReceipt() {
        Instant received = london(2026, 11, 20, 15, 0);
        assertEquals(london(2026, 11, 20, 19, 0), targets.ragDue(received, Rag.RED));
        assertEquals(london(2026, 11, 21, 15, 0), targets.ragDue(received, Rag.AMBER));
        assertEquals(london(2026, 11, 23, 15, 0), targets.ragDue(received, Rag.GREEN));
    }

    @Test
    void oneWorkingDaySkipsTheWeekend() {
        // Friday 15:00 -> Monday 15:00
        assertEquals(london(2026, 11, 23, 15, 0), targets.oneWorkingDayDue(london(2026, 11, 20, 15, 0)));
    }

    @Test
    void oneWorkingDaySkipsBankHolidays() {
        // Thursday 24 Dec 2026 10:00 -> 25 Xmas, weekend, 28 Boxing Day substitute -> Tuesday 29 Dec 10:00
        assertEquals(london(2026, 12, 29, 10, 0), targets.oneWorkingDayDue(london(2026, 12, 24, 10, 0)));
        // Thursday before Easter 2026 -> Good Friday, weekend, Easter Monday -> Tuesday 7 April
        assertEquals(london(2026, 4, 7, 9, 30), targets.oneWorkingDayDue(london(2026, 4, 2, 9, 30)));
    }

    @Test
    void aContactOnAWeekendIsDueByTheEndOfTheNextWorkingDay() {
        Instant saturday = london(2026, 11, 21, 11, 0);
        assertEquals(ZonedDateTime.of(2026, 11, 23, 23, 59, 59, 999_999_999, LONDON).toInstant(),
                targets.oneWorkingDayDue(saturday));
    }

    @Test
    void acrossTheClockChangeTheDueTimeKeepsItsWallClockTime() {
        // Friday 27 March 2026 09:00 GMT; clocks go forward Sunday 29th; due Monday 30th 09:00 BST
        Instant due = targets.oneWorkingDayDue(london(2026, 3, 27, 9, 0));
        assertEquals(london(2026, 3, 30, 9, 0), due);
        assertEquals(Instant.parse("2026-03-30T08:00:00Z"), due);
        // a RED target is 4 elapsed hours even across the change (Sunday 00:30 GMT -> 05:30 BST)
        assertEquals(Instant.parse("2026-03-29T04:30:00Z"), targets.ragDue(Instant.parse("2026-03-29T00:30:00Z"), Rag.RED));
    }

    @Test
    void targetsAreConfigurablePerCouncil() {
        DecisionTargets strict = new DecisionTargets(java.util.Map.of(Rag.RED, java.time.Duration.ofHours(2),
                Rag.AMBER, java.time.Duration.ofHours(8), Rag.GREEN, java.time.Duration.ofHours(24)),
                WorkingDays.englandAndWales(), LONDON);
        assertEquals(london(2026, 11, 20, 17, 0), strict.ragDue(london(2026, 11, 20, 15, 0), Rag.RED));
    }
}

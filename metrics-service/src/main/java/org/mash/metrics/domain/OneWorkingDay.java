package org.mash.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.mash.platform.time.WorkingDays;

/**
 * Working Together 2023's "decision within one working day of receipt", for a decision whose event does
 * not state its due time (the field is optional): the same local time on the next working day; a contact
 * received on a weekend or bank holiday is due by the end of the next working day (the triage service's
 * rule, {@code DecisionTargets.oneWorkingDayDue}). London time, England and Wales bank holidays.
 */
public final class OneWorkingDay {

    private OneWorkingDay() {
    }

    public static Instant due(Instant receivedAt, WorkingDays workingDays) {
        ZonedDateTime received = receivedAt.atZone(Period.ZONE);
        LocalDate day = received.toLocalDate();
        if (!workingDays.isWorkingDay(day)) {
            return workingDays.onOrAfter(day).atTime(LocalTime.MAX).atZone(Period.ZONE).toInstant();
        }
        return ZonedDateTime.of(workingDays.plusWorkingDays(day, 1), received.toLocalTime(), Period.ZONE).toInstant();
    }
}

package org.mash.platform.time;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Working days in England and Wales: Monday to Friday except bank holidays. The bank holidays come from
 * Jollyday's maintained calendar for the United Kingdom, subdivision {@code eng} (England and Wales share
 * the same bank holidays, including substitute days and one-offs such as 2023-05-08).
 *
 * <p>Pure apart from the calendar it is given: tests can pass their own holiday predicate.
 */
public final class WorkingDays {

    private static final String ENGLAND = "eng";
    private static final WorkingDays ENGLAND_AND_WALES = new WorkingDays(englandAndWalesBankHolidays());

    private final Predicate<LocalDate> bankHoliday;

    public WorkingDays(Predicate<LocalDate> bankHoliday) {
        this.bankHoliday = bankHoliday;
    }

    public static WorkingDays englandAndWales() {
        return ENGLAND_AND_WALES;
    }

    public boolean isBankHoliday(LocalDate date) {
        return bankHoliday.test(date);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHoliday.test(date);
    }

    /** {@code date} if it is a working day, else the next working day. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The working day {@code n} working days after {@code date} (n = 0 gives {@link #onOrAfter}). */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate d = date;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return onOrAfter(d);
    }

    /** Working days from {@code from} (exclusive) to {@code to} (inclusive); 0 if {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    private static Predicate<LocalDate> englandAndWalesBankHolidays() {
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
        if (!manager.getCalendarHierarchy().getChildren().containsKey(ENGLAND)) {
            throw new IllegalStateException("the UK holiday calendar has no subdivision '" + ENGLAND + "'");
        }
        return date -> manager.isHoliday(date, ENGLAND);
    }
}

package org.mash.metrics.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: whole days {@code from} to {@code to}, both inclusive, judged on the MASH's local
 * calendar (Europe/London). A financial year runs 1 April to 31 March and is labelled {@code FY2026-27};
 * a calendar quarter {@code 2026-Q4}; a month {@code 2026-11}; an ISO week (Monday to Sunday) {@code 2026-W47};
 * a day {@code 2026-11-20}; any other range {@code 2019-06-01..2019-06-30}.
 */
public record Period(String label, LocalDate from, LocalDate to) {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** The calendar the figures cover: no contact is older, and later dates are typing slips. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("FY(\\d{4})-(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public Period {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the period starts (" + from + ") after it ends (" + to + ")");
        }
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw new IllegalArgumentException("periods lie between " + EARLIEST + " and " + LATEST + ", not " + from + " to " + to);
        }
    }

    /** The financial year starting 1 April {@code startYear}. */
    public static Period financialYear(int startYear) {
        return new Period(String.format("FY%04d-%02d", startYear, (startYear + 1) % 100),
                LocalDate.of(startYear, 4, 1), LocalDate.of(startYear + 1, 3, 31));
    }

    /** The financial year a day falls in: 31 March belongs to the year before, 1 April starts a new one. */
    public static Period financialYearOf(LocalDate day) {
        return financialYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    /** The financial year of today, on the MASH's calendar. */
    public static Period currentFinancialYear(Clock clock) {
        return financialYearOf(LocalDate.now(clock.withZone(ZONE)));
    }

    public static Period month(YearMonth month) {
        return new Period(month.toString(), month.atDay(1), month.atEndOfMonth());
    }

    /** One day, labelled {@code 2026-11-20}. */
    public static Period day(LocalDate day) {
        return new Period(day.toString(), day, day);
    }

    /** An ISO week, Monday to Sunday, labelled {@code 2026-W47}. */
    public static Period week(int weekBasedYear, int week) {
        if (week < 1 || week > 53) {
            throw new IllegalArgumentException("a week is 1 to 53, not " + week);
        }
        LocalDate monday = LocalDate.of(weekBasedYear, 1, 4)
                .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(java.time.DayOfWeek.MONDAY);
        if (week < 1 || monday.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) != weekBasedYear
                || monday.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR) != week) {
            throw new IllegalArgumentException(String.format("%04d has no week %02d", weekBasedYear, week));
        }
        return new Period(String.format("%04d-W%02d", weekBasedYear, week), monday, monday.plusDays(6));
    }

    /** The ISO week a day falls in. */
    public static Period weekOf(LocalDate day) {
        return week(day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR), day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** A calendar quarter, labelled {@code 2026-Q4} (October to December). */
    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4, not " + quarter);
        }
        LocalDate first = LocalDate.of(year, 3 * quarter - 2, 1);
        return new Period(year + "-Q" + quarter, first, first.plusMonths(3).minusDays(1));
    }

    /** Any range of whole days, both inclusive; fails if {@code from} is after {@code to}. */
    public static Period custom(LocalDate from, LocalDate to) {
        return new Period(from + ".." + to, from, to);
    }

    /** A period from its label ({@code FY2026-27} or {@code 2026-11}); fails with the reason if it is neither. */
    public static Period parse(String label) {
        if (label == null) {
            throw new IllegalArgumentException("no period given");
        }
        Matcher fy = FINANCIAL_YEAR.matcher(label);
        if (fy.matches()) {
            int start = Integer.parseInt(fy.group(1));
            if ((start + 1) % 100 != Integer.parseInt(fy.group(2))) {
                throw new IllegalArgumentException("'" + label + "' is not a financial year: the second year must follow the first, e.g. FY"
                        + start + "-" + String.format("%02d", (start + 1) % 100));
            }
            return financialYear(start);
        }
        Matcher week = WEEK.matcher(label);
        if (week.matches()) {
            return week(Integer.parseInt(week.group(1)), Integer.parseInt(week.group(2)));
        }
        Matcher quarter = QUARTER.matcher(label);
        if (quarter.matches()) {
            return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
        }
        if (DAY.matcher(label).matches()) {
            try {
                return day(LocalDate.parse(label));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + label + "' is not a day", e);
            }
        }
        if (MONTH.matcher(label).matches()) {
            try {
                return month(YearMonth.parse(label));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + label + "' is not a month", e);
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a period: use a financial year like FY2026-27, a quarter like 2026-Q4, "
                + "a month like 2026-11, a week like 2026-W47 or a day like 2026-11-20");
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The first instant of the period (midnight starting {@code from}, London time). */
    public OffsetDateTime start() {
        return from.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** The first instant after the period (midnight ending {@code to}, London time): compare with {@code <}. */
    public OffsetDateTime endExclusive() {
        return to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
    }
}

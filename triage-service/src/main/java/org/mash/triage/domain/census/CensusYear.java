package org.mash.triage.domain.census;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Children in Need collection year: 1 April to 31 March, named as the department names it ({@code 2026-27}); the
 * census's {@code Year} is the year it ends, its reference date the 31 March it ends on.
 */
public record CensusYear(int endYear) {

    private static final Pattern NAME = Pattern.compile("(\\d{4})-(\\d{2})");

    /** The year named {@code 2026-27}, or empty when the name is not of that form (two consecutive years). */
    public static Optional<CensusYear> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(m.group(1));
        if (start < 2000 || start > 2098 || (start + 1) % 100 != Integer.parseInt(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new CensusYear(start + 1));
    }

    /** The year that holds {@code date}. */
    public static CensusYear of(LocalDate date) {
        return new CensusYear(date.getMonthValue() >= 4 ? date.getYear() + 1 : date.getYear());
    }

    public LocalDate start() {
        return LocalDate.of(endYear - 1, 4, 1);
    }

    /** 31 March: the last day of the year and the census's reference date. */
    public LocalDate referenceDate() {
        return LocalDate.of(endYear, 3, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(referenceDate());
    }

    public String name() {
        return (endYear - 1) + "-" + String.format("%02d", endYear % 100);
    }
}

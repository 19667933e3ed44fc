package org.mash.triage.domain;

import java.time.LocalDate;
import java.time.Period;

/** The age bands used in the statistics (DfE children in need): unborn, 0-4, 5-9, 10-15, 16-17. */
public final class AgeBand {

    private AgeBand() {
    }

    public static String of(LocalDate dateOfBirth, LocalDate on) {
        if (dateOfBirth == null || dateOfBirth.isAfter(on)) {
            return "UNBORN";
        }
        int years = Period.between(dateOfBirth, on).getYears();
        if (years <= 4) {
            return "0-4";
        }
        if (years <= 9) {
            return "5-9";
        }
        return years <= 15 ? "10-15" : "16-17";
    }
}

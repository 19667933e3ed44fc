package org.mash.strategy.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.mash.platform.time.WorkingDays;

/**
 * A section 47 enquiry starts on the date of the strategy discussion that decided it; the initial child
 * protection conference (ICPC) is due {@code icpcWorkingDays} (by default 15) working days later, England and
 * Wales bank holidays excluded (MASH.md 2.3).
 */
public final class Section47 {

    public static final int DEFAULT_ICPC_WORKING_DAYS = 15;

    private final WorkingDays workingDays;
    private final int icpcWorkingDays;

    public Section47(WorkingDays workingDays, int icpcWorkingDays) {
        if (icpcWorkingDays < 0) {
            throw new IllegalArgumentException("icpcWorkingDays must not be negative");
        }
        this.workingDays = workingDays;
        this.icpcWorkingDays = icpcWorkingDays;
    }

    public Section47(WorkingDays workingDays) {
        this(workingDays, DEFAULT_ICPC_WORKING_DAYS);
    }

    /** The discussion's date on the MASH calendar. */
    public static LocalDate startedOn(OffsetDateTime heldAt) {
        return heldAt.atZoneSameInstant(MashTime.ZONE).toLocalDate();
    }

    public LocalDate icpcTarget(LocalDate startedOn) {
        return workingDays.plusWorkingDays(startedOn, icpcWorkingDays);
    }
}

package org.mash.strategy.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How a section 47 enquiry ends (MASH.md 2.3): its outcome, a code of {@code codes/s47-outcome.csv}; the
 * outcome {@value #ICPC} means an initial child protection conference follows, any other means "ICPC not
 * required". The ICPC is due by the end of its target date (discussion date + 15 working days), Europe/London.
 * Pure: today's date is given.
 */
public final class S47Conclusion {

    /** The outcome code that calls an initial child protection conference. */
    public static final String ICPC = "ICPC";

    private final Predicate<String> knownOutcome;

    public S47Conclusion(Predicate<String> knownOutcome) {
        this.knownOutcome = knownOutcome;
    }

    public static boolean icpcRequired(String outcomeCode) {
        return ICPC.equals(outcomeCode);
    }

    /** The rules for concluding an enquiry that started on {@code startedOn}. */
    public List<Violation> checkConclusion(String outcomeCode, LocalDate concludedOn, LocalDate startedOn, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (!knownOutcome.test(outcomeCode)) {
            violations.add(new Violation("outcomeCode", "code-list",
                    "'" + outcomeCode + "' is not a section 47 outcome of codes/s47-outcome.csv"));
        }
        violations.addAll(dateRules("concludedOn", concludedOn, startedOn, "the enquiry started", today));
        return violations;
    }

    /**
     * The rules for the date an ICPC was held: not before the enquiry concluded, not in the future, and never on a
     * Saturday or Sunday (a conference is not held at a weekend: the census refuses such a date, rule 8875).
     */
    public static List<Violation> checkIcpc(LocalDate heldOn, LocalDate concludedOn, LocalDate today) {
        List<Violation> violations = new ArrayList<>(dateRules("heldOn", heldOn, concludedOn, "the enquiry concluded", today));
        if (heldOn.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || heldOn.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
            violations.add(new Violation("heldOn", "weekday", heldOn + " is a " + (heldOn.getDayOfWeek() == java.time.DayOfWeek.SATURDAY
                    ? "Saturday" : "Sunday") + ": an initial child protection conference is held on a weekday (census rule 8875)"));
        }
        return violations;
    }

    private static List<Violation> dateRules(String field, LocalDate date, LocalDate notBefore, String what, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (date.isAfter(today)) {
            violations.add(new Violation(field, "not-in-future", date + " is in the future"));
        }
        if (date.isBefore(notBefore)) {
            violations.add(new Violation(field, "not-before-start", date + " is before " + notBefore + ", when " + what));
        }
        return violations;
    }

    public static IcpcStatus status(Boolean icpcRequired, LocalDate icpcHeldOn) {
        if (icpcHeldOn != null) {
            return IcpcStatus.HELD;
        }
        return Boolean.FALSE.equals(icpcRequired) ? IcpcStatus.NOT_REQUIRED : IcpcStatus.PENDING;
    }

    /** Held by the end of its target date. */
    public static boolean withinTarget(LocalDate heldOn, LocalDate icpcTargetDate) {
        return !heldOn.isAfter(icpcTargetDate);
    }

    /** The end of the target date on the MASH calendar, in UTC. */
    public static OffsetDateTime dueAt(LocalDate icpcTargetDate) {
        return icpcTargetDate.atTime(LocalTime.of(23, 59, 59)).atZone(MashTime.ZONE).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Still pending after the end of its target date (a withdrawn enquiry has no ICPC to hold). */
    public static boolean icpcOverdue(IcpcStatus status, boolean withdrawn, LocalDate icpcTargetDate, Instant now) {
        return status == IcpcStatus.PENDING && !withdrawn && dueAt(icpcTargetDate).toInstant().isBefore(now);
    }
}

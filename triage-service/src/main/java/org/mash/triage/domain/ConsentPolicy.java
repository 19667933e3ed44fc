package org.mash.triage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Consent to share information (MASH.md 2.2, "sharing without consent needs a reason and a manager's
 * authorisation; both are recorded"):
 * <ul>
 *   <li>the MASH records SOUGHT, GIVEN, REFUSED, NOT_SOUGHT or OVERRIDDEN while the case is undecided; every
 *       change is kept, with who and when;</li>
 *   <li>NOT_SOUGHT needs a reason (e.g. seeking consent would place the child at risk);</li>
 *   <li>OVERRIDDEN needs a reason and a manager's authorisation: recorded by anyone it is pending, and takes effect
 *       only when a manager other than the one who recorded it authorises it (four eyes, as for decisions). Until
 *       then the earlier status stands; recording another status withdraws the pending override.</li>
 * </ul>
 */
public final class ConsentPolicy {

    public static final int MAX_REASON = 4_000;

    private ConsentPolicy() {
    }

    public static List<Violation> checkRecord(CaseStatus caseStatus, ConsentStatus status, String reason) {
        List<Violation> violations = new ArrayList<>();
        if (caseStatus == CaseStatus.DECIDED) {
            violations.add(new Violation("", "case-open", "the case is decided: its consent record is final"));
        }
        if (status == null) {
            violations.add(new Violation("status", "required", "SOUGHT, GIVEN, REFUSED, NOT_SOUGHT or OVERRIDDEN"));
        } else if (status == ConsentStatus.NOT_RECORDED) {
            violations.add(new Violation("status", "one-of", "record SOUGHT, GIVEN, REFUSED, NOT_SOUGHT or OVERRIDDEN"));
        } else if (needsReason(status) && (reason == null || reason.isBlank())) {
            violations.add(new Violation("reason", "required-for-" + status.name().toLowerCase().replace('_', '-'),
                    status == ConsentStatus.NOT_SOUGHT
                            ? "say why consent was not sought (e.g. seeking it would place the child at risk)"
                            : "say why information is shared without consent"));
        }
        if (reason != null && reason.length() > MAX_REASON) {
            violations.add(new Violation("reason", "max-length", "at most " + MAX_REASON + " characters"));
        }
        return violations;
    }

    /**
     * The status a referrer recorded in the contact (GIVEN, REFUSED or NOT_SOUGHT), which the case starts with;
     * {@code null} when the contact recorded none or one this service does not know.
     */
    public static ConsentStatus fromReferrer(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "GIVEN" -> ConsentStatus.GIVEN;
            case "REFUSED" -> ConsentStatus.REFUSED;
            case "NOT_SOUGHT" -> ConsentStatus.NOT_SOUGHT;
            default -> null;
        };
    }

    public static boolean needsReason(ConsentStatus status) {
        return status == ConsentStatus.NOT_SOUGHT || status == ConsentStatus.OVERRIDDEN;
    }

    /** An override waits for a manager; every other status takes effect when recorded. */
    public static boolean needsAuthorisation(ConsentStatus status) {
        return status == ConsentStatus.OVERRIDDEN;
    }

    /** Why a manager may not authorise the pending override, if they may not. */
    public static Optional<Violation> checkAuthorisation(CaseStatus caseStatus, boolean pending, String recordedBy,
                                                        String manager) {
        if (caseStatus == CaseStatus.DECIDED) {
            return Optional.of(new Violation("", "case-open", "the case is decided: its consent record is final"));
        }
        if (!pending) {
            return Optional.of(new Violation("", "override-pending", "no override of consent waits for authorisation"));
        }
        if (manager.equals(recordedBy)) {
            return Optional.of(new Violation("", "four-eyes", "a manager cannot authorise an override they recorded"));
        }
        return Optional.empty();
    }

    /**
     * For the decision event: for an override, whether its reason and a manager's authorisation were recorded;
     * {@code null} for any other status.
     */
    public static Boolean overrideReasonRecorded(ConsentStatus status, String reason, String authorisedBy) {
        if (status != ConsentStatus.OVERRIDDEN) {
            return null;
        }
        return reason != null && !reason.isBlank() && authorisedBy != null;
    }
}

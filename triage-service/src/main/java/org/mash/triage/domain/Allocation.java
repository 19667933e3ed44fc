package org.mash.triage.domain;

import java.util.Optional;

/**
 * Who works a case: a practitioner claims an unassigned case, a manager assigns it to anyone, the assignee or
 * a manager releases it. A case is never worked by two people unknowingly: a claim on someone else's case is
 * refused (409), and of two claims at the same moment only one wins.
 */
public final class Allocation {

    private Allocation() {
    }

    public static Optional<Violation> checkClaim(CaseStatus status, String assignee, String claimant) {
        if (status == CaseStatus.DECIDED) {
            return Optional.of(new Violation("", "case-open", "the case is decided: there is nothing to claim"));
        }
        if (assignee != null && !assignee.equals(claimant)) {
            return Optional.of(new Violation("", "unassigned", "the case is already assigned to " + assignee));
        }
        return Optional.empty();
    }

    public static Optional<Violation> checkAssign(CaseStatus status) {
        return status == CaseStatus.DECIDED
                ? Optional.of(new Violation("", "case-open", "the case is decided: it cannot be assigned"))
                : Optional.empty();
    }

    public static Optional<Violation> checkRelease(String assignee, String caller, boolean callerIsManager) {
        if (assignee == null) {
            return Optional.of(new Violation("", "assigned", "the case is not assigned to anyone"));
        }
        if (!assignee.equals(caller) && !callerIsManager) {
            return Optional.of(new Violation("", "own-case", "only " + assignee + " or a manager can release this case"));
        }
        return Optional.empty();
    }
}

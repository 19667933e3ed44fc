package org.mash.triage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may decide what, and what a decision must record (reviews found rationale and manager oversight
 * missing). A practitioner proposes an outcome with a rationale and, for a referral, a primary need code;
 * a manager other than the proposer authorises it or returns it with a comment. Only an open case takes a
 * proposal; only a proposed one can be authorised or returned.
 */
public final class DecisionPolicy {

    private final Predicate<String> primaryNeedCodes;

    public DecisionPolicy(Predicate<String> primaryNeedCodes) {
        this.primaryNeedCodes = primaryNeedCodes;
    }

    public List<Violation> checkProposal(CaseStatus status, Outcome outcome, String rationale, String primaryNeedCode) {
        List<Violation> violations = new ArrayList<>();
        if (status != CaseStatus.OPEN) {
            violations.add(new Violation("", "case-open", "the case is " + status + ": only an open case takes a proposal"));
        }
        if (outcome == null) {
            violations.add(new Violation("outcome", "required", "choose an outcome"));
        }
        if (rationale == null || rationale.isBlank()) {
            violations.add(new Violation("rationale", "required", "record why this outcome was chosen"));
        }
        if (outcome != null && outcome.isReferral()) {
            if (primaryNeedCode == null || primaryNeedCode.isBlank()) {
                violations.add(new Violation("primaryNeedCode", "required-for-referral",
                        "a referral needs a primary need code (N0-N9)"));
            } else if (!primaryNeedCodes.test(primaryNeedCode)) {
                violations.add(new Violation("primaryNeedCode", "known-code", "'" + primaryNeedCode + "' is not a primary need code"));
            }
        } else if (primaryNeedCode != null && !primaryNeedCode.isBlank()) {
            violations.add(new Violation("primaryNeedCode", "only-for-referral",
                    "a primary need code is recorded only for a referral (CSC_ASSESSMENT or STRATEGY_DISCUSSION)"));
        }
        return violations;
    }

    /** Why a manager may not authorise (or return) this proposal, if they may not. */
    public Optional<Violation> checkAuthorisation(CaseStatus status, String proposedBy, String manager) {
        if (status != CaseStatus.PROPOSED) {
            return Optional.of(new Violation("", "case-proposed", "the case is " + status + ": there is no proposal to authorise"));
        }
        if (manager.equals(proposedBy)) {
            return Optional.of(new Violation("", "four-eyes", "a manager cannot authorise their own proposal"));
        }
        return Optional.empty();
    }

    public List<Violation> checkReturn(CaseStatus status, String comment) {
        List<Violation> violations = new ArrayList<>();
        if (status != CaseStatus.PROPOSED) {
            violations.add(new Violation("", "case-proposed", "the case is " + status + ": there is no proposal to return"));
        }
        if (comment == null || comment.isBlank()) {
            violations.add(new Violation("comment", "required", "say what the practitioner should reconsider"));
        }
        return violations;
    }
}

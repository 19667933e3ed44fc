package org.mash.triage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The level of need on the local threshold framework (MASH.md 2.2): 1 universal, 2 additional (early help),
 * 3 complex (targeted), 4 acute (statutory), with a rationale, recorded on an undecided case before or with the
 * proposal. It may be changed until a proposal is made; every recording is kept with who and when.
 *
 * <p>Whether a referral needs one: by default it does not ({@code mash.triage.level-of-need.required-for-referral
 * =false}). The outcome and its rationale are the decision; the level is the practitioner's threshold judgement
 * that supports it, and an {@code EXISTING_CASE} or {@code OTHER_COUNCIL} outcome is not judged against this
 * council's threshold at all. Existing API clients (and the end-to-end test) propose referrals without it, so
 * requiring it is a council's choice: set the property to {@code true} and a proposal of {@code CSC_ASSESSMENT}
 * or {@code STRATEGY_DISCUSSION} without a recorded level is refused. When recorded, the level travels with the
 * authorised decision ({@code levelOfNeed}), so the metrics can show how often it is missing.
 */
public final class LevelOfNeed {

    public static final int MIN = 1;
    public static final int MAX = 4;
    public static final int MAX_RATIONALE = 4_000;

    private LevelOfNeed() {
    }

    public static List<Violation> check(CaseStatus caseStatus, Integer level, String rationale, String path) {
        List<Violation> violations = new ArrayList<>();
        if (caseStatus != CaseStatus.OPEN) {
            violations.add(new Violation("", "case-open",
                    "the case is " + caseStatus + ": the level of need is recorded before or with the proposal"));
        }
        if (level == null) {
            violations.add(new Violation(path + "level", "required", "a level from 1 (universal) to 4 (acute/statutory)"));
        } else if (level < MIN || level > MAX) {
            violations.add(new Violation(path + "level", "range", "a level from 1 (universal) to 4 (acute/statutory)"));
        }
        if (rationale == null || rationale.isBlank()) {
            violations.add(new Violation(path + "rationale", "required", "say why the child's needs are at this level"));
        } else if (rationale.length() > MAX_RATIONALE) {
            violations.add(new Violation(path + "rationale", "max-length", "at most " + MAX_RATIONALE + " characters"));
        }
        return violations;
    }

    /** Whether the proposal may go ahead without a recorded level (see the class comment). */
    public static Optional<Violation> checkForProposal(Outcome outcome, Integer recordedLevel, boolean requiredForReferral) {
        if (requiredForReferral && outcome != null && outcome.isReferral() && recordedLevel == null) {
            return Optional.of(new Violation("levelOfNeed", "required-for-referral",
                    "record the level of need (1-4) with its rationale before or with a referral"));
        }
        return Optional.empty();
    }

    public static String describe(int level) {
        return switch (level) {
            case 1 -> "1 universal";
            case 2 -> "2 additional (early help)";
            case 3 -> "3 complex (targeted)";
            case 4 -> "4 acute (statutory)";
            default -> String.valueOf(level);
        };
    }
}

package org.mash.triage.domain;

/** What the MASH decides to do about a contact (MASH.md 2.2). */
public enum Outcome {
    NFA,
    INFORMATION_AND_ADVICE,
    EARLY_HELP,
    /** Referral to children's social care for a child and family assessment (s17). */
    CSC_ASSESSMENT,
    /** Reasonable cause to suspect significant harm: a strategy discussion decides on s47. */
    STRATEGY_DISCUSSION,
    EXISTING_CASE,
    OTHER_COUNCIL;

    /** A contact "converts to a referral" when the outcome is an assessment or a strategy discussion. */
    public boolean isReferral() {
        return this == CSC_ASSESSMENT || this == STRATEGY_DISCUSSION;
    }
}

package org.mash.triage.domain;

/** A triage case's place in the decision process. */
public enum CaseStatus {
    /** In the queue, no decision proposed (or a proposal was returned). */
    OPEN,
    /** A practitioner proposed a decision; waiting for a manager. */
    PROPOSED,
    /** A manager authorised the decision: the case has left the queue. */
    DECIDED
}

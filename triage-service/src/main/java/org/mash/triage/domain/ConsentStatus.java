package org.mash.triage.domain;

/** Whether the family agreed to information about them being shared (MASH.md 2.2). */
public enum ConsentStatus {
    /** Nothing recorded: the contact said nothing about consent and the MASH has not recorded it yet. */
    NOT_RECORDED,
    SOUGHT,
    GIVEN,
    REFUSED,
    /** Not sought, for a recorded reason: typically that seeking it would place the child at risk. */
    NOT_SOUGHT,
    /** Shared without consent: a recorded reason and a manager's authorisation. */
    OVERRIDDEN
}

package org.mash.contacts.domain;

/** Where a contact is, as the referrer sees it. */
public enum ContactStatus {
    /** Stored; on its way to the MASH queue. */
    RECEIVED,
    /** In the MASH triage queue. */
    IN_TRIAGE,
    /** A manager has authorised the decision on it. */
    DECIDED
}

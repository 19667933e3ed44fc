package org.mash.triage.domain;

/** What can happen to a case: each is a line of its timeline, with who (user name and role) and when. */
public enum CaseAction {
    RECEIVED,
    AMENDED,
    RATED,
    CLAIMED,
    ASSIGNED,
    RELEASED,
    CHECK_REQUESTED,
    CHECK_ANSWERED,
    CHECK_OVERDUE,
    CONSENT_RECORDED,
    CONSENT_OVERRIDE_AUTHORISED,
    LEVEL_OF_NEED_RECORDED,
    HISTORY_MATCH_CONFIRMED,
    HISTORY_MATCH_REJECTED,
    CHILD_CHANGED,
    PROPOSED,
    RETURNED,
    AUTHORISED,
    OVERDUE
}

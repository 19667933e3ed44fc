package org.mash.triage.domain;

/** A partner agency's answer to an information check. */
public enum CheckResult {
    /** The agency holds information about the child or household; the answer carries it. */
    INFORMATION_HELD,
    /** The agency searched and knows nothing of the child or household. */
    NOTHING_KNOWN
}

package org.mash.strategy.domain;

/** What can be late: a discussion not held by its due time, an action not done, an ICPC not held by its target. */
public enum OverdueKind {
    DISCUSSION, ACTION, ICPC
}

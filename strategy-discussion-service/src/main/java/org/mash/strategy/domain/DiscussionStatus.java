package org.mash.strategy.domain;

/** A discussion is open until it is held; once held its decision cannot be changed. */
public enum DiscussionStatus {
    OPEN, HELD
}

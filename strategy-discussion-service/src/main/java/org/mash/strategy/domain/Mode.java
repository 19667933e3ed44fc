package org.mash.strategy.domain;

/** How a discussion was held. */
public enum Mode {
    IN_PERSON, VIDEO, PHONE
}

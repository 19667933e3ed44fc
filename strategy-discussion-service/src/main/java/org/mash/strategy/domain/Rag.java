package org.mash.strategy.domain;

/** The urgency triage gave the child: it sets how soon the discussion must be held. */
public enum Rag {
    RED, AMBER, GREEN
}

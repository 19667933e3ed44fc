package org.mash.strategy.domain;

/** What the strategy discussion decided. */
public enum Outcome {
    /** Section 47 enquiry by children's social care alone. */
    S47_SINGLE_AGENCY,
    /** Section 47 enquiry jointly with the police. */
    S47_JOINT,
    /** Children's social care assessment (section 17). */
    CSC_ASSESSMENT,
    /** No further action. */
    NFA,
    OTHER;

    public boolean startsSection47() {
        return this == S47_SINGLE_AGENCY || this == S47_JOINT;
    }

    public boolean isJoint() {
        return this == S47_JOINT;
    }
}

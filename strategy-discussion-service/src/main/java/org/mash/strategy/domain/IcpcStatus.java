package org.mash.strategy.domain;

/** Where a section 47 enquiry's initial child protection conference stands. */
public enum IcpcStatus {
    /** Not held yet: the enquiry is under way, or concluded with an ICPC required. */
    PENDING,
    HELD,
    /** The enquiry concluded with an outcome other than ICPC: no conference follows. */
    NOT_REQUIRED
}

package org.mash.strategy.domain;

/**
 * The risk an agency grades from what it knows, shared before or during a strategy discussion (MASH.md 2.3:
 * "information shared and each agency's risk grading"). The scale, lowest first:
 */
public enum RiskGrading {
    /** Needs may be met by universal services; nothing the agency knows suggests harm. */
    LOW,
    /** Concerns that need support or monitoring, but no indication of significant harm. */
    MEDIUM,
    /** Serious concerns: the agency believes the child may be at risk of significant harm. */
    HIGH,
    /** The agency's information shows the child is suffering, or is likely to suffer, significant harm (s47 threshold). */
    SIGNIFICANT_HARM_LIKELY;

    /** At or above the section 47 threshold as this agency sees it. */
    public boolean meetsSection47Threshold() {
        return this == SIGNIFICANT_HARM_LIKELY;
    }
}

package org.mash.strategy.domain;

import java.util.Collection;
import java.util.Set;

/**
 * Who may see a strategy discussion: MASH staff see every discussion; a strategy participant only the
 * discussions their agency is invited to. A discussion a caller may not see is answered as not found.
 */
public final class DiscussionAccess {

    public static final String PARTICIPANT = "strategy-participant";
    public static final Set<String> MASH_STAFF = Set.of("mash-practitioner", "mash-manager");

    private DiscussionAccess() {
    }

    public static boolean maySee(Set<String> callerRoles, String callerAgency, Collection<String> invitedAgencies) {
        if (callerRoles.stream().anyMatch(MASH_STAFF::contains)) {
            return true;
        }
        return callerRoles.contains(PARTICIPANT) && callerAgency != null && invitedAgencies.contains(callerAgency);
    }

    /** MASH staff (practitioners, managers). */
    public static boolean isMashStaff(Set<String> callerRoles) {
        return callerRoles.stream().anyMatch(MASH_STAFF::contains);
    }

    /**
     * Who may speak for an agency in a discussion (answer its invitation, record its information): MASH staff
     * for any agency, a participant only for their own.
     */
    public static boolean mayActFor(Set<String> callerRoles, String callerAgency, String agency) {
        if (isMashStaff(callerRoles)) {
            return true;
        }
        return callerRoles.contains(PARTICIPANT) && callerAgency != null && callerAgency.equals(agency);
    }

    /** Whether a caller sees what {@code agency} shared: MASH staff see every agency's, a participant their own. */
    public static boolean maySeeContributionOf(Set<String> callerRoles, String callerAgency, String agency) {
        return mayActFor(callerRoles, callerAgency, agency);
    }

    /** The agency whose invitations limit a caller's list: their own for a participant, none ({@code null}) for MASH staff. */
    public static String listScope(Set<String> callerRoles, String callerAgency) {
        return callerRoles.stream().anyMatch(MASH_STAFF::contains) ? null : callerAgency;
    }

    /**
     * Whether a caller sees the minutes: MASH staff always (the draft too); a participant only once they have been
     * circulated to their agency ({@code circulatedTo}: the agencies they were sent to).
     */
    public static boolean maySeeMinutes(Set<String> callerRoles, String callerAgency, Collection<String> circulatedTo) {
        if (isMashStaff(callerRoles)) {
            return true;
        }
        return callerRoles.contains(PARTICIPANT) && callerAgency != null && circulatedTo.contains(callerAgency);
    }

    /** Whether a caller sees an action (or a sending of the minutes) of {@code agency}: MASH staff all, a participant their own agency's. */
    public static boolean maySeeItemOf(Set<String> callerRoles, String callerAgency, String agency) {
        return mayActFor(callerRoles, callerAgency, agency);
    }

    /** Why a core agency was absent is for MASH staff: a participant does not see it. */
    public static boolean maySeeAbsenceReason(Set<String> callerRoles) {
        return isMashStaff(callerRoles);
    }
}

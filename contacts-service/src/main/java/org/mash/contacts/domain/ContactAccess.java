package org.mash.contacts.domain;

import java.util.Set;

/**
 * Who may see a contact: MASH staff see every contact; a referrer only the contacts their own agency made.
 * A contact a caller may not see is answered as not found, so its existence does not leak.
 */
public final class ContactAccess {

    public static final String REFERRER = "referrer";
    public static final Set<String> MASH_STAFF = Set.of("mash-practitioner", "mash-manager");

    private ContactAccess() {
    }

    public static boolean maySee(Set<String> callerRoles, String callerAgency, String contactAgency) {
        if (callerRoles.stream().anyMatch(MASH_STAFF::contains)) {
            return true;
        }
        return callerRoles.contains(REFERRER) && callerAgency != null && callerAgency.equals(contactAgency);
    }

    /** The reader is a referrer of the agency that made the contact (not MASH staff reading it). */
    public static boolean isReferringAgency(Set<String> callerRoles, String callerAgency, String contactAgency) {
        return callerRoles.contains(REFERRER) && callerRoles.stream().noneMatch(MASH_STAFF::contains)
                && callerAgency != null && callerAgency.equals(contactAgency);
    }

    /**
     * Partners submit through the web form or the API; contacts taken by phone, email or the secure mailbox are
     * recorded by MASH staff, with the caller's source code.
     */
    public static java.util.Optional<Violation> checkChannel(Set<String> callerRoles, ContactSubmission.Channel channel) {
        boolean staff = callerRoles.stream().anyMatch(MASH_STAFF::contains);
        boolean recorded = channel == ContactSubmission.Channel.PHONE || channel == ContactSubmission.Channel.EMAIL
                || channel == ContactSubmission.Channel.SECURE_MAILBOX;
        if (recorded && !staff) {
            return java.util.Optional.of(new Violation("channel", "recorded-by-mash",
                    "contacts by " + channel + " are recorded by MASH staff; submit yours with channel WEB or API"));
        }
        if (!recorded && staff && channel != null) {
            return java.util.Optional.of(new Violation("channel", "recorded-by-mash",
                    "MASH staff record contacts received by PHONE, EMAIL or SECURE_MAILBOX"));
        }
        return java.util.Optional.empty();
    }

    /** The agency whose contacts a caller lists: their own for a referrer, all ({@code null}) for MASH staff. */
    public static String listScope(Set<String> callerRoles, String callerAgency) {
        return callerRoles.stream().anyMatch(MASH_STAFF::contains) ? null : callerAgency;
    }
}

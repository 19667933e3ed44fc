package org.mash.contacts.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a referrer or practitioner adds to a contact after it was received. */
public record Amendment(@NotNull Kind kind, @NotBlank @Size(max = 10_000) String text) {

    public enum Kind {
        /** New information (e.g. a father's details, a further incident). */
        ADDITIONAL_INFORMATION,
        /** Something in the contact was wrong; the original stays as received. */
        CORRECTION
    }

    /** The role a caller amends in: referrers amend their own agency's contacts, MASH staff any. */
    public static String amendingRole(java.util.Set<String> roles) {
        return roles.stream().filter(ContactAccess.MASH_STAFF::contains).findFirst()
                .orElse(roles.contains(ContactAccess.REFERRER) ? ContactAccess.REFERRER : "unknown");
    }
}

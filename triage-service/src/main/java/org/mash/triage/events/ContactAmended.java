package org.mash.triage.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The part of {@code mash.contacts.contact-amended.v1} the triage service reads. */
public record ContactAmended(UUID contactId, UUID amendmentId, OffsetDateTime amendedAt, String kind, String text,
                             String agency, String amendedByRole, String amendedBy) {

    /** Who added it: the user name (events published before v1 carried it name only the agency). */
    public String who() {
        return amendedBy == null || amendedBy.isBlank() ? agency : amendedBy;
    }
}

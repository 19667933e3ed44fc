package org.mash.triage.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The part of {@code mash.contacts.contact-received.v1} the triage service reads; the whole record is kept too. */
public record ContactReceived(UUID contactId, UUID submissionId, OffsetDateTime receivedAt, String sourceCode,
                              String agency, Child child, List<String> concernCodes, String description,
                              String referrerUrgency, boolean immediateDanger, List<Member> household,
                              Referrer referrer, Consent consent, String submittedBy) {

    /** The person who made the contact, as they gave themselves. */
    public record Referrer(String name, String role, String organisation) {
    }

    /** What the referrer recorded about consent: GIVEN, REFUSED or NOT_SOUGHT (with a reason). */
    public record Consent(String status, String reason, String childView) {
    }

    /** A parent, carer, sibling or significant other named in the contact. */
    public record Member(String firstName, String lastName, LocalDate dateOfBirth, String relationship,
                         Boolean livesWithChild, JsonNode address) {
    }

    public record Child(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
                        String sex, String ethnicity, String nhsNumber, JsonNode address, String upn,
                        String upnUnknown, String disability, List<String> disabilities) {

        /** The disability codes: the list (v1.2), else the single code of earlier events, else null (not given). */
        public List<String> disabilityCodes() {
            if (disabilities != null && !disabilities.isEmpty()) {
                return disabilities;
            }
            return disability == null ? null : List.of(disability);
        }
    }
}

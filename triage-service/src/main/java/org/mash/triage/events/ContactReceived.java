package org.mash.triage.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The part of {@code mash.contacts.contact-received.v1} the triage service reads; the whole record is kept too. */
public record ContactReceived(UUID contactId, UUID submissionId, OffsetDateTime receivedAt, String sourceCode,
                              String agency, Child child, List<String> concernCodes, String description,
                              String referrerUrgency, boolean immediateDanger) {

    public record Child(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
                        String sex, String ethnicity, String nhsNumber, JsonNode address) {
    }
}

package org.mash.contacts.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.mash.contacts.domain.ContactSubmission;

/**
 * The events this service publishes on {@code mash.contacts.v1} (schemas in docs/events/schemas).
 * {@code contact-received} carries the child's full record: only the triage service, which holds the
 * full record, consumes this topic.
 */
public final class ContactEvents {

    public static final String TOPIC = "mash.contacts.v1";
    public static final String CONTACT_RECEIVED = "mash.contacts.contact-received.v1";
    public static final String CONTACT_AMENDED = "mash.contacts.contact-amended.v1";
    /** Status events carry no personal data: the metrics count referrer feedback from them. */
    public static final String STATUS_TOPIC = "mash.contacts.status.v1";
    public static final String REFERRER_INFORMED = "mash.contacts.referrer-informed.v1";

    public record ReferrerInformedV1(UUID contactId, String agency, String outcome, OffsetDateTime decidedAt,
                                     OffsetDateTime informedAt, String how) {
    }

    /** The body of an outcome notification to an agency's case system: ids and the outcome, nothing else. */
    public record OutcomeNotification(UUID deliveryId, UUID contactId, UUID submissionId, String outcome,
                                      OffsetDateTime decidedAt) {
    }

    private ContactEvents() {
    }

    public record ContactReceivedV1(
            UUID contactId,
            UUID submissionId,
            List<UUID> siblingContactIds,
            OffsetDateTime receivedAt,
            String channel,
            String sourceCode,
            String agency,
            ContactSubmission.Referrer referrer,
            Child child,
            List<ContactSubmission.Person> household,
            String householdNotKnownReason,
            List<String> concernCodes,
            String description,
            String requestedOutcome,
            String supportInPlace,
            String referrerUrgency,
            boolean immediateDanger,
            Boolean policeInformed,
            ContactSubmission.Consent consent,
            String submittedBy) {
    }

    public record ContactAmendedV1(UUID contactId, UUID amendmentId, OffsetDateTime amendedAt, String kind, String text,
                                   String agency, String amendedByRole, String amendedBy) {
    }

    public record Child(
            String firstName,
            String lastName,
            List<String> otherNames,
            LocalDate dateOfBirth,
            LocalDate expectedDateOfBirth,
            String sex,
            String ethnicity,
            String nhsNumber,
            String school,
            ContactSubmission.Address address,
            String language,
            Boolean interpreterNeeded,
            String disability,
            String upn,
            String upnUnknown,
            List<String> disabilities) {

        /** {@code disability} (the first of the list) stays for readers of the first v1 events. */
        static Child of(ContactSubmission.Child c, String normalisedNhsNumber) {
            List<String> disabilities = c.disabilityCodes();
            return new Child(c.firstName(), c.lastName(), c.otherNames(), c.dateOfBirth(), c.expectedDateOfBirth(),
                    c.sex(), c.ethnicity(), normalisedNhsNumber, c.school(), c.address(), c.language(),
                    c.interpreterNeeded(), disabilities == null || disabilities.isEmpty() ? null : disabilities.get(0),
                    c.upn(), c.upnUnknown(), disabilities);
        }
    }

    public static ContactReceivedV1 received(UUID contactId, UUID submissionId, List<UUID> siblings,
                                             OffsetDateTime receivedAt, String agency, String submittedBy,
                                             ContactSubmission s,
                                             ContactSubmission.Child child, String normalisedNhsNumber) {
        return new ContactReceivedV1(contactId, submissionId, siblings, receivedAt, s.channelOrDefault().name(),
                s.sourceCode(), agency, s.referrer(), Child.of(child, normalisedNhsNumber),
                s.household() == null ? List.of() : s.household(), s.householdNotKnownReason(), s.concernCodes(),
                s.description(), s.requestedOutcome(), s.supportInPlace(),
                s.referrerUrgency() == null ? null : s.referrerUrgency().name(), s.immediateDanger(), s.policeInformed(),
                s.consent(), submittedBy);
    }
}

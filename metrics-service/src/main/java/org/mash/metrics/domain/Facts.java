package org.mash.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The facts the figures are computed from, as learnt from the events: pseudonymous ids, codes, bands,
 * booleans and times only. Any field may be null while the event that carries it has not arrived yet.
 */
public record Facts(List<Contact> contacts, List<Check> checks, List<Discussion> discussions, List<Enquiry> enquiries) {

    public Facts {
        contacts = List.copyOf(contacts);
        checks = List.copyOf(checks);
        discussions = List.copyOf(discussions);
        enquiries = List.copyOf(enquiries);
    }

    /** A contact: received (case-opened), rated, decided (decision-authorised), its referrer told (referrer-informed). */
    public record Contact(UUID contactId, String childRef, Instant receivedAt, String sourceCode, Set<String> concernCodes,
                          String rag, String ageBand, String sex, String ethnicity, String agency, Instant dueAt,
                          Instant oneWorkingDayDueAt, Instant authorisedAt, String outcome, Boolean referral,
                          String consentStatus, Boolean consentOverrideReasonRecorded, Instant informedAt) {

        public Contact {
            concernCodes = concernCodes == null ? Set.of() : Set.copyOf(concernCodes);
        }

        public boolean decided() {
            return authorisedAt != null;
        }

        public boolean isReferral() {
            return authorisedAt != null && Boolean.TRUE.equals(referral);
        }
    }

    /** An information check to a partner agency. */
    public record Check(UUID checkId, UUID contactId, String agency, Instant requestedAt, Instant dueAt,
                        Instant respondedAt, Boolean withinDue, Instant overdueFlaggedAt) {
    }

    /** A strategy discussion; attendance per agency once held. */
    public record Discussion(UUID discussionId, UUID contactId, Instant heldAt, Boolean withinTarget,
                             Boolean coreAgenciesPresent, Map<String, String> attendance, String outcome) {

        public Discussion {
            attendance = attendance == null ? Map.of() : Map.copyOf(attendance);
        }
    }

    /** A section 47 enquiry and its initial child protection conference. */
    /** A section 47 enquiry; {@code withdrawnAt} when a superseding decision withdrew it (it then counts nowhere). */
    public record Enquiry(UUID enquiryId, UUID contactId, LocalDate startedOn, LocalDate icpcTargetDate,
                          Boolean icpcRequired, LocalDate icpcHeldOn, Boolean icpcWithinTarget, Instant withdrawnAt) {

        public Enquiry(UUID enquiryId, UUID contactId, LocalDate startedOn, LocalDate icpcTargetDate,
                       Boolean icpcRequired, LocalDate icpcHeldOn, Boolean icpcWithinTarget) {
            this(enquiryId, contactId, startedOn, icpcTargetDate, icpcRequired, icpcHeldOn, icpcWithinTarget, null);
        }

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }
}

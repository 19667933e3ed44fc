package org.mash.contacts.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.mash.contacts.domain.ContactStatus;
import org.mash.contacts.domain.Timeline;
import org.mash.contacts.repository.Contact;

/** What the contacts API answers. */
public final class ContactViews {

    private ContactViews() {
    }

    public record Submitted(UUID submissionId, List<UUID> contactIds, List<Summary> contacts) {
        static Submitted of(List<Contact> contacts) {
            return new Submitted(contacts.get(0).submissionId, contacts.stream().map(c -> c.id).toList(),
                    contacts.stream().map(Summary::of).toList());
        }
    }

    public record Summary(UUID id, UUID submissionId, String agency, String channel, String sourceCode,
                          OffsetDateTime receivedAt, String childFirstName, String childLastName,
                          LocalDate childDateOfBirth, LocalDate childExpectedDateOfBirth, boolean immediateDanger,
                          ContactStatus status, String outcome, OffsetDateTime decidedAt) {
        static Summary of(Contact c) {
            return new Summary(c.id, c.submissionId, c.agency, c.channel, c.sourceCode, c.receivedAt, c.childFirstName,
                    c.childLastName, c.childDateOfBirth, c.childExpectedBirth, c.immediateDanger, c.status, c.outcome,
                    c.decidedAt);
        }
    }

    /**
     * A contact, its timeline, the submission and what was added to it; {@code freshness} says how far behind the
     * triage events (case opened, decided) this service is, so "received" is not read as "no decision yet" when the
     * decision is still on its way.
     */
    public record Detail(Summary contact, List<Timeline.Step> timeline, Object submission, List<AmendmentView> amendments,
                         org.mash.platform.freshness.Freshness.View freshness) {
    }

    public record AmendmentView(UUID id, String kind, String text, String amendedBy, String agency, OffsetDateTime amendedAt) {
        static AmendmentView of(org.mash.contacts.repository.ContactAmendment a) {
            return new AmendmentView(a.id, a.kind, a.text, a.amendedBy, a.agency, a.amendedAt);
        }
    }

    public record Page(int page, int size, List<Summary> items) {
    }
}

package org.mash.contacts.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.contacts.domain.ContactAccess;
import org.mash.contacts.domain.ContactStatus;
import org.mash.contacts.domain.ContactSubmission;
import org.mash.contacts.domain.NhsNumber;
import org.mash.contacts.domain.Timeline;
import org.mash.contacts.domain.Violation;
import org.mash.contacts.events.ContactEvents;
import org.mash.contacts.repository.Contact;
import org.mash.contacts.repository.ContactAccessLog;
import org.mash.platform.outbox.Outbox;
import org.mash.platform.problem.Problem;
import org.mash.platform.problem.ProblemException;

/** Receives contacts, answers the referrer's questions about them, and follows them through triage. */
@ApplicationScoped
public class ContactService {

    private static final Logger LOG = Logger.getLogger(ContactService.class);
    /** Dates (age, "in the future") are judged on the local calendar of the MASH. */
    static final ZoneId MASH_ZONE = ZoneId.of("Europe/London");

    /** Who is asking, as the service needs it. */
    public record Requester(String username, String agency, Set<String> roles) {
    }

    private final ContactCodes codes;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;

    public ContactService(ContactCodes codes, Outbox outbox, Clock clock, ObjectMapper json) {
        this.codes = codes;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Stores one contact per child and, in the same transaction, the {@code contact-received} events.
     * Nothing is stored if any rule is broken.
     */
    @WithTransaction
    public Uni<List<Contact>> submit(ContactSubmission submission, Requester requester) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        LocalDate today = now.atZoneSameInstant(MASH_ZONE).toLocalDate();
        List<Violation> violations = codes.rules().check(submission, today);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations.stream()
                    .map(v -> new Problem.FieldError(v.field(), v.rule(), v.message())).toList()));
        }
        UUID submissionId = UUID.randomUUID();
        List<UUID> ids = submission.children().stream().map(c -> UUID.randomUUID()).toList();
        List<Contact> contacts = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < ids.size(); i++) {
            ContactSubmission.Child child = submission.children().get(i);
            UUID id = ids.get(i);
            List<UUID> siblings = ids.stream().filter(other -> !other.equals(id)).toList();
            ContactEvents.ContactReceivedV1 event = ContactEvents.received(id, submissionId, siblings, now,
                    requester.agency(), submission, child, NhsNumber.normalise(child.nhsNumber()));
            Contact contact = newContact(event, requester, submission);
            contacts.add(contact);
            chain = chain.chain(() -> contact.persist())
                    .chain(() -> outbox.publish(ContactEvents.TOPIC, id.toString(), ContactEvents.CONTACT_RECEIVED,
                            id.toString(), event))
                    .replaceWithVoid();
        }
        return chain.invoke(() -> LOG.infof("received %d contact(s) in submission %s from agency %s",
                contacts.size(), submissionId, requester.agency())).replaceWith(contacts);
    }

    /** A contact the requester may see, with the read recorded in the access log; else 404. */
    @WithTransaction
    public Uni<Contact> read(UUID id, Requester requester) {
        return Contact.<Contact>findById(id).chain(contact -> {
            if (contact == null || !ContactAccess.maySee(requester.roles(), requester.agency(), contact.agency)) {
                return Uni.createFrom().failure(ProblemException.notFound("no contact " + id + " that you may see"));
            }
            return logAccess(contact, requester, "READ").replaceWith(contact);
        });
    }

    /** The contacts the requester may see, newest first. */
    @WithSession
    public Uni<List<Contact>> list(Requester requester, ContactStatus status, OffsetDateTime from, OffsetDateTime to,
                                   int page, int size) {
        String agency = ContactAccess.listScope(requester.roles(), requester.agency());
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (agency != null) {
            query.append(" and agency = :agency");
            params.and("agency", agency);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (from != null) {
            query.append(" and receivedAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            query.append(" and receivedAt < :to");
            params.and("to", to);
        }
        return Contact.<Contact>find(query.toString(), Sort.descending("receivedAt"), params)
                .page(Page.of(page, size)).list();
    }

    /** Call inside a transaction: the triage service has opened a case for the contact. */
    public Uni<Void> markInTriage(UUID contactId, UUID caseId, OffsetDateTime at) {
        return Contact.<Contact>findById(contactId).invoke(contact -> {
            if (contact == null) {
                LOG.warnf("triage opened case %s for unknown contact %s", caseId, contactId);
                return;
            }
            contact.triageCaseId = caseId;
            contact.inTriageAt = at;
            contact.status = Timeline.advance(contact.status, ContactStatus.IN_TRIAGE);
        }).replaceWithVoid();
    }

    /** Call inside a transaction: a manager has authorised the decision on the contact. */
    public Uni<Void> recordOutcome(UUID contactId, String outcome, OffsetDateTime decidedAt) {
        return Contact.<Contact>findById(contactId).invoke(contact -> {
            if (contact == null) {
                LOG.warnf("triage decided unknown contact %s", contactId);
                return;
            }
            contact.outcome = outcome;
            contact.decidedAt = decidedAt;
            contact.status = ContactStatus.DECIDED;
        }).replaceWithVoid();
    }

    private Contact newContact(ContactEvents.ContactReceivedV1 event, Requester requester, ContactSubmission submission) {
        Contact contact = new Contact();
        contact.id = event.contactId();
        contact.submissionId = event.submissionId();
        contact.agency = requester.agency();
        contact.submittedBy = requester.username();
        contact.channel = event.channel();
        contact.sourceCode = submission.sourceCode();
        contact.receivedAt = event.receivedAt();
        contact.childFirstName = event.child().firstName();
        contact.childLastName = event.child().lastName();
        contact.childDateOfBirth = event.child().dateOfBirth();
        contact.childExpectedBirth = event.child().expectedDateOfBirth();
        contact.immediateDanger = event.immediateDanger();
        contact.details = toJson(event);
        contact.status = ContactStatus.RECEIVED;
        return contact;
    }

    private Uni<Void> logAccess(Contact contact, Requester requester, String action) {
        ContactAccessLog entry = new ContactAccessLog();
        entry.contactId = contact.id;
        entry.username = requester.username();
        entry.agency = requester.agency();
        entry.roles = String.join(",", requester.roles().stream().sorted().toList());
        entry.action = action;
        entry.at = OffsetDateTime.now(clock);
        return entry.persist().replaceWithVoid();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored submission of a contact, as received. */
    public Map<String, Object> details(Contact contact) {
        try {
            return json.readValue(contact.details, json.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

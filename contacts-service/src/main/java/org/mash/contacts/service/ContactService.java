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
import org.mash.contacts.domain.Amendment;
import org.mash.contacts.domain.ContactAccess;
import org.mash.contacts.domain.ContactStatus;
import org.mash.contacts.domain.ContactSubmission;
import org.mash.contacts.domain.Idempotency;
import org.mash.contacts.domain.NhsNumber;
import org.mash.contacts.domain.Timeline;
import org.mash.contacts.domain.Violation;
import org.mash.contacts.events.ContactContract;
import org.mash.contacts.events.ContactEvents;
import org.mash.contacts.repository.AgencyCallback;
import org.mash.contacts.repository.CallbackDelivery;
import org.mash.contacts.repository.Contact;
import org.mash.contacts.repository.ContactAmendment;
import org.mash.contacts.repository.IdempotencyKey;
import org.mash.platform.audit.AccessLog;
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
    private final AccessLog accessLog;

    public ContactService(ContactCodes codes, Outbox outbox, Clock clock, ObjectMapper json, AccessLog accessLog) {
        this.codes = codes;
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.clock = clock;
        this.json = json;
    }

    /** The contacts of a submission, and whether they were stored now or earlier under the same idempotency key. */
    public record Submitted(List<Contact> contacts, boolean replayed) {
    }

    /**
     * Stores one contact per child and, in the same transaction, the {@code contact-received} events.
     * Nothing is stored if any rule is broken. With an idempotency key, a repeat of the same request answers
     * with the contacts stored the first time (also when two copies race: the loser replays the winner's).
     */
    public Uni<Submitted> submit(ContactSubmission submission, Requester requester, String idempotencyKey) {
        Idempotency.checkKey(idempotencyKey).ifPresent(v -> {
            throw ProblemException.invalid(List.of(new Problem.FieldError(v.field(), v.rule(), v.message())));
        });
        String fingerprint = Idempotency.fingerprint(toJson(submission));
        return submitOnce(submission, requester, idempotencyKey, fingerprint)
                .onFailure(ContactService::isDuplicateKey)
                .recoverWithUni(() -> replay(requester.agency(), idempotencyKey, fingerprint)
                        .map(replayed -> replayed.orElseThrow(() -> new IllegalStateException("idempotency key lost"))));
    }

    @WithTransaction
    Uni<Submitted> submitOnce(ContactSubmission submission, Requester requester, String idempotencyKey, String fingerprint) {
        Uni<java.util.Optional<Submitted>> earlier = idempotencyKey == null
                ? Uni.createFrom().item(java.util.Optional.empty())
                : replayInSession(requester.agency(), idempotencyKey, fingerprint);
        return earlier.chain(replayed -> replayed.isPresent()
                ? Uni.createFrom().item(replayed.get())
                : store(submission, requester, idempotencyKey, fingerprint));
    }

    @WithSession
    Uni<java.util.Optional<Submitted>> replay(String agency, String idempotencyKey, String fingerprint) {
        return replayInSession(agency, idempotencyKey, fingerprint);
    }

    private Uni<java.util.Optional<Submitted>> replayInSession(String agency, String idempotencyKey, String fingerprint) {
        return IdempotencyKey.<IdempotencyKey>findById(new IdempotencyKey.Id(agency, idempotencyKey)).chain(stored -> {
            if (stored == null) {
                return Uni.createFrom().item(java.util.Optional.<Submitted>empty());
            }
            if (Idempotency.onRepeat(stored.requestHash, fingerprint) == Idempotency.Outcome.KEY_REUSED_FOR_ANOTHER_REQUEST) {
                return Uni.createFrom().failure(new ProblemException(Problem.of(422, "Idempotency key reused",
                        "the Idempotency-Key '" + idempotencyKey + "' was used for a different request on "
                                + stored.createdAt + "; use a new key for a new submission",
                        List.of(new Problem.FieldError("Idempotency-Key", "same-key-same-request",
                                "this key belongs to another request")))));
            }
            return Contact.<Contact>list("submissionId", Sort.ascending("id"), stored.submissionId)
                    .map(contacts -> java.util.Optional.of(new Submitted(contacts, true)));
        });
    }

    private Uni<Submitted> store(ContactSubmission submission, Requester requester, String idempotencyKey, String fingerprint) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        LocalDate today = now.atZoneSameInstant(MASH_ZONE).toLocalDate();
        List<Violation> violations = new ArrayList<>(codes.rules().check(submission, today));
        ContactAccess.checkChannel(requester.roles(), submission.channel()).ifPresent(violations::add);
        UUID submissionId = UUID.randomUUID();
        List<UUID> ids = submission.children().stream().map(c -> UUID.randomUUID()).toList();
        List<ContactEvents.ContactReceivedV1> events = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            ContactSubmission.Child child = submission.children().get(i);
            events.add(ContactEvents.received(id, submissionId, ids.stream().filter(other -> !other.equals(id)).toList(),
                    now, requester.agency(), submission, child, NhsNumber.normalise(child.nhsNumber())));
            // the limits every consumer's store has, from the published schema: refused here, never downstream
            Set<String> flagged = violations.stream().map(Violation::field).collect(java.util.stream.Collectors.toSet());
            ContactContract.check(events.get(i), i).stream().filter(v -> !flagged.contains(v.field())).forEach(violations::add);
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations.stream().distinct()
                    .map(v -> new Problem.FieldError(v.field(), v.rule(), v.message())).toList()));
        }
        List<Contact> contacts = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (idempotencyKey != null) {
            IdempotencyKey key = new IdempotencyKey();
            key.id = new IdempotencyKey.Id(requester.agency(), idempotencyKey);
            key.requestHash = fingerprint;
            key.submissionId = submissionId;
            key.createdAt = now;
            chain = key.persist().replaceWithVoid();
        }
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            ContactEvents.ContactReceivedV1 event = events.get(i);
            Contact contact = newContact(event, requester, submission);
            contacts.add(contact);
            chain = chain.chain(() -> contact.persist())
                    .chain(() -> outbox.publish(ContactEvents.TOPIC, id.toString(), ContactEvents.CONTACT_RECEIVED,
                            id.toString(), event))
                    .replaceWithVoid();
        }
        return chain.chain(() -> Contact.getSession().chain(session -> session.flush()))
                .invoke(() -> LOG.infof("received %d contact(s) in submission %s from agency %s",
                        contacts.size(), submissionId, requester.agency()))
                .replaceWith(new Submitted(contacts, false));
    }

    /** A concurrent request with the same idempotency key committed first. */
    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("idempotency_key_pkey") || message.contains("23505")) {
                return true;
            }
        }
        return false;
    }

    /** A contact the requester may see, with the read recorded in the access log; else 404. */
    @WithTransaction
    public Uni<Contact> read(UUID id, Requester requester) {
        return Contact.<Contact>findById(id).chain(contact -> {
            if (contact == null || !ContactAccess.maySee(requester.roles(), requester.agency(), contact.agency)) {
                return Uni.createFrom().failure(ProblemException.notFound("no contact " + id + " that you may see"));
            }
            Uni<Void> informed = Timeline.informsReferrer(contact.status, contact.referrerInformedAt,
                    ContactAccess.isReferringAgency(requester.roles(), requester.agency(), contact.agency))
                    ? referrerInformed(contact, "VIEW") : Uni.createFrom().voidItem();
            return accessLog.record("contact", contact.id, requester.username(), requester.agency(), requester.roles(), "READ")
                    .chain(() -> informed).replaceWith(contact);
        });
    }

    /** Adds information to a contact the requester may see; the contact is unchanged, triage is told. */
    @WithTransaction
    public Uni<ContactAmendment> amend(UUID contactId, Amendment amendment, Requester requester) {
        return Contact.<Contact>findById(contactId).chain(contact -> {
            if (contact == null || !ContactAccess.maySee(requester.roles(), requester.agency(), contact.agency)) {
                return Uni.createFrom().failure(ProblemException.notFound("no contact " + contactId + " that you may see"));
            }
            ContactAmendment row = new ContactAmendment();
            row.id = UUID.randomUUID();
            row.contactId = contactId;
            row.kind = amendment.kind().name();
            row.text = amendment.text();
            row.amendedBy = requester.username();
            row.agency = requester.agency();
            row.role = Amendment.amendingRole(requester.roles());
            row.amendedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            ContactEvents.ContactAmendedV1 event = new ContactEvents.ContactAmendedV1(contactId, row.id, row.amendedAt,
                    row.kind, row.text, row.agency, row.role);
            List<Violation> broken = ContactContract.check(event);
            if (!broken.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid(broken.stream()
                        .map(v -> new Problem.FieldError(v.field(), v.rule(), v.message())).toList()));
            }
            return row.persist()
                    .chain(() -> outbox.publish(ContactEvents.TOPIC, contactId.toString(), ContactEvents.CONTACT_AMENDED,
                            contactId.toString(), event))
                    .replaceWith(row);
        });
    }

    /** The amendments of a contact, oldest first (call after {@link #read}, which checks access). */
    @WithSession
    public Uni<List<ContactAmendment>> amendments(UUID contactId) {
        return ContactAmendment.list("contactId", Sort.ascending("amendedAt"), contactId);
    }

    /** The contacts the requester may see, newest first; each one listed is an entry in the access log. */
    @WithTransaction
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
                .page(Page.of(page, size)).list()
                .call(contacts -> {
                    Uni<Void> logged = Uni.createFrom().voidItem();
                    for (Contact c : contacts) {
                        logged = logged.chain(() -> accessLog.record("contact", c.id, requester.username(),
                                requester.agency(), requester.roles(), "LIST"));
                    }
                    return logged;
                });
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
        return Contact.<Contact>findById(contactId).chain(contact -> {
            if (contact == null) {
                LOG.warnf("triage decided unknown contact %s", contactId);
                return Uni.createFrom().voidItem();
            }
            contact.outcome = outcome;
            contact.decidedAt = decidedAt;
            contact.status = Timeline.advance(contact.status, ContactStatus.DECIDED);
            return AgencyCallback.<AgencyCallback>findById(contact.agency)
                    .chain(callback -> callback == null ? Uni.createFrom().voidItem() : scheduleNotification(contact, callback));
        });
    }

    /**
     * Call inside a transaction: the referrer now knows the outcome. Recorded once, with a status event, by a
     * conditional update, so a read and an acknowledged callback at the same moment cannot both count.
     */
    public Uni<Void> referrerInformed(Contact contact, String how) {
        if (contact.referrerInformedAt != null) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return Contact.update("referrerInformedAt = ?1, referrerInformedHow = ?2 where id = ?3 and referrerInformedAt is null",
                now, how, contact.id).chain(updated -> {
                    if (updated == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    contact.referrerInformedAt = now;
                    contact.referrerInformedHow = how;
                    ContactEvents.ReferrerInformedV1 event = new ContactEvents.ReferrerInformedV1(contact.id, contact.agency,
                            contact.outcome, contact.decidedAt, now, how);
                    return outbox.publish(ContactEvents.STATUS_TOPIC, contact.id.toString(), ContactEvents.REFERRER_INFORMED,
                            contact.id.toString(), event).replaceWithVoid();
                });
    }

    private Uni<Void> scheduleNotification(Contact contact, AgencyCallback callback) {
        CallbackDelivery delivery = new CallbackDelivery();
        delivery.id = UUID.randomUUID();
        delivery.contactId = contact.id;
        delivery.agency = contact.agency;
        delivery.url = callback.url;
        delivery.payload = toJson(new ContactEvents.OutcomeNotification(delivery.id, contact.id, contact.submissionId,
                contact.outcome, contact.decidedAt));
        delivery.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        delivery.nextAttemptAt = delivery.createdAt;
        return delivery.persist().replaceWithVoid();
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

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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.contacts.domain.Amendment;
import org.mash.contacts.domain.ContactAccess;
import org.mash.contacts.domain.ContactStatus;
import org.mash.contacts.domain.Idempotency;
import org.mash.contacts.domain.Timeline;
import org.mash.contacts.domain.Violation;
import org.mash.contacts.events.ContactContract;
import org.mash.contacts.events.ContactEvents;
import org.mash.contacts.repository.AgencyCallback;
import org.mash.contacts.repository.CallbackDelivery;
import org.mash.contacts.repository.Contact;
import org.mash.contacts.repository.ContactAmendment;
import org.mash.platform.audit.AccessLog;
import org.mash.platform.outbox.Outbox;
import org.mash.platform.problem.Problem;
import org.mash.platform.problem.ProblemException;

/** Answers the referrer's questions about contacts, takes amendments, and follows contacts through triage (intake: {@link ContactIntake}). */
@ApplicationScoped
public class ContactService {

    private static final Logger LOG = Logger.getLogger(ContactService.class);
    /** Dates (age, "in the future") are judged on the local calendar of the MASH. */
    static final ZoneId MASH_ZONE = ZoneId.of("Europe/London");

    /** Who is asking, as the service needs it. */
    public record Requester(String username, String agency, Set<String> roles) {
    }

    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;
    private final AccessLog accessLog;

    public ContactService(Outbox outbox, Clock clock, ObjectMapper json, AccessLog accessLog) {
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.clock = clock;
        this.json = json;
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
                    row.kind, row.text, row.agency, row.role, row.amendedBy);
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

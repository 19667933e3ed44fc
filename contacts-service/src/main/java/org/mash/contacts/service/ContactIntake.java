package org.mash.contacts.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.contacts.domain.ContactAccess;
import org.mash.contacts.domain.ContactStatus;
import org.mash.contacts.domain.ContactSubmission;
import org.mash.contacts.domain.Idempotency;
import org.mash.contacts.domain.NhsNumber;
import org.mash.contacts.domain.Violation;
import org.mash.contacts.events.ContactContract;
import org.mash.contacts.events.ContactEvents;
import org.mash.contacts.repository.Contact;
import org.mash.contacts.repository.IdempotencyKey;
import org.mash.platform.failure.Failures;
import org.mash.platform.outbox.Outbox;
import org.mash.platform.problem.Problem;
import org.mash.platform.problem.ProblemException;

/**
 * Takes contacts in: checks a submission against the rules (ContactRules) and against the limits of every consumer's
 * store (the event schema: {@link ContactContract}), then stores one contact per child with its
 * {@code contact-received} event, once per idempotency key.
 */
@ApplicationScoped
public class ContactIntake {

    private static final Logger LOG = Logger.getLogger(ContactIntake.class);
    private static final java.time.Duration RETRY_FIRST = java.time.Duration.ofMillis(300);
    private static final java.time.Duration RETRY_MAX = java.time.Duration.ofSeconds(2);
    private static final int RETRIES = 4;

    private final ContactCodes codes;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;

    public ContactIntake(ContactCodes codes, Outbox outbox, Clock clock, ObjectMapper json) {
        this.codes = codes;
        this.outbox = outbox;
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
    public Uni<Submitted> submit(ContactSubmission submission, ContactService.Requester requester, String idempotencyKey) {
        Idempotency.checkKey(idempotencyKey).ifPresent(v -> {
            throw ProblemException.invalid(List.of(new Problem.FieldError(v.field(), v.rule(), v.message())));
        });
        String fingerprint = Idempotency.fingerprint(toJson(submission));
        // the transaction boundary: one transaction stores the key, the contacts and their events, or nothing
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> submitOnce(submission, requester, idempotencyKey, fingerprint)))
                // with a key, a try cut short by the database (a restart, a lost connection) is tried again here, as the
                // partner would: if it had committed, the next try replays it; the partner sees a 503 only if it lasts
                .onFailure(failure -> idempotencyKey != null && Failures.isTransient(failure))
                .retry().withBackOff(RETRY_FIRST, RETRY_MAX).atMost(RETRIES)
                .onFailure(ContactIntake::isDuplicateKey)
                .recoverWithUni(() -> replay(requester.agency(), idempotencyKey, fingerprint)
                        .map(replayed -> replayed.orElseThrow(() -> new IllegalStateException("idempotency key lost"))));
    }

    private Uni<Submitted> submitOnce(ContactSubmission submission, ContactService.Requester requester, String idempotencyKey, String fingerprint) {
        Uni<java.util.Optional<Submitted>> earlier = idempotencyKey == null
                ? Uni.createFrom().item(java.util.Optional.empty())
                : replayInSession(requester.agency(), idempotencyKey, fingerprint);
        return earlier.chain(replayed -> replayed.isPresent()
                ? Uni.createFrom().item(replayed.get())
                : store(submission, requester, idempotencyKey, fingerprint));
    }

    private Uni<java.util.Optional<Submitted>> replay(String agency, String idempotencyKey, String fingerprint) {
        return Panache.withSession(() -> replayInSession(agency, idempotencyKey, fingerprint));
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
            return Contact.<Contact>list("submissionId", Sort.ascending("submissionPosition", "id"), stored.submissionId)
                    .map(contacts -> java.util.Optional.of(new Submitted(contacts, true)));
        });
    }

    private Uni<Submitted> store(ContactSubmission submission, ContactService.Requester requester, String idempotencyKey, String fingerprint) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        LocalDate today = now.atZoneSameInstant(ContactService.MASH_ZONE).toLocalDate();
        List<Violation> violations = new ArrayList<>(codes.rules().check(submission, today));
        ContactAccess.checkChannel(requester.roles(), submission.channel()).ifPresent(violations::add);
        UUID submissionId = UUID.randomUUID();
        List<UUID> ids = submission.children().stream().map(c -> UUID.randomUUID()).toList();
        List<ContactEvents.ContactReceivedV1> events = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            ContactSubmission.Child child = submission.children().get(i);
            events.add(ContactEvents.received(id, submissionId, ids.stream().filter(other -> !other.equals(id)).toList(),
                    now, requester.agency(), requester.username(), submission, child, NhsNumber.normalise(child.nhsNumber())));
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
            contact.submissionPosition = (short) i;
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

    private Contact newContact(ContactEvents.ContactReceivedV1 event, ContactService.Requester requester, ContactSubmission submission) {
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
}

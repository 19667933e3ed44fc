package org.mash.triage.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.platform.events.MalformedEventException;
import org.mash.platform.outbox.Outbox;
import org.mash.triage.domain.AgeBand;
import org.mash.triage.domain.CaseAction;
import org.mash.triage.domain.CaseStatus;
import org.mash.triage.domain.Names;
import org.mash.triage.domain.Rag;
import org.mash.triage.domain.Rerating;
import org.mash.triage.events.ContactAmended;
import org.mash.triage.events.ContactReceived;
import org.mash.triage.events.TriageEvents;
import org.mash.triage.repository.CaseAmendment;
import org.mash.triage.repository.HouseholdMember;
import org.mash.triage.repository.RagRating;
import org.mash.triage.repository.TriageCase;

/**
 * Every contact received becomes a case in the queue (with its suggested RAG, due times, household and the referrer's
 * consent), and what a partner adds to a contact later shows on its case. Called by the contact-events consumer inside
 * the inbox's transaction.
 */
@ApplicationScoped
public class CaseIntake {

    private static final Logger LOG = Logger.getLogger(CaseIntake.class);

    private final TriageRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final CaseActivities activities;
    private final ReferrerConsent referrerConsent;
    private final ChildIndex children;

    public CaseIntake(TriageRules rules, Outbox outbox, Clock clock, CaseActivities activities,
                      ReferrerConsent referrerConsent, ChildIndex children) {
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.activities = activities;
        this.referrerConsent = referrerConsent;
        this.children = children;
    }

    /** Call inside a transaction: a contact was received; it enters the queue with a suggested RAG and due times. */
    public Uni<Void> open(ContactReceived contact, String record) {
        return TriageCase.count("contactId", contact.contactId()).chain(existing -> {
            if (existing > 0) {
                LOG.infof("contact %s already has a case", contact.contactId());
                return Uni.createFrom().voidItem();
            }
            TriageCase c = newCase(contact, record);
            TriageEvents.CaseOpenedV1 event = new TriageEvents.CaseOpenedV1(c.id, c.contactId, c.submissionId,
                    c.receivedAt, c.openedAt, c.sourceCode, contact.concernCodes(), c.rag.name(), c.dueAt,
                    c.oneWorkingDayDueAt, c.childRef,
                    AgeBand.of(c.childDateOfBirth, c.receivedAt.atZoneSameInstant(rules.zone()).toLocalDate()),
                    c.childSex, c.childEthnicity, c.agency);
            RagRating suggestion = RagRating.of(c.id, c.ragSuggested,
                    Rerating.suggestionRationale(contact.immediateDanger(), contact.referrerUrgency()), CaseActivities.SYSTEM, now());
            List<HouseholdMember> household = household(contact, c);
            return children.assign(c).chain(link -> c.persist().chain(() -> link.persist()))
                    .chain(() -> suggestion.persist())
                    .chain(() -> household.isEmpty() ? Uni.createFrom().voidItem()
                            : HouseholdMember.persist(household).replaceWithVoid())
                    .chain(() -> activities.record(c.id, CaseAction.RECEIVED, ReferrerConsent.submitter(contact),
                            "referrer", c.receivedAt, ReferrerConsent.receivedDetail(contact)))
                    .chain(() -> referrerConsent.carry(c, contact))
                    .chain(() -> activities.record(c.id, CaseAction.RATED, CaseActivities.SYSTEM, CaseActivities.SYSTEM,
                            suggestion.ratedAt, c.rag + ": " + suggestion.rationale))
                    .chain(() -> outbox.publish(TriageEvents.TOPIC, c.contactId.toString(), TriageEvents.CASE_OPENED,
                            c.id.toString(), event))
                    .invoke(() -> LOG.infof("case %s opened for contact %s, %s due %s", c.id, c.contactId, c.rag, c.dueAt))
                    .replaceWithVoid();
        });
    }

    /** Call inside a transaction: information was added to the contact; it shows on the case. */
    public Uni<Void> addAmendment(ContactAmended amended) {
        return TriageCase.<TriageCase>find("contactId", amended.contactId()).firstResult().chain(c -> {
            if (c == null) {
                // contact-received comes first on the same partition; without it the amendment cannot be applied
                // and waiting would block the topic, so it goes to the dead-letter topic for an operator
                return Uni.createFrom().failure(new MalformedEventException(
                        "amendment " + amended.amendmentId() + " for contact " + amended.contactId() + " which has no case"));
            }
            CaseAmendment row = new CaseAmendment();
            row.id = amended.amendmentId();
            row.caseId = c.id;
            row.kind = amended.kind();
            row.text = amended.text();
            row.agency = amended.agency();
            row.amendedByRole = amended.amendedByRole();
            row.amendedAt = amended.amendedAt();
            return row.persist().chain(() -> activities.record(c.id, CaseAction.AMENDED, amended.who(), row.amendedByRole,
                    row.amendedAt.withOffsetSameInstant(ZoneOffset.UTC),
                    row.kind + " (" + row.agency + "): " + row.text));
        });
    }

    private static String postcode(com.fasterxml.jackson.databind.JsonNode address) {
        return address == null || !address.hasNonNull("postcode") ? null : address.get("postcode").asText();
    }

    /** The household named in the contact; a member without an address of their own who lives with the child has the child's postcode. */
    private static List<HouseholdMember> household(ContactReceived contact, TriageCase c) {
        if (contact.household() == null) {
            return List.of();
        }
        return contact.household().stream()
                .filter(m -> m.firstName() != null && m.lastName() != null && m.relationship() != null)
                .map(m -> {
                    HouseholdMember h = new HouseholdMember();
                    h.id = UUID.randomUUID();
                    h.caseId = c.id;
                    h.receivedAt = c.receivedAt;
                    h.firstName = m.firstName();
                    h.lastName = m.lastName();
                    h.firstNorm = Names.normalise(m.firstName());
                    h.lastNorm = Names.normalise(m.lastName());
                    h.dateOfBirth = m.dateOfBirth();
                    h.relationship = m.relationship();
                    String own = Names.postcode(postcode(m.address()));
                    h.postcodeNorm = own != null ? own : Boolean.FALSE.equals(m.livesWithChild()) ? null : c.childPostcodeNorm;
                    return h;
                }).toList();
    }

    private TriageCase newCase(ContactReceived contact, String record) {
        ContactReceived.Child child = contact.child();
        Rag suggested = Rag.suggest(contact.immediateDanger(), contact.referrerUrgency());
        Instant received = contact.receivedAt().toInstant();
        TriageCase c = new TriageCase();
        c.id = UUID.randomUUID();
        c.contactId = contact.contactId();
        c.submissionId = contact.submissionId();
        c.receivedAt = contact.receivedAt().withOffsetSameInstant(ZoneOffset.UTC);
        c.openedAt = now();
        c.sourceCode = contact.sourceCode();
        c.agency = contact.agency();
        c.concernCodes = String.join(",", contact.concernCodes());
        c.description = contact.description();
        c.immediateDanger = contact.immediateDanger();
        c.ragSuggested = suggested;
        c.rag = suggested;
        c.dueAt = rules.targets().ragDue(received, suggested).atOffset(ZoneOffset.UTC);
        c.oneWorkingDayDueAt = rules.targets().oneWorkingDayDue(received).atOffset(ZoneOffset.UTC);
        c.childRef = rules.childRef().of(child.nhsNumber(), child.firstName(), child.lastName(), child.dateOfBirth(),
                child.expectedDateOfBirth());
        c.childFirstName = child.firstName();
        c.childLastName = child.lastName();
        c.childDateOfBirth = child.dateOfBirth();
        c.childExpectedBirth = child.expectedDateOfBirth();
        c.childSex = child.sex();
        c.childEthnicity = child.ethnicity();
        c.childNhsNumber = Names.nhsNumber(child.nhsNumber());
        c.childUpn = child.upn();
        c.childUpnUnknown = child.upnUnknown();
        c.childDisabilities = child.disabilityCodes() == null ? null : String.join(",", child.disabilityCodes());
        c.childAddress = child.address() == null || child.address().isNull() ? null : child.address().toString();
        c.childFirstNorm = Names.normalise(child.firstName());
        c.childLastNorm = Names.normalise(child.lastName());
        c.childPostcodeNorm = Names.postcode(postcode(child.address()));
        c.contactRecord = record;
        c.status = CaseStatus.OPEN;
        return c;
    }
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

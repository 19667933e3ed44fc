package org.mash.triage.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.mash.triage.events.StrategyOutcomes;
import org.mash.triage.repository.CaseDiscussion;
import org.mash.triage.repository.CaseEnquiry;
import org.mash.triage.repository.TriageCase;

/**
 * Keeps with each case what the strategy discussions decided about its child: the discussion (opened, held, the
 * decision for this child, a later decision superseding it) and each section 47 enquiry (started, concluded, the ICPC
 * held, withdrawn). Called inside the inbox's transaction, once per event. Each event fills in what it knows, so a
 * fact is complete whatever order a replay brings its events in.
 */
@ApplicationScoped
public class StrategyFacts {

    /** What the child's page and the returns read of a case. */
    public record OfCase(List<CaseDiscussion> discussions, List<CaseEnquiry> enquiries) {
    }

    public Uni<Void> opened(StrategyOutcomes.DiscussionOpened e) {
        return discussion(e.discussionId(), e.contactId(), d -> {
            d.openedAt = e.openedAt().withOffsetSameInstant(ZoneOffset.UTC);
            d.dueAt = e.dueAt().withOffsetSameInstant(ZoneOffset.UTC);
        });
    }

    public Uni<Void> held(StrategyOutcomes.DiscussionHeld e) {
        return discussion(e.discussionId(), e.contactId(), d -> {
            d.heldAt = e.heldAt().withOffsetSameInstant(ZoneOffset.UTC);
            d.dueAt = e.dueAt().withOffsetSameInstant(ZoneOffset.UTC);
            if (d.supersededAt == null) {
                d.outcome = e.outcome();
            }
        });
    }

    public Uni<Void> superseded(StrategyOutcomes.DecisionSuperseded e) {
        return discussion(e.discussionId(), e.contactId(), d -> {
            if (d.supersededAt == null || !e.supersededAt().isBefore(d.supersededAt)) {
                d.outcome = e.outcome();
                d.supersededAt = e.supersededAt().withOffsetSameInstant(ZoneOffset.UTC);
            }
        });
    }

    public Uni<Void> started(StrategyOutcomes.S47Started e) {
        return enquiry(e.enquiryId(), e.discussionId(), e.contactId(), e.startedOn(), en -> {
            en.icpcTarget = e.icpcTargetDate();
            en.joint = e.joint();
        });
    }

    public Uni<Void> concluded(StrategyOutcomes.S47Concluded e) {
        return enquiry(e.enquiryId(), e.discussionId(), e.contactId(), e.startedOn(), en -> {
            en.icpcTarget = e.icpcTargetDate();
            en.concludedOn = e.concludedOn();
            en.outcomeCode = e.outcomeCode();
            en.icpcRequired = e.icpcRequired();
        });
    }

    public Uni<Void> withdrawn(StrategyOutcomes.S47Withdrawn e) {
        return enquiry(e.enquiryId(), e.discussionId(), e.contactId(), e.startedOn(),
                en -> en.withdrawnAt = e.withdrawnAt().withOffsetSameInstant(ZoneOffset.UTC));
    }

    public Uni<Void> icpcHeld(StrategyOutcomes.IcpcHeld e) {
        return enquiry(e.enquiryId(), e.discussionId(), e.contactId(), e.startedOn(), en -> {
            en.icpcTarget = e.icpcTargetDate();
            en.icpcHeldOn = e.heldOn();
            en.icpcRequired = true;
        });
    }

    /** The discussions and enquiries of these cases, oldest first. */
    public Uni<OfCase> of(List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(new OfCase(List.of(), List.of()));
        }
        return CaseDiscussion.<CaseDiscussion>list("caseId in ?1 order by openedAt nulls last, heldAt, id", caseIds)
                .chain(discussions -> CaseEnquiry.<CaseEnquiry>list("caseId in ?1 order by startedOn, enquiryId", caseIds)
                        .map(enquiries -> new OfCase(discussions, enquiries)));
    }

    private Uni<Void> discussion(UUID discussionId, UUID contactId, Consumer<CaseDiscussion> change) {
        return caseOf(contactId).chain(c -> CaseDiscussion.<CaseDiscussion>find("discussionId = ?1 and caseId = ?2",
                discussionId, c.id).firstResult().chain(found -> {
            CaseDiscussion d = found;
            if (d == null) {
                d = new CaseDiscussion();
                d.id = UUID.randomUUID();
                d.discussionId = discussionId;
                d.caseId = c.id;
            }
            change.accept(d);
            return found == null ? d.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        }));
    }

    private Uni<Void> enquiry(UUID enquiryId, UUID discussionId, UUID contactId, LocalDate startedOn,
                              Consumer<CaseEnquiry> change) {
        return caseOf(contactId).chain(c -> CaseEnquiry.<CaseEnquiry>findById(enquiryId).chain(found -> {
            CaseEnquiry en = found;
            if (en == null) {
                en = new CaseEnquiry();
                en.enquiryId = enquiryId;
                en.discussionId = discussionId;
                en.caseId = c.id;
                en.startedOn = startedOn;
            }
            change.accept(en);
            return found == null ? en.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        }));
    }

    /** The case whose contact the event names; an event about a contact this service never had is set aside. */
    private static Uni<TriageCase> caseOf(UUID contactId) {
        return TriageCase.<TriageCase>find("contactId", contactId).firstResult().onItem().ifNull()
                .failWith(() -> new IllegalStateException("no triage case for the contact the strategy event names"));
    }
}

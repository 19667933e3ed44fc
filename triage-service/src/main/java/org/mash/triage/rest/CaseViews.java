package org.mash.triage.rest;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.mash.triage.domain.CaseStatus;
import org.mash.triage.domain.ConsentStatus;
import org.mash.triage.domain.HistoryFlags;
import org.mash.triage.domain.HistoryMatching;
import org.mash.triage.service.HistoryService;
import org.mash.triage.domain.DecisionTargets;
import org.mash.triage.domain.Outcome;
import org.mash.triage.domain.Rag;
import org.mash.triage.repository.TriageCase;
import org.mash.triage.service.TriageService;

/** What the triage API answers. */
public final class CaseViews {

    private CaseViews() {
    }

    /** The child the case is about; {@code localChildId} names their record (GET /api/v1/triage/children/{id}). */
    public record Child(String localChildId, String firstName, String lastName, LocalDate dateOfBirth,
                        LocalDate expectedDateOfBirth) {
    }

    public record Proposal(Outcome outcome, String rationale, String primaryNeedCode, String proposedBy,
                           OffsetDateTime proposedAt, String returnComment) {
    }

    public record Decision(Outcome outcome, String authorisedBy, OffsetDateTime authorisedAt) {
    }

    /** One line of the queue: what is due, and how long is left (negative when overdue). */
    public record QueueItem(UUID id, UUID contactId, Child child, List<String> concernCodes, String concernSummary,
                            String sourceCode, String agency, Rag rag, OffsetDateTime receivedAt, OffsetDateTime dueAt,
                            long minutesLeft, boolean overdue, OffsetDateTime overdueFlaggedAt,
                            OffsetDateTime oneWorkingDayDueAt, CaseStatus status,
                            String assignee, int checksPending, int checksOverdue, Integer levelOfNeed,
                            ConsentStatus consentStatus, boolean consentOverridePending, Proposal proposal,
                            Decision decision) {

        static QueueItem of(TriageCase c, OffsetDateTime now) {
            long minutesLeft = Duration.between(now, c.dueAt).toMinutes();
            return new QueueItem(c.id, c.contactId,
                    new Child(c.childLocalId, c.childFirstName, c.childLastName, c.childDateOfBirth, c.childExpectedBirth),
                    TriageService.concernCodes(c), summary(c.description), c.sourceCode, c.agency, c.rag, c.receivedAt,
                    c.dueAt, minutesLeft, DecisionTargets.overdue(c.dueAt.toInstant(),
                    c.authorisedAt == null ? null : c.authorisedAt.toInstant(), now.toInstant()), c.overdueFlaggedAt,
                    c.oneWorkingDayDueAt, c.status, c.assignee, c.checksPending, c.checksOverdue, c.levelOfNeed,
                    c.consentStatus, c.consentPendingId != null,
                    c.proposedOutcome == null ? null : new Proposal(c.proposedOutcome, c.proposedRationale,
                            c.proposedPrimaryNeed, c.proposedBy, c.proposedAt, c.returnComment),
                    c.decidedOutcome == null ? null : new Decision(c.decidedOutcome, c.authorisedBy, c.authorisedAt));
        }

        private static String summary(String description) {
            return description.length() <= 200 ? description : description.substring(0, 197) + "...";
        }
    }

    /**
     * One case; {@code freshness} says how many contact events this service has yet to apply and the time of the
     * newest it applied: while it is catching up, an amendment may not show yet.
     */
    public record CaseDetail(QueueItem item, HistorySummary history, Object contact, List<Amendment> amendments,
                             List<Rating> ratings, List<CheckViews.CaseCheck> checks, List<NeedLevel> levelsOfNeed,
                             org.mash.platform.freshness.Freshness.View freshness) {
    }

    /** What the case shows of the child's history (details at .../history). */
    public record HistorySummary(boolean repeatContactWithin12Months, boolean previousReferralWithin12Months,
                                 int matches, long unconfirmedMatches) {
        static HistorySummary of(HistoryService.History h) {
            return new HistorySummary(h.flags().repeatContactWithin12Months(), h.flags().previousReferralWithin12Months(),
                    h.rows().size(), h.unconfirmed());
        }
    }

    /** A person in a case: its child, or a member of its household. */
    public record Person(String kind, String firstName, String lastName, LocalDate dateOfBirth, String relationship) {
        static Person child(TriageCase c) {
            return new Person("CHILD", c.childFirstName, c.childLastName, c.childDateOfBirth, null);
        }

        static Person member(org.mash.triage.repository.HouseholdMember m) {
            return new Person("HOUSEHOLD_MEMBER", m.firstName, m.lastName, m.dateOfBirth, m.relationship);
        }
    }

    /** The earlier case a match points to: when, what about, and what was decided. */
    public record EarlierCase(UUID caseId, UUID contactId, OffsetDateTime receivedAt, List<String> concernCodes,
                              String agency, CaseStatus status, Outcome outcome, boolean referral,
                              OffsetDateTime authorisedAt) {
    }

    public record HistoryEntry(UUID id, Person subject, Person matchedPerson, EarlierCase earlierCase, String method,
                               double confidence, HistoryMatching.Band band, HistoryFlags.MatchStatus status,
                               String decidedBy, OffsetDateTime decidedAt, boolean within12Months) {
    }

    /** The history of a case: the flags, and every match (the child's first, then the most recent). */
    public record HistoryView(boolean repeatContactWithin12Months, boolean previousReferralWithin12Months,
                              long unconfirmedMatches, List<HistoryEntry> matches) {
        static HistoryView of(HistoryService.History h) {
            return new HistoryView(h.flags().repeatContactWithin12Months(), h.flags().previousReferralWithin12Months(),
                    h.unconfirmed(), h.rows().stream().map(r -> {
                        TriageCase e = r.earlier();
                        return new HistoryEntry(r.match().id,
                                r.subject() == null ? Person.child(h.c()) : Person.member(r.subject()),
                                r.matchedMember() == null ? Person.child(e) : Person.member(r.matchedMember()),
                                new EarlierCase(e.id, e.contactId, e.receivedAt, TriageService.concernCodes(e), e.agency,
                                        e.status, e.decidedOutcome, e.decidedOutcome != null && e.decidedOutcome.isReferral(),
                                        e.authorisedAt),
                                r.match().method, r.match().confidence, r.match().band, r.match().status,
                                r.match().decidedBy, r.match().decidedAt, r.within12Months());
                    }).toList());
        }
    }

    /** One recording of the level of need. */
    public record NeedLevel(int level, String rationale, String recordedBy, OffsetDateTime recordedAt) {
        static NeedLevel of(org.mash.triage.repository.LevelOfNeedRecord r) {
            return new NeedLevel(r.level, r.rationale, r.recordedBy, r.recordedAt);
        }
    }

    /** One recording of consent; an override shows whether it is pending, authorised or withdrawn. */
    public record ConsentEntry(UUID id, ConsentStatus status, String reason, String recordedBy, String recordedRole,
                               OffsetDateTime recordedAt, String authorisedBy, OffsetDateTime authorisedAt,
                               String override) {
    }

    /** The consent status in effect, the override waiting for a manager (if any) and every change, oldest first. */
    public record ConsentView(ConsentStatus status, ConsentEntry pendingOverride, List<ConsentEntry> history) {
        static ConsentView of(org.mash.triage.service.ConsentService.Consent consent) {
            TriageCase c = consent.c();
            List<ConsentEntry> history = consent.history().stream().map(r -> new ConsentEntry(r.id, r.status, r.reason,
                    r.recordedBy, r.recordedRole, r.recordedAt, r.authorisedBy, r.authorisedAt,
                    r.status != ConsentStatus.OVERRIDDEN ? null
                            : r.authorisedAt != null ? "AUTHORISED" : r.id.equals(c.consentPendingId) ? "PENDING" : "WITHDRAWN"))
                    .toList();
            return new ConsentView(c.consentStatus,
                    history.stream().filter(e -> e.id().equals(c.consentPendingId)).findFirst().orElse(null), history);
        }
    }

    /** One RAG rating, the suggestion first. */
    public record Rating(Rag rag, String rationale, String ratedBy, OffsetDateTime ratedAt) {
        static Rating of(org.mash.triage.repository.RagRating r) {
            return new Rating(r.rag, r.rationale, r.ratedBy, r.ratedAt);
        }
    }

    /** Information added to the contact after it was received. */
    public record Amendment(UUID id, String kind, String text, String agency, String amendedByRole, OffsetDateTime amendedAt) {
        static Amendment of(org.mash.triage.repository.CaseAmendment a) {
            return new Amendment(a.id, a.kind, a.text, a.agency, a.amendedByRole, a.amendedAt);
        }
    }

    /** A page of the queue; {@code freshness}: while the service is catching up, newer contacts are not in it yet. */
    public record Page(int page, int size, List<QueueItem> items, org.mash.platform.freshness.Freshness.View freshness) {
    }

    /** One action on a case: when, what, who (user name, or the referring agency for events before v1.1, or system) in which role, and a note. */
    public record TimelineEntry(OffsetDateTime at, String action, String by, String role, String detail) {
        static TimelineEntry of(org.mash.triage.repository.CaseActivity a) {
            return new TimelineEntry(a.at, a.action, a.actor, a.role, a.detail);
        }
    }
}

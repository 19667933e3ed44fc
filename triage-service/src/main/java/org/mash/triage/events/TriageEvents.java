package org.mash.triage.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What this service publishes (schemas in docs/events/schemas). {@code mash.triage.v1} carries no personal
 * data: pseudonymous ids, codes, bands and timestamps. The hand-off to the strategy-discussion service,
 * which needs to identify the child, goes on its own topic {@code mash.triage.strategy-handoff.v1}.
 */
public final class TriageEvents {

    public static final String TOPIC = "mash.triage.v1";
    public static final String HANDOFF_TOPIC = "mash.triage.strategy-handoff.v1";
    public static final String CASE_OPENED = "mash.triage.case-opened.v1";
    public static final String DECISION_AUTHORISED = "mash.triage.decision-authorised.v1";
    public static final String STRATEGY_DISCUSSION_REQUESTED = "mash.triage.strategy-discussion-requested.v1";
    public static final String CASE_OVERDUE = "mash.triage.case-overdue.v1";
    public static final String CASE_RERATED = "mash.triage.case-rerated.v1";
    public static final String CHECK_REQUESTED = "mash.triage.check-requested.v1";
    public static final String CHECK_RESPONDED = "mash.triage.check-responded.v1";
    public static final String CHECK_OVERDUE = "mash.triage.check-overdue.v1";

    /** Every rating a practitioner (or manager) gives after the suggestion, a confirmation included. */
    public record CaseReratedV1(UUID caseId, UUID contactId, String childRef, String previousRag, String rag,
                                OffsetDateTime ratedAt, OffsetDateTime receivedAt, OffsetDateTime dueAt) {
    }

    public record CheckRequestedV1(UUID checkId, UUID caseId, UUID contactId, String childRef, String agency, String rag,
                                   OffsetDateTime requestedAt, OffsetDateTime dueAt) {
    }

    public record CheckRespondedV1(UUID checkId, UUID caseId, UUID contactId, String childRef, String agency, String rag,
                                   OffsetDateTime requestedAt, OffsetDateTime dueAt, OffsetDateTime respondedAt,
                                   String result, boolean withinDue) {
    }

    public record CheckOverdueV1(UUID checkId, UUID caseId, UUID contactId, String childRef, String agency, String rag,
                                 OffsetDateTime requestedAt, OffsetDateTime dueAt, OffsetDateTime flaggedAt) {
    }

    public record CaseOverdueV1(UUID caseId, UUID contactId, String childRef, String rag, OffsetDateTime receivedAt,
                                OffsetDateTime dueAt, OffsetDateTime flaggedAt) {
    }

    private TriageEvents() {
    }

    public record CaseOpenedV1(UUID caseId, UUID contactId, UUID submissionId, OffsetDateTime receivedAt,
                               OffsetDateTime openedAt, String sourceCode, List<String> concernCodes, String rag,
                               OffsetDateTime dueAt, OffsetDateTime oneWorkingDayDueAt, String childRef, String ageBand,
                               String sex, String ethnicity, String agency) {
    }

    public record DecisionAuthorisedV1(UUID caseId, UUID contactId, OffsetDateTime receivedAt, String outcome,
                                       boolean referral, String primaryNeedCode, String rag, String proposedBy,
                                       OffsetDateTime proposedAt, OffsetDateTime authorisedAt, OffsetDateTime dueAt,
                                       OffsetDateTime oneWorkingDayDueAt, String childRef, Integer levelOfNeed,
                                       String consentStatus, Boolean consentOverrideReasonRecorded, UUID submissionId) {
    }

    public record StrategyDiscussionRequestedV1(UUID caseId, UUID contactId, String rag, OffsetDateTime authorisedAt,
                                                String childRef, ChildIdentity child, List<String> concernCodes,
                                                String concernSummary, UUID submissionId) {
    }

    /** Only what strategy-discussion participants need to identify the child. */
    public record ChildIdentity(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
                                Object address) {
    }
}

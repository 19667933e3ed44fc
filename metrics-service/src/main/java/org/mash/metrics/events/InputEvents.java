package org.mash.metrics.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The parts of the triage, strategy and contact-status events this service reads (schemas in
 * docs/events/schemas). Only pseudonymous ids, codes, bands, booleans and timestamps are read; other fields
 * are ignored. Never the personal-data topics ({@code mash.contacts.v1}, the strategy hand-off).
 */
public final class InputEvents {

    public static final String TRIAGE_TOPIC = "mash.triage.v1";
    public static final String STRATEGY_TOPIC = "mash.strategy.v1";
    public static final String CONTACTS_STATUS_TOPIC = "mash.contacts.status.v1";

    public static final String CASE_OPENED = "mash.triage.case-opened.v1";
    public static final String DECISION_AUTHORISED = "mash.triage.decision-authorised.v1";
    public static final String CASE_OVERDUE = "mash.triage.case-overdue.v1";
    public static final String CASE_RERATED = "mash.triage.case-rerated.v1";
    public static final String CHECK_REQUESTED = "mash.triage.check-requested.v1";
    public static final String CHECK_RESPONDED = "mash.triage.check-responded.v1";
    public static final String CHECK_OVERDUE = "mash.triage.check-overdue.v1";
    public static final String DISCUSSION_OPENED = "mash.strategy.discussion-opened.v1";
    public static final String DISCUSSION_HELD = "mash.strategy.discussion-held.v1";
    public static final String S47_STARTED = "mash.strategy.s47-started.v1";
    public static final String S47_CONCLUDED = "mash.strategy.s47-concluded.v1";
    public static final String ICPC_HELD = "mash.strategy.icpc-held.v1";
    public static final String ITEM_OVERDUE = "mash.strategy.item-overdue.v1";
    public static final String DECISION_SUPERSEDED = "mash.strategy.decision-superseded.v1";
    public static final String S47_WITHDRAWN = "mash.strategy.s47-withdrawn.v1";
    public static final String REFERRER_INFORMED = "mash.contacts.referrer-informed.v1";

    private InputEvents() {
    }

    public record CaseOpened(UUID caseId, UUID contactId, UUID submissionId, String childRef, OffsetDateTime receivedAt,
                             OffsetDateTime openedAt, String sourceCode, List<String> concernCodes, String rag,
                             OffsetDateTime dueAt, OffsetDateTime oneWorkingDayDueAt, String ageBand, String sex,
                             String ethnicity, String agency) {
    }

    public record DecisionAuthorised(UUID caseId, UUID contactId, String childRef, OffsetDateTime receivedAt, String rag,
                                     String outcome, boolean referral, OffsetDateTime proposedAt,
                                     OffsetDateTime authorisedAt, OffsetDateTime dueAt, OffsetDateTime oneWorkingDayDueAt,
                                     Integer levelOfNeed, String consentStatus, Boolean consentOverrideReasonRecorded,
                                     UUID submissionId) {
    }

    public record CaseOverdue(UUID caseId, UUID contactId, String childRef, String rag, OffsetDateTime receivedAt,
                              OffsetDateTime dueAt, OffsetDateTime flaggedAt) {
    }

    public record CaseRerated(UUID caseId, UUID contactId, String childRef, String rag, OffsetDateTime ratedAt,
                              OffsetDateTime receivedAt, OffsetDateTime dueAt) {
    }

    /** check-requested, check-responded and check-overdue share these fields (the last two add their own). */
    public record Check(UUID checkId, UUID caseId, UUID contactId, String agency, String rag, OffsetDateTime requestedAt,
                        OffsetDateTime dueAt, OffsetDateTime respondedAt, String result, Boolean withinDue,
                        OffsetDateTime flaggedAt) {
    }

    public record DiscussionOpened(UUID discussionId, UUID caseId, UUID contactId, String childRef, String rag,
                                   OffsetDateTime openedAt, OffsetDateTime dueAt) {
    }

    public record DiscussionHeld(UUID discussionId, UUID contactId, String childRef, OffsetDateTime heldAt,
                                 OffsetDateTime dueAt, boolean withinTarget, Map<String, String> attendance,
                                 Boolean coreAgenciesPresent, String outcome) {
    }

    public record S47Started(UUID enquiryId, UUID discussionId, UUID contactId, String childRef, LocalDate startedOn,
                             LocalDate icpcTargetDate, boolean joint) {
    }

    public record S47Concluded(UUID enquiryId, UUID discussionId, UUID contactId, String childRef, LocalDate startedOn,
                               LocalDate concludedOn, String outcomeCode, boolean icpcRequired, LocalDate icpcTargetDate) {
    }

    public record S47Withdrawn(UUID enquiryId, UUID discussionId, UUID contactId, String childRef, LocalDate startedOn,
                               OffsetDateTime withdrawnAt) {
    }

    public record IcpcHeld(UUID enquiryId, UUID discussionId, UUID contactId, String childRef, LocalDate startedOn,
                           LocalDate icpcTargetDate, LocalDate heldOn, boolean withinTarget) {
    }

    public record ItemOverdue(String kind, UUID itemId, UUID discussionId, UUID contactId, String childRef,
                              OffsetDateTime dueAt, OffsetDateTime flaggedAt) {
    }

    public record DecisionSuperseded(UUID discussionId, UUID contactId, String childRef, String previousOutcome,
                                     String outcome, OffsetDateTime supersededAt) {
    }

    public record ReferrerInformed(UUID contactId, String agency, String outcome, OffsetDateTime decidedAt,
                                   OffsetDateTime informedAt, String how) {
    }
}

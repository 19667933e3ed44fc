package org.mash.metrics.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The parts of the triage and strategy events this service reads (schemas in docs/events/schemas). Only
 * pseudonymous ids, codes, bands and timestamps are read; other fields are ignored.
 */
public final class InputEvents {

    public static final String TRIAGE_TOPIC = "mash.triage.v1";
    public static final String STRATEGY_TOPIC = "mash.strategy.v1";
    public static final String CASE_OPENED = "mash.triage.case-opened.v1";
    public static final String DECISION_AUTHORISED = "mash.triage.decision-authorised.v1";
    public static final String DISCUSSION_OPENED = "mash.strategy.discussion-opened.v1";
    public static final String DISCUSSION_HELD = "mash.strategy.discussion-held.v1";
    public static final String S47_STARTED = "mash.strategy.s47-started.v1";

    private InputEvents() {
    }

    public record CaseOpened(UUID caseId, UUID contactId, String childRef, OffsetDateTime receivedAt, String sourceCode,
                             String rag, String ageBand, String sex, String ethnicity, String agency) {
    }

    public record DecisionAuthorised(UUID caseId, UUID contactId, String childRef, OffsetDateTime receivedAt, String rag,
                                     String outcome, boolean referral, OffsetDateTime proposedAt,
                                     OffsetDateTime authorisedAt) {
    }

    public record DiscussionOpened(UUID discussionId, UUID contactId, OffsetDateTime openedAt, OffsetDateTime dueAt) {
    }

    public record DiscussionHeld(UUID discussionId, UUID contactId, OffsetDateTime heldAt, OffsetDateTime dueAt,
                                 boolean withinTarget, Map<String, String> attendance, Boolean coreAgenciesPresent,
                                 String outcome) {
    }

    public record S47Started(UUID enquiryId, UUID contactId, String childRef, LocalDate startedOn,
                             LocalDate icpcTargetDate, boolean joint) {
    }
}

package org.mash.triage.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The part of the strategy-discussion service's events ({@code mash.strategy.v1}) the triage service reads: what was
 * decided for a case's child, for the child's page and the returns. Every event names the contact, so the case.
 */
public final class StrategyOutcomes {

    public static final String DISCUSSION_OPENED = "mash.strategy.discussion-opened.v1";
    public static final String DISCUSSION_HELD = "mash.strategy.discussion-held.v1";
    public static final String DECISION_SUPERSEDED = "mash.strategy.decision-superseded.v1";
    public static final String S47_STARTED = "mash.strategy.s47-started.v1";
    public static final String S47_CONCLUDED = "mash.strategy.s47-concluded.v1";
    public static final String S47_WITHDRAWN = "mash.strategy.s47-withdrawn.v1";
    public static final String ICPC_HELD = "mash.strategy.icpc-held.v1";

    private StrategyOutcomes() {
    }

    public record DiscussionOpened(UUID discussionId, UUID contactId, OffsetDateTime openedAt, OffsetDateTime dueAt) {
    }

    public record DiscussionHeld(UUID discussionId, UUID contactId, OffsetDateTime heldAt, OffsetDateTime dueAt,
                                 String outcome) {
    }

    public record DecisionSuperseded(UUID discussionId, UUID contactId, String outcome, OffsetDateTime supersededAt) {
    }

    public record S47Started(UUID enquiryId, UUID discussionId, UUID contactId, LocalDate startedOn,
                             LocalDate icpcTargetDate, boolean joint) {
    }

    public record S47Concluded(UUID enquiryId, UUID discussionId, UUID contactId, LocalDate startedOn,
                               LocalDate concludedOn, String outcomeCode, boolean icpcRequired, LocalDate icpcTargetDate) {
    }

    public record S47Withdrawn(UUID enquiryId, UUID discussionId, UUID contactId, LocalDate startedOn,
                               OffsetDateTime withdrawnAt) {
    }

    public record IcpcHeld(UUID enquiryId, UUID discussionId, UUID contactId, LocalDate startedOn,
                           LocalDate icpcTargetDate, LocalDate heldOn) {
    }
}

package org.mash.strategy.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.mash.strategy.domain.Mode;
import org.mash.strategy.domain.Outcome;
import org.mash.strategy.domain.OverdueKind;
import org.mash.strategy.domain.Rag;

/**
 * The events this service publishes on {@code mash.strategy.v1} (schemas in docs/events/schemas), keyed by
 * contact id. None carries personal data: no names, dates of birth, addresses or free text.
 */
public final class StrategyEvents {

    public static final String TOPIC = "mash.strategy.v1";
    public static final String DISCUSSION_OPENED = "mash.strategy.discussion-opened.v1";
    public static final String DISCUSSION_HELD = "mash.strategy.discussion-held.v1";
    public static final String S47_STARTED = "mash.strategy.s47-started.v1";
    public static final String DECISION_SUPERSEDED = "mash.strategy.decision-superseded.v1";
    public static final String S47_CONCLUDED = "mash.strategy.s47-concluded.v1";
    public static final String ICPC_HELD = "mash.strategy.icpc-held.v1";
    public static final String ITEM_OVERDUE = "mash.strategy.item-overdue.v1";
    public static final String S47_WITHDRAWN = "mash.strategy.s47-withdrawn.v1";

    private StrategyEvents() {
    }

    public record DiscussionOpenedV1(UUID discussionId, UUID caseId, UUID contactId, String childRef, Rag rag,
                                     OffsetDateTime openedAt, OffsetDateTime dueAt) {
    }

    public record DiscussionHeldV1(UUID discussionId, UUID contactId, String childRef, OffsetDateTime heldAt,
                                   OffsetDateTime dueAt, boolean withinTarget, Mode mode,
                                   Map<String, String> attendance, boolean coreAgenciesPresent, Outcome outcome) {
    }

    public record DecisionSupersededV1(UUID discussionId, UUID contactId, String childRef, Outcome previousOutcome,
                                       Outcome outcome, OffsetDateTime supersededAt) {
    }

    public record S47ConcludedV1(UUID enquiryId, UUID discussionId, UUID contactId, String childRef,
                                 LocalDate startedOn, LocalDate concludedOn, String outcomeCode, boolean icpcRequired,
                                 LocalDate icpcTargetDate) {
    }

    public record IcpcHeldV1(UUID enquiryId, UUID discussionId, UUID contactId, String childRef, LocalDate startedOn,
                             LocalDate icpcTargetDate, LocalDate heldOn, boolean withinTarget) {
    }

    public record ItemOverdueV1(OverdueKind kind, UUID itemId, UUID discussionId, UUID contactId, String childRef,
                                String agency, OffsetDateTime dueAt, OffsetDateTime flaggedAt) {
    }

    public record S47StartedV1(UUID enquiryId, UUID discussionId, UUID contactId, String childRef,
                               LocalDate startedOn, LocalDate icpcTargetDate, boolean joint) {
    }

    /** The enquiry no longer counts as started: a superseding decision moved the child out of section 47 (no reason). */
    public record S47WithdrawnV1(UUID enquiryId, UUID discussionId, UUID contactId, String childRef,
                                 LocalDate startedOn, OffsetDateTime withdrawnAt) {
    }
}

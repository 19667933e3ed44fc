package org.mash.triage.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.platform.outbox.Outbox;
import org.mash.platform.security.Roles;
import org.mash.triage.domain.CaseAction;
import org.mash.triage.domain.CaseStatus;
import org.mash.triage.domain.ConcernSummary;
import org.mash.triage.domain.ConsentPolicy;
import org.mash.triage.domain.LevelOfNeed;
import org.mash.triage.domain.Outcome;
import org.mash.triage.domain.Violation;
import org.mash.triage.events.TriageEvents;
import org.mash.triage.repository.ConsentRecord;
import org.mash.triage.repository.LevelOfNeedRecord;
import org.mash.triage.repository.TriageCase;

/**
 * A case's decision, from the level of need and the practitioner's proposal to the manager's authorisation (or
 * return): the rules are {@code DecisionPolicy} and {@code LevelOfNeed}; an authorised decision leaves the service as
 * events in the same transaction (and, for a strategy discussion, the hand-off).
 */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    private final TriageService triage;
    private final TriageRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final CaseActivities activities;

    public DecisionService(TriageService triage, TriageRules rules, Outbox outbox, Clock clock, CaseActivities activities) {
        this.triage = triage;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.activities = activities;
    }

    /** The level of need given with a proposal. */
    public record NeedLevel(Integer level, String rationale) {
    }

    /** Records the level of need (1-4) with its rationale, before the proposal; every recording is kept. */
    @WithTransaction
    public Uni<TriageCase> recordLevelOfNeed(UUID id, TriageService.Actor actor, Integer level, String rationale) {
        return triage.find(id).call(c -> {
            TriageService.reject(LevelOfNeed.check(c.status, level, rationale, ""));
            return levelOfNeed(c, actor, level, rationale);
        });
    }

    /** The levels of need recorded on a case, oldest first. */
    @WithSession
    public Uni<List<LevelOfNeedRecord>> levelsOfNeed(UUID caseId) {
        return LevelOfNeedRecord.list("caseId", Sort.ascending("recordedAt"), caseId);
    }

    private Uni<Void> levelOfNeed(TriageCase c, TriageService.Actor actor, Integer level, String rationale) {
        LevelOfNeedRecord r = new LevelOfNeedRecord();
        r.id = UUID.randomUUID();
        r.caseId = c.id;
        r.level = level;
        r.rationale = rationale.strip();
        r.recordedBy = actor.username();
        r.recordedAt = now();
        c.levelOfNeed = level;
        return r.persist().chain(() -> activities.recordBy(c.id, CaseAction.LEVEL_OF_NEED_RECORDED, actor,
                actor.role(), r.recordedAt, LevelOfNeed.describe(level) + ": " + r.rationale));
    }

    @WithTransaction
    public Uni<TriageCase> propose(UUID id, TriageService.Actor practitioner, Outcome outcome, String rationale, String primaryNeedCode,
                                   NeedLevel need) {
        return triage.find(id).call(c -> {
            List<Violation> violations = new java.util.ArrayList<>(
                    rules.decisions().checkProposal(c.status, outcome, rationale, primaryNeedCode));
            if (need != null) {
                violations.addAll(LevelOfNeed.check(c.status, need.level(), need.rationale(), "levelOfNeed.").stream()
                        .filter(v -> !v.field().isEmpty()).toList());
            }
            if (violations.isEmpty()) {
                LevelOfNeed.checkForProposal(outcome, need != null ? need.level() : c.levelOfNeed,
                        rules.levelOfNeedRequiredForReferral()).ifPresent(violations::add);
            }
            TriageService.reject(violations);
            Uni<Void> recorded = need == null ? Uni.createFrom().voidItem()
                    : levelOfNeed(c, practitioner, need.level(), need.rationale());
            c.status = CaseStatus.PROPOSED;
            c.proposedOutcome = outcome;
            c.proposedRationale = rationale;
            c.proposedPrimaryNeed = outcome.isReferral() ? primaryNeedCode : null;
            c.proposedBy = practitioner.username();
            c.proposedAt = now();
            c.returnComment = null;
            return recorded.chain(() -> activities.recordBy(c.id, CaseAction.PROPOSED, practitioner,
                    practitioner.role(), c.proposedAt,
                    outcome + (c.proposedPrimaryNeed == null ? "" : " (" + c.proposedPrimaryNeed + ")") + ": " + rationale));
        });
    }

    /** The manager authorises the proposal: the decision leaves the service as events, in the same transaction. */
    @WithTransaction
    public Uni<TriageCase> authorise(UUID id, TriageService.Actor manager) {
        return triage.find(id).chain(c -> (c.consentRecordId == null ? Uni.createFrom().<ConsentRecord>nullItem()
                : ConsentRecord.<ConsentRecord>findById(c.consentRecordId)).chain(consent -> {
            rules.decisions().checkAuthorisation(c.status, c.proposedBy, manager.username())
                    .ifPresent(v -> TriageService.reject(List.of(v)));
            c.status = CaseStatus.DECIDED;
            c.decidedOutcome = c.proposedOutcome;
            c.authorisedBy = manager.username();
            c.authorisedAt = now();
            TriageEvents.DecisionAuthorisedV1 decided = new TriageEvents.DecisionAuthorisedV1(c.id, c.contactId,
                    c.receivedAt, c.decidedOutcome.name(), c.decidedOutcome.isReferral(), c.proposedPrimaryNeed,
                    c.rag.name(), "mash-practitioner", c.proposedAt, c.authorisedAt, c.dueAt, c.oneWorkingDayDueAt,
                    c.childRef, c.levelOfNeed, c.consentStatus.name(),
                    ConsentPolicy.overrideReasonRecorded(c.consentStatus, consent == null ? null : consent.reason,
                            consent == null ? null : consent.authorisedBy),
                    c.submissionId);
            Uni<?> published = outbox.publish(TriageEvents.TOPIC, c.contactId.toString(), TriageEvents.DECISION_AUTHORISED,
                    c.id.toString(), decided);
            if (c.decidedOutcome == Outcome.STRATEGY_DISCUSSION) {
                published = published.chain(() -> outbox.publish(TriageEvents.HANDOFF_TOPIC, c.contactId.toString(),
                        TriageEvents.STRATEGY_DISCUSSION_REQUESTED, c.id.toString(), handoff(c)));
            }
            return published
                    .chain(() -> activities.recordBy(c.id, CaseAction.AUTHORISED, manager, Roles.MANAGER,
                            c.authorisedAt, c.decidedOutcome.name()))
                    .invoke(() -> LOG.infof("case %s decided %s", c.id, c.decidedOutcome)).replaceWith(c);
        }));
    }

    @WithTransaction
    public Uni<TriageCase> returnProposal(UUID id, TriageService.Actor manager, String comment) {
        return triage.find(id).call(c -> {
            TriageService.reject(rules.decisions().checkReturn(c.status, comment));
            c.status = CaseStatus.OPEN;
            c.returnComment = comment;
            return activities.recordBy(c.id, CaseAction.RETURNED, manager, Roles.MANAGER, now(), comment);
        });
    }

    private TriageEvents.StrategyDiscussionRequestedV1 handoff(TriageCase c) {
        Object address = c.childAddress == null ? null : io.vertx.core.json.Json.decodeValue(c.childAddress, java.util.Map.class);
        return new TriageEvents.StrategyDiscussionRequestedV1(c.id, c.contactId, c.rag.name(), c.authorisedAt, c.childRef,
                new TriageEvents.ChildIdentity(c.childFirstName, c.childLastName, c.childDateOfBirth, c.childExpectedBirth,
                        address),
                TriageService.concernCodes(c), ConcernSummary.of(c.description), c.submissionId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

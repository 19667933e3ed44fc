package org.mash.strategy.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.platform.problem.ProblemException;
import org.mash.strategy.domain.ActionRequest;
import org.mash.strategy.domain.Actions;
import org.mash.strategy.domain.Agencies;
import org.mash.strategy.domain.DiscussionAccess;
import org.mash.strategy.domain.DiscussionStatus;
import org.mash.strategy.domain.MashTime;
import org.mash.strategy.domain.Minutes;
import org.mash.strategy.domain.Violation;
import org.mash.strategy.repository.Discussion;
import org.mash.strategy.repository.DiscussionAction;
import org.mash.strategy.repository.MinutesCirculation;
import org.mash.strategy.service.StrategyDiscussionService.Loaded;
import org.mash.strategy.service.StrategyDiscussionService.Requester;

/** What follows a held discussion: actions owned by agencies, the minutes and their circulation. */
@ApplicationScoped
public class FollowUpService {

    private static final Logger LOG = Logger.getLogger(FollowUpService.class);

    private final StrategyDiscussionService discussions;

    public FollowUpService(StrategyDiscussionService discussions) {
        this.discussions = discussions;
    }

    /** Adds an action agreed at the (held) discussion. */
    @WithTransaction
    public Uni<DiscussionAction> addAction(UUID id, ActionRequest request, Requester requester) {
        return discussions.visible(id, requester).chain(loaded -> {
            requireHeld(loaded.discussion(), "actions");
            OffsetDateTime now = discussions.now();
            List<Violation> violations = new ArrayList<>(Actions.check(request, now.atZoneSameInstant(MashTime.ZONE).toLocalDate()));
            if (request.contactId() != null && !loaded.childContactIds().contains(request.contactId())) {
                violations.add(new Violation("contactId", "child-of-the-discussion",
                        "contact " + request.contactId() + " is not a child of this discussion"));
            }
            // its participants must see the action to complete it: only an invited agency owns one (not invited
            // silently either: inviting an agency shows it the child's record, a decision of its own)
            if (request.agency() != null && Agencies.check("agency", request.agency()).isEmpty()
                    && loaded.invitations().stream().noneMatch(i -> i.agency.equals(request.agency()))) {
                violations.add(new Violation("agency", "invited", "'" + request.agency()
                        + "' was not invited to this discussion (nor recorded in its attendance): an action is owned by an "
                        + "agency that took part, whose participants can see it"));
            }
            ProblemException invalid = StrategyDiscussionService.invalid(violations);
            if (invalid != null) {
                throw invalid;
            }
            DiscussionAction action = new DiscussionAction();
            action.id = UUID.randomUUID();
            action.discussionId = id;
            action.contactId = request.contactId();
            action.description = request.description();
            action.agency = request.agency();
            action.dueOn = request.dueOn();
            action.createdBy = requester.username();
            action.createdAt = now;
            return action.persist().replaceWith(action)
                    .invoke(() -> LOG.infof("discussion %s: action %s for %s due %s", id, action.id, action.agency, action.dueOn));
        });
    }

    /** Marks an action done: MASH staff, or a participant of the owning agency. Once. */
    @WithTransaction
    public Uni<DiscussionAction> completeAction(UUID id, UUID actionId, String note, Requester requester) {
        return discussions.visible(id, requester).map(loaded -> {
            DiscussionAction action = loaded.actions().stream().filter(a -> a.id.equals(actionId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("discussion " + id + " has no action " + actionId));
            if (!DiscussionAccess.mayActFor(requester.roles(), requester.agency(), action.agency)) {
                throw ProblemException.forbidden("action " + actionId + " is owned by " + action.agency
                        + "; a participant completes only their own agency's actions");
            }
            if (action.completedAt != null) {
                throw ProblemException.conflict("action " + actionId + " was completed at " + action.completedAt
                        + " by " + action.completedBy);
            }
            action.completedAt = discussions.now();
            action.completedBy = requester.username();
            action.completionNote = StrategyDiscussionService.blankToNull(note);
            LOG.infof("discussion %s: action %s completed by %s", id, actionId, requester.username());
            return action;
        });
    }

    /** Records (or corrects, until first circulated) the minutes of a held discussion. */
    @WithTransaction
    public Uni<Loaded> recordMinutes(UUID id, String text, Requester requester) {
        return discussions.visible(id, requester).chain(loaded -> {
            Discussion d = loaded.discussion();
            requireHeld(d, "minutes");
            if (!Minutes.mayRevise(d.minutesFirstCirculatedAt != null || !loaded.circulation().isEmpty())) {
                throw ProblemException.conflict("the minutes of discussion " + id + " were circulated from "
                        + (d.minutesFirstCirculatedAt != null ? d.minutesFirstCirculatedAt : loaded.circulation().get(0).sentAt)
                        + "; what went out cannot be changed");
            }
            d.minutes = text;
            d.minutesRecordedBy = requester.username();
            d.minutesRecordedAt = discussions.now();
            return discussions.logRead(id, requester, "MINUTES").chain(() -> discussions.reload(d));
        });
    }

    /** Logs one sending of the minutes: to which agency and recipient, when (default now). */
    @WithTransaction
    public Uni<MinutesCirculation> circulate(UUID id, String agency, String recipient, OffsetDateTime sentAt,
                                            Requester requester) {
        return discussions.visible(id, requester).chain(loaded -> {
            Discussion d = loaded.discussion();
            if (d.minutes == null) {
                throw ProblemException.conflict("discussion " + id + " has no minutes yet: record them first");
            }
            OffsetDateTime now = discussions.now();
            OffsetDateTime sent = sentAt == null ? now : sentAt.withOffsetSameInstant(ZoneOffset.UTC);
            ProblemException invalid = StrategyDiscussionService.invalid(
                    Minutes.checkCirculation(agency, sent, d.minutesRecordedAt, now.toInstant()));
            if (invalid != null) {
                throw invalid;
            }
            // written in the discussion's row (its version rises): a correction of the minutes racing this
            // sending fails (409) instead of changing what went out
            if (d.minutesFirstCirculatedAt == null || sent.isBefore(d.minutesFirstCirculatedAt)) {
                d.minutesFirstCirculatedAt = sent;
            }
            MinutesCirculation row = new MinutesCirculation();
            row.id = UUID.randomUUID();
            row.discussionId = id;
            row.agency = agency;
            row.recipient = recipient;
            row.sentAt = sent;
            row.recordedBy = requester.username();
            row.recordedAt = now;
            return row.persist().replaceWith(row)
                    .invoke(() -> LOG.infof("discussion %s: minutes sent to %s at %s", id, agency, sent));
        });
    }

    private static void requireHeld(Discussion d, String what) {
        if (d.status != DiscussionStatus.HELD) {
            throw ProblemException.conflict("discussion " + d.id + " has not been held yet: " + what
                    + " are recorded once it has been");
        }
    }
}

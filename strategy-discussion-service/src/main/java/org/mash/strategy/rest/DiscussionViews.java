package org.mash.strategy.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mash.strategy.domain.Actions;
import org.mash.strategy.domain.Attendance;
import org.mash.strategy.domain.DiscussionAccess;
import org.mash.strategy.domain.DiscussionStatus;
import org.mash.strategy.domain.IcpcStatus;
import org.mash.strategy.domain.InvitationResponse;
import org.mash.strategy.domain.S47Conclusion;
import org.mash.strategy.domain.Mode;
import org.mash.strategy.domain.Outcome;
import org.mash.strategy.domain.Rag;
import org.mash.strategy.domain.RiskGrading;
import org.mash.strategy.repository.Contribution;
import org.mash.strategy.repository.Decision;
import org.mash.strategy.repository.Discussion;
import org.mash.strategy.repository.DiscussionAction;
import org.mash.strategy.repository.DiscussionChild;
import org.mash.strategy.repository.MinutesCirculation;
import org.mash.strategy.repository.Invitation;
import org.mash.strategy.repository.S47Enquiry;
import org.mash.strategy.service.ParticipationService;
import org.mash.strategy.service.StrategyDiscussionService;
import org.mash.strategy.service.StrategyDiscussionService.Loaded;
import org.mash.strategy.service.StrategyDiscussionService.Requester;

/** What the strategy discussion API answers. */
public final class DiscussionViews {

    private DiscussionViews() {
    }

    public record Child(UUID contactId, String firstName, String lastName, LocalDate dateOfBirth) {
        static Child of(DiscussionChild c) {
            return new Child(c.contactId, c.firstName, c.lastName, c.dateOfBirth);
        }
    }

    /** An invited agency and its answer, with who recorded it and when. */
    public record InvitationView(String agency, InvitationResponse response, OffsetDateTime invitedAt, String invitedBy,
                                 OffsetDateTime respondedAt, String respondedBy) {
        public static InvitationView of(Invitation i) {
            return new InvitationView(i.agency, i.response, i.invitedAt, i.invitedBy, i.respondedAt, i.respondedBy);
        }
    }

    /** What an agency shared and its risk grading. */
    public record ContributionView(UUID id, String agency, UUID contactId, String information, RiskGrading riskGrading,
                                   String recordedBy, OffsetDateTime recordedAt) {
        public static ContributionView of(Contribution c) {
            return new ContributionView(c.id, c.agency, c.contactId, c.information, c.riskGrading, c.recordedBy,
                    c.recordedAt);
        }
    }

    /** A decision for one child; a superseded one says when and by which later decision. */
    public record DecisionView(UUID id, Outcome outcome, String rationale, String safetyPlan, String recordedBy,
                               OffsetDateTime recordedAt, UUID supersedes, String supersessionReason,
                               OffsetDateTime supersededAt, UUID supersededBy) {
        static DecisionView of(Decision x) {
            return x == null ? null : new DecisionView(x.id, x.outcome, x.rationale, x.safetyPlan, x.recordedBy,
                    x.recordedAt, x.supersedesId, x.supersessionReason, x.supersededAt, x.supersededById);
        }
    }

    /**
     * A section 47 enquiry: started on the discussion's date, its ICPC target, and later its outcome and the ICPC
     * (PENDING, HELD, or NOT_REQUIRED when the outcome was not ICPC); icpcOverdue when still pending after the
     * end of the target date.
     */
    public record S47View(UUID enquiryId, LocalDate startedOn, LocalDate icpcTargetDate, boolean joint,
                          LocalDate concludedOn, String outcomeCode, Boolean icpcRequired, IcpcStatus icpcStatus,
                          LocalDate icpcHeldOn, Boolean icpcWithinTarget, boolean icpcOverdue) {
        public static S47View of(S47Enquiry e, java.time.Instant now) {
            if (e == null) {
                return null;
            }
            IcpcStatus status = S47Conclusion.status(e.icpcRequired, e.icpcHeldOn);
            return new S47View(e.id, e.startedOn, e.icpcTargetDate, e.joint, e.concludedOn, e.outcomeCode,
                    e.icpcRequired, status, e.icpcHeldOn,
                    e.icpcHeldOn == null ? null : S47Conclusion.withinTarget(e.icpcHeldOn, e.icpcTargetDate),
                    S47Conclusion.icpcOverdue(status, !e.active(), e.icpcTargetDate, now));
        }
    }

    /** One discussion in a list: its first child, and every child of a sibling group. */
    public record Summary(UUID id, UUID caseId, UUID contactId, Child child, List<Child> children, Rag rag,
                          OffsetDateTime openedAt, OffsetDateTime dueAt, boolean overdue, OffsetDateTime overdueFlaggedAt,
                          DiscussionStatus status, List<InvitationView> invitations, OffsetDateTime heldAt,
                          Outcome outcome, S47View s47) {
        static Summary of(Loaded loaded) {
            Discussion d = loaded.discussion();
            Decision first = loaded.currentDecision(d.contactId);
            return new Summary(d.id, d.caseId, d.contactId,
                    new Child(d.contactId, d.childFirstName, d.childLastName, d.childDateOfBirth),
                    loaded.children().stream().map(Child::of).toList(), d.rag, d.openedAt, d.dueAt,
                    loaded.overdue(), d.overdueFlaggedAt, d.status,
                    loaded.invitations().stream().map(InvitationView::of).toList(),
                    d.heldAt, first == null ? null : first.outcome, S47View.of(loaded.s47(), loaded.asOf()));
        }
    }

    /** What participants need to take part: who the child is, the concern, and what was decided. */
    public record ChildDetail(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
                              Map<String, Object> address) {
    }

    /** One child of the discussion, with its current decision, the decisions it superseded, and its enquiry. */
    public record ChildView(UUID contactId, UUID caseId, ChildDetail child, Rag rag, List<String> concernCodes,
                            String concernSummary, OffsetDateTime joinedAt, DecisionView decision,
                            List<DecisionView> decisions, S47View s47) {
        static ChildView of(Loaded loaded, DiscussionChild c, StrategyDiscussionService service) {
            return new ChildView(c.contactId, c.caseId,
                    new ChildDetail(c.firstName, c.lastName, c.dateOfBirth, c.expectedBirth, service.address(c.address)),
                    c.rag, service.concernCodes(c.concernCodes), c.concernSummary, c.joinedAt,
                    DecisionView.of(loaded.currentDecision(c.contactId)),
                    loaded.decisionsOf(c.contactId).stream().map(DecisionView::of).toList(),
                    S47View.of(loaded.enquiry(c.contactId), loaded.asOf()));
        }
    }

    /**
     * A discussion in full. The top-level child, outcome, rationale and s47 are those of the first child; a
     * sibling group has every child, each with its own decision and enquiry, in {@code children}.
     */
    public record Detail(UUID id, UUID caseId, UUID contactId, ChildDetail child, Rag rag, List<String> concernCodes,
                         String concernSummary, OffsetDateTime openedAt, OffsetDateTime dueAt, boolean overdue,
                         OffsetDateTime overdueFlaggedAt, DiscussionStatus status, List<InvitationView> invitations, OffsetDateTime heldAt, Mode mode,
                         Map<String, Attendance> attendance, Boolean coreAgenciesPresent, Outcome outcome,
                         String rationale, String absenceReason, S47View s47, List<ChildView> children,
                         List<ContributionView> contributions, List<ActionView> actions, long overdueActions,
                         MinutesView minutes) {
        static Detail of(Loaded loaded, StrategyDiscussionService service, Requester requester) {
            Summary s = Summary.of(loaded);
            Discussion d = loaded.discussion();
            Decision first = loaded.currentDecision(d.contactId);
            Map<String, Attendance> attendance = new LinkedHashMap<>();
            loaded.attendance().forEach(a -> attendance.put(a.agency, a.status));
            // a participant sees only their own agency's actions (DiscussionAccess)
            List<DiscussionAction> actions = loaded.actions().stream()
                    .filter(a -> DiscussionAccess.maySeeItemOf(requester.roles(), requester.agency(), a.agency)).toList();
            return new Detail(d.id, d.caseId, d.contactId,
                    new ChildDetail(d.childFirstName, d.childLastName, d.childDateOfBirth, d.childExpectedBirth,
                            service.address(d.childAddress)),
                    d.rag, service.concernCodes(d.concernCodes), d.concernSummary, d.openedAt, d.dueAt, s.overdue(),
                    d.overdueFlaggedAt, d.status, s.invitations(), d.heldAt, d.mode, attendance, d.coreAgenciesPresent,
                    first == null ? null : first.outcome, first == null ? null : first.rationale,
                    DiscussionAccess.maySeeAbsenceReason(requester.roles()) ? d.absenceReason : null,
                    s.s47(),
                    loaded.children().stream().map(c -> ChildView.of(loaded, c, service)).toList(),
                    ParticipationService.visibleContributions(loaded, requester).stream().map(ContributionView::of).toList(),
                    actions.stream().map(a -> ActionView.of(a, loaded.asOf())).toList(),
                    actions.stream().filter(a -> Actions.overdue(a.completedAt, a.dueOn, loaded.asOf())).count(),
                    MinutesView.of(loaded, requester));
        }
    }

    /** An action with its owning agency and due date; overdue when not done by the end of that date. */
    public record ActionView(UUID id, UUID contactId, String description, String agency, LocalDate dueOn,
                             OffsetDateTime dueAt, boolean overdue, String createdBy, OffsetDateTime createdAt,
                             OffsetDateTime completedAt, String completedBy, String completionNote) {
        public static ActionView of(DiscussionAction a, java.time.Instant now) {
            return new ActionView(a.id, a.contactId, a.description, a.agency, a.dueOn, Actions.dueAt(a.dueOn),
                    Actions.overdue(a.completedAt, a.dueOn, now), a.createdBy, a.createdAt, a.completedAt,
                    a.completedBy, a.completionNote);
        }
    }

    /** One sending of the minutes. */
    public record CirculationView(UUID id, String agency, String recipient, OffsetDateTime sentAt, String recordedBy) {
        public static CirculationView of(MinutesCirculation m) {
            return new CirculationView(m.id, m.agency, m.recipient, m.sentAt, m.recordedBy);
        }
    }

    /** The minutes and the log of when they went to whom. */
    public record MinutesView(String text, String recordedBy, OffsetDateTime recordedAt,
                              List<CirculationView> circulation) {
        /** The minutes in full, with every sending (MASH staff). */
        static MinutesView of(Loaded loaded) {
            Discussion d = loaded.discussion();
            return d.minutes == null ? null : new MinutesView(d.minutes, d.minutesRecordedBy, d.minutesRecordedAt,
                    loaded.circulation().stream().map(CirculationView::of).toList());
        }

        /**
         * The minutes as the caller may see them: MASH staff in full; a participant only once they were sent to
         * their agency, with their own agency's sendings; before that, none (null).
         */
        static MinutesView of(Loaded loaded, Requester requester) {
            Discussion d = loaded.discussion();
            List<String> sentTo = loaded.circulation().stream().map(m -> m.agency).toList();
            if (d.minutes == null || !DiscussionAccess.maySeeMinutes(requester.roles(), requester.agency(), sentTo)) {
                return null;
            }
            return new MinutesView(d.minutes, d.minutesRecordedBy, d.minutesRecordedAt, loaded.circulation().stream()
                    .filter(m -> DiscussionAccess.maySeeItemOf(requester.roles(), requester.agency(), m.agency))
                    .map(CirculationView::of).toList());
        }
    }

    public record Page(int page, int size, List<Summary> items) {
    }
}

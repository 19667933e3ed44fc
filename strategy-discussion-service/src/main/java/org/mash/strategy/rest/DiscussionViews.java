package org.mash.strategy.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mash.strategy.domain.Attendance;
import org.mash.strategy.domain.DiscussionStatus;
import org.mash.strategy.domain.Mode;
import org.mash.strategy.domain.Outcome;
import org.mash.strategy.domain.Rag;
import org.mash.strategy.domain.InvitationResponse;
import org.mash.strategy.domain.RiskGrading;
import org.mash.strategy.repository.Contribution;
import org.mash.strategy.repository.Discussion;
import org.mash.strategy.repository.Invitation;
import org.mash.strategy.service.ParticipationService;
import org.mash.strategy.service.StrategyDiscussionService.Requester;
import org.mash.strategy.repository.S47Enquiry;
import org.mash.strategy.service.StrategyDiscussionService;
import org.mash.strategy.service.StrategyDiscussionService.Loaded;

/** What the strategy discussion API answers. */
public final class DiscussionViews {

    private DiscussionViews() {
    }

    public record Child(String firstName, String lastName, LocalDate dateOfBirth) {
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

    public record S47View(UUID enquiryId, LocalDate startedOn, LocalDate icpcTargetDate, boolean joint) {
        static S47View of(S47Enquiry e) {
            return e == null ? null : new S47View(e.id, e.startedOn, e.icpcTargetDate, e.joint);
        }
    }

    /** One discussion in a list. */
    public record Summary(UUID id, UUID caseId, UUID contactId, Child child, Rag rag, OffsetDateTime openedAt,
                          OffsetDateTime dueAt, boolean overdue, DiscussionStatus status,
                          List<InvitationView> invitations, OffsetDateTime heldAt, Outcome outcome, S47View s47) {
        static Summary of(Loaded loaded) {
            Discussion d = loaded.discussion();
            return new Summary(d.id, d.caseId, d.contactId,
                    new Child(d.childFirstName, d.childLastName, d.childDateOfBirth), d.rag, d.openedAt, d.dueAt,
                    loaded.overdue(), d.status,
                    loaded.invitations().stream().map(InvitationView::of).toList(),
                    d.heldAt, d.outcome, S47View.of(loaded.s47()));
        }
    }

    /** What participants need to take part: who the child is, the concern, and what was decided. */
    public record ChildDetail(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
                              Map<String, Object> address) {
    }

    public record Detail(UUID id, UUID caseId, UUID contactId, ChildDetail child, Rag rag, List<String> concernCodes,
                         String concernSummary, OffsetDateTime openedAt, OffsetDateTime dueAt, boolean overdue,
                         DiscussionStatus status, List<InvitationView> invitations, OffsetDateTime heldAt, Mode mode,
                         Map<String, Attendance> attendance, Boolean coreAgenciesPresent, Outcome outcome,
                         String rationale, String absenceReason, S47View s47, List<ContributionView> contributions) {
        static Detail of(Loaded loaded, StrategyDiscussionService service, Requester requester) {
            Summary s = Summary.of(loaded);
            Discussion d = loaded.discussion();
            Map<String, Attendance> attendance = new LinkedHashMap<>();
            loaded.attendance().forEach(a -> attendance.put(a.agency, a.status));
            return new Detail(d.id, d.caseId, d.contactId,
                    new ChildDetail(d.childFirstName, d.childLastName, d.childDateOfBirth, d.childExpectedBirth,
                            service.address(d)),
                    d.rag, service.concernCodes(d), d.concernSummary, d.openedAt, d.dueAt, s.overdue(), d.status,
                    s.invitations(), d.heldAt, d.mode, attendance, d.coreAgenciesPresent, d.outcome, d.rationale,
                    d.absenceReason, s.s47(),
                    ParticipationService.visibleContributions(loaded, requester).stream().map(ContributionView::of).toList());
        }
    }

    public record Page(int page, int size, List<Summary> items) {
    }
}

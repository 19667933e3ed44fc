package org.mash.strategy.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.platform.problem.ProblemException;
import org.mash.strategy.domain.Agencies;
import org.mash.strategy.domain.ContributionRequest;
import org.mash.strategy.domain.DiscussionAccess;
import org.mash.strategy.domain.DiscussionStatus;
import org.mash.strategy.domain.InvitationResponse;
import org.mash.strategy.domain.Violation;
import org.mash.strategy.repository.Contribution;
import org.mash.strategy.repository.Discussion;
import org.mash.strategy.repository.Invitation;
import org.mash.strategy.service.StrategyDiscussionService.Loaded;
import org.mash.strategy.service.StrategyDiscussionService.Requester;

/** Who takes part: the agencies invited, their answers, and what each agency shares with its risk grading. */
@ApplicationScoped
public class ParticipationService {

    private static final Logger LOG = Logger.getLogger(ParticipationService.class);

    private final StrategyDiscussionService discussions;

    public ParticipationService(StrategyDiscussionService discussions) {
        this.discussions = discussions;
    }

    /** The invitations of a discussion the requester may see (the read is logged). */
    @WithTransaction
    public Uni<List<Invitation>> invitations(UUID id, Requester requester) {
        return discussions.visible(id, requester)
                .call(loaded -> discussions.logRead(id, requester, "READ_INVITATIONS"))
                .map(Loaded::invitations);
    }

    /** Invites one more agency (before the discussion is held); 409 if it is already invited. */
    @WithTransaction
    public Uni<Invitation> invite(UUID id, String agency, Requester requester) {
        ProblemException invalid = StrategyDiscussionService.invalid(Agencies.check("agency", agency));
        if (invalid != null) {
            return Uni.createFrom().failure(invalid);
        }
        return discussions.visible(id, requester).chain(loaded -> {
            requireOpen(loaded.discussion(), "invite another agency");
            if (loaded.invitations().stream().anyMatch(i -> i.agency.equals(agency))) {
                throw ProblemException.conflict("'" + agency + "' is already invited to discussion " + id);
            }
            Invitation invitation = Invitation.of(id, agency, discussions.now(), requester.username());
            return invitation.persist().replaceWith(invitation)
                    .invoke(() -> LOG.infof("discussion %s: %s invited by %s", id, agency, requester.username()));
        });
    }

    /**
     * Records an invited agency's answer, with who recorded it and when: the agency's own participant, or MASH
     * staff on its behalf. The answer may change until the discussion is held.
     */
    @WithTransaction
    public Uni<Invitation> respond(UUID id, String agency, InvitationResponse response, Requester requester) {
        if (response == null || !response.isAnswer()) {
            return Uni.createFrom().failure(StrategyDiscussionService.invalid(List.of(new Violation("response",
                    "one-of", "the answer is one of ACCEPTED, DECLINED, NO_RESPONSE"))));
        }
        return discussions.visible(id, requester).map(loaded -> {
            if (!DiscussionAccess.mayActFor(requester.roles(), requester.agency(), agency)) {
                throw ProblemException.forbidden("a participant of " + requester.agency()
                        + " may answer only their own agency's invitation, not " + agency + "'s");
            }
            Invitation invitation = loaded.invitations().stream().filter(i -> i.agency.equals(agency)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("'" + agency + "' is not invited to discussion " + id));
            requireOpen(loaded.discussion(), "answer an invitation");
            invitation.response = response;
            invitation.respondedAt = discussions.now();
            invitation.respondedBy = requester.username();
            LOG.infof("discussion %s: %s answered %s (recorded by %s)", id, agency, response, requester.username());
            return invitation;
        });
    }

    /**
     * Records what an invited agency shares and its risk grading, before or during the meeting (while the
     * discussion is open). A participant records for their own agency; MASH staff name the agency.
     */
    @WithTransaction
    public Uni<Contribution> contribute(UUID id, ContributionRequest request, Requester requester) {
        return discussions.visible(id, requester).chain(loaded -> {
            boolean staff = DiscussionAccess.isMashStaff(requester.roles());
            String agency = request.agency() == null || request.agency().isBlank()
                    ? (staff ? null : requester.agency()) : request.agency();
            List<Violation> violations = new ArrayList<>();
            if (agency == null) {
                violations.add(new Violation("agency", "required-for-mash-staff",
                        "MASH staff record information for an agency: name it, e.g. social-care"));
            } else {
                violations.addAll(Agencies.check("agency", agency));
            }
            if (request.contactId() != null && !loaded.childContactIds().contains(request.contactId())) {
                violations.add(new Violation("contactId", "child-of-the-discussion",
                        "contact " + request.contactId() + " is not a child of this discussion"));
            }
            ProblemException invalid = StrategyDiscussionService.invalid(violations);
            if (invalid != null) {
                throw invalid;
            }
            if (!DiscussionAccess.mayActFor(requester.roles(), requester.agency(), agency)) {
                throw ProblemException.forbidden("a participant of " + requester.agency()
                        + " records only their own agency's information, not " + agency + "'s");
            }
            if (loaded.invitations().stream().noneMatch(i -> i.agency.equals(agency))) {
                throw StrategyDiscussionService.invalid(List.of(new Violation("agency", "invited",
                        "'" + agency + "' is not invited to this discussion: invite it first")));
            }
            requireOpen(loaded.discussion(), "record information shared before or during the meeting");
            Contribution c = new Contribution();
            c.id = UUID.randomUUID();
            c.discussionId = id;
            c.agency = agency;
            c.contactId = request.contactId();
            c.information = request.information();
            c.riskGrading = request.riskGrading();
            c.recordedBy = requester.username();
            c.recordedAt = discussions.now();
            return c.persist().replaceWith(c)
                    .invoke(() -> LOG.infof("discussion %s: %s shared information, risk %s", id, agency, c.riskGrading));
        });
    }

    /** The contributions the requester may see: every agency's for MASH staff, their own agency's for a participant. */
    @WithTransaction
    public Uni<List<Contribution>> contributions(UUID id, Requester requester) {
        return discussions.visible(id, requester)
                .call(loaded -> discussions.logRead(id, requester, "READ_CONTRIBUTIONS"))
                .map(loaded -> visibleContributions(loaded, requester));
    }

    public static List<Contribution> visibleContributions(Loaded loaded, Requester requester) {
        return loaded.contributions().stream()
                .filter(c -> DiscussionAccess.maySeeContributionOf(requester.roles(), requester.agency(), c.agency))
                .toList();
    }

    private static void requireOpen(Discussion d, String what) {
        if (d.status != DiscussionStatus.OPEN) {
            throw ProblemException.conflict("discussion " + d.id + " was held at " + d.heldAt
                    + "; you can no longer " + what);
        }
    }
}

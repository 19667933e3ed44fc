package org.mash.strategy.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.mash.platform.outbox.Outbox;
import org.mash.platform.problem.ProblemException;
import org.mash.strategy.domain.Attendance;
import org.mash.strategy.domain.ChildDecision;
import org.mash.strategy.domain.ConveningTarget;
import org.mash.strategy.domain.CoreAgencies;
import org.mash.strategy.domain.DiscussionStatus;
import org.mash.strategy.domain.HoldRequest;
import org.mash.strategy.domain.HoldRules;
import org.mash.strategy.domain.InvitationResponse;
import org.mash.strategy.domain.Section47;
import org.mash.strategy.events.StrategyEvents;
import org.mash.strategy.repository.AgencyAttendance;
import org.mash.strategy.repository.Decision;
import org.mash.strategy.repository.Discussion;
import org.mash.strategy.repository.DiscussionChild;
import org.mash.strategy.repository.Invitation;
import org.mash.strategy.repository.S47Enquiry;

/**
 * The meeting: a discussion recorded as held, with every invited agency's attendance and the decision for each child
 * ({@code HoldRules}), its {@code discussion-held} events, and a section 47 enquiry started where decided.
 */
@ApplicationScoped
public class DiscussionHolding {

    private static final Logger LOG = Logger.getLogger(DiscussionHolding.class);

    private final StrategyDiscussionService discussions;
    private final Outbox outbox;
    private final Duration heldAtGrace;

    public DiscussionHolding(StrategyDiscussionService discussions, Outbox outbox,
                             @ConfigProperty(name = "mash.strategy.held-at-grace", defaultValue = "5M") Duration heldAtGrace) {
        this.discussions = discussions;
        this.outbox = outbox;
        this.heldAtGrace = heldAtGrace;
    }

    /**
     * Records the discussion as held, with its attendance and the decision for each child, and per child its
     * {@code discussion-held} event; a section 47 decision also starts that child's enquiry and records
     * {@code s47-started}. A decision once recorded cannot be changed (409), only superseded.
     */
    @WithTransaction
    public Uni<StrategyDiscussionService.Loaded> hold(UUID id, HoldRequest request,
                                                      StrategyDiscussionService.Requester requester) {
        return discussions.visible(id, requester).chain(loaded -> {
            Discussion d = loaded.discussion();
            if (d.status == DiscussionStatus.HELD) {
                return Uni.createFrom().failure(ProblemException.conflict("discussion " + id + " was held at "
                        + d.heldAt + " and its decision recorded; the decision cannot be changed once recorded, "
                        + "only superseded by a later decision (POST .../decisions/{decisionId}/supersession)"));
            }
            OffsetDateTime now = discussions.now();
            List<UUID> children = loaded.childContactIds();
            ProblemException invalid = StrategyDiscussionService.invalid(
                    HoldRules.check(request, d.openedAt, heldAtGrace, children, now.toInstant()));
            if (invalid != null) {
                return Uni.createFrom().failure(invalid);
            }
            Map<String, Attendance> attendance = attendanceOfEveryAgency(loaded.invitations(), request.attendance());
            Map<UUID, ChildDecision> decisions = HoldRules.decisionsByChild(request, children);
            boolean corePresent = CoreAgencies.present(attendance);
            ChildDecision first = decisions.get(d.contactId);
            d.status = DiscussionStatus.HELD;
            d.heldAt = request.heldAt().withOffsetSameInstant(ZoneOffset.UTC);
            d.mode = request.mode();
            d.outcome = first.outcome();
            d.rationale = first.rationale();
            d.absenceReason = StrategyDiscussionService.blankToNull(request.absenceReason());
            d.coreAgenciesPresent = corePresent;

            Set<String> invited = loaded.invitations().stream().map(i -> i.agency).collect(Collectors.toSet());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<String, Attendance> entry : attendance.entrySet()) {
                AgencyAttendance row = AgencyAttendance.of(d.id, entry.getKey(), entry.getValue());
                chain = chain.chain(() -> row.persist()).replaceWithVoid();
                if (!invited.contains(entry.getKey())) {
                    // an agency that took part without an invitation: invited by the chair, its answer implied
                    Invitation added = Invitation.of(d.id, entry.getKey(), now, requester.username());
                    added.response = InvitationResponse.impliedBy(entry.getValue());
                    added.respondedAt = now;
                    added.respondedBy = requester.username();
                    chain = chain.chain(() -> added.persist()).replaceWithVoid();
                }
            }
            Map<String, String> attendanceByAgency = new TreeMap<>();
            attendance.forEach((agency, status) -> attendanceByAgency.put(agency, status.name()));
            boolean withinTarget = ConveningTarget.withinTarget(d.heldAt, d.dueAt);
            for (DiscussionChild child : loaded.children()) {
                ChildDecision decided = decisions.get(child.contactId);
                Decision decision = StrategyDiscussionService.newDecision(d.id, child.contactId, decided.outcome(),
                        decided.rationale(),
                        decided.safetyPlan(), requester.username(), now);
                StrategyEvents.DiscussionHeldV1 held = new StrategyEvents.DiscussionHeldV1(d.id, child.contactId,
                        child.childRef, d.heldAt, d.dueAt, withinTarget, d.mode, attendanceByAgency, corePresent,
                        decided.outcome());
                chain = chain.chain(() -> decision.persist())
                        .chain(() -> outbox.publish(StrategyEvents.TOPIC, child.contactId.toString(),
                                StrategyEvents.DISCUSSION_HELD, d.id.toString(), held)).replaceWithVoid();
                if (decided.outcome().startsSection47()) {
                    S47Enquiry enquiry = discussions.newEnquiry(d.id, child, decided.outcome(), Section47.startedOn(d.heldAt));
                    chain = chain.chain(() -> discussions.startEnquiry(d.id, child, enquiry));
                }
            }
            return chain
                    .chain(() -> discussions.logRead(d.id, requester, "HOLD"))
                    .invoke(() -> LOG.infof("discussion %s held at %s: %s", d.id, d.heldAt, decisions.values().stream()
                            .map(x -> x.outcome().name()).toList()))
                    .chain(() -> discussions.reload(d));
        });
    }

    /** The attendance given, with NO_RESPONSE for every invited agency it does not mention. */
    private static Map<String, Attendance> attendanceOfEveryAgency(List<Invitation> invitations,
                                                                  Map<String, Attendance> given) {
        Map<String, Attendance> attendance = new LinkedHashMap<>();
        invitations.stream().map(i -> i.agency).sorted()
                .forEach(agency -> attendance.put(agency, Attendance.NO_RESPONSE));
        attendance.putAll(given);
        return attendance;
    }
}

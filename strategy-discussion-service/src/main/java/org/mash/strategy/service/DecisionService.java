package org.mash.strategy.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.platform.outbox.Outbox;
import org.mash.platform.problem.ProblemException;
import org.mash.strategy.domain.Section47;
import org.mash.strategy.domain.SupersedeRequest;
import org.mash.strategy.domain.Supersession;
import org.mash.strategy.events.StrategyEvents;
import org.mash.strategy.repository.Decision;
import org.mash.strategy.repository.Discussion;
import org.mash.strategy.repository.DiscussionChild;
import org.mash.strategy.repository.S47Enquiry;
import org.mash.strategy.service.StrategyDiscussionService.Loaded;
import org.mash.strategy.service.StrategyDiscussionService.Requester;

/** The chair's decisions: never changed, only superseded by a later recorded decision with who and why. */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    private final StrategyDiscussionService discussions;
    private final Outbox outbox;

    public DecisionService(StrategyDiscussionService discussions, Outbox outbox) {
        this.discussions = discussions;
        this.outbox = outbox;
    }

    /**
     * Records a later decision for the child of {@code decisionId}, which it supersedes (only the current
     * decision can be), and the {@code decision-superseded} event; a change into or out of section 47 starts
     * or withdraws the child's enquiry ({@link Supersession}), the withdrawal announced by {@code s47-withdrawn}.
     */
    @WithTransaction
    public Uni<Loaded> supersede(UUID id, UUID decisionId, SupersedeRequest request, Requester requester) {
        return discussions.visible(id, requester).chain(loaded -> {
            Discussion d = loaded.discussion();
            Decision previous = loaded.decisions().stream().filter(x -> x.id.equals(decisionId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("discussion " + id + " has no decision " + decisionId));
            if (!Supersession.maySupersede(!previous.current())) {
                throw ProblemException.conflict("decision " + decisionId + " was already superseded at "
                        + previous.supersededAt + " by decision " + previous.supersededById
                        + "; supersede the current decision instead");
            }
            DiscussionChild child = loaded.child(previous.contactId).orElseThrow();
            OffsetDateTime now = discussions.now();
            Decision next = StrategyDiscussionService.newDecision(d.id, child.contactId, request.outcome(),
                    request.rationale(), request.safetyPlan(), requester.username(), now);
            next.supersedesId = previous.id;
            next.supersessionReason = request.reason();
            previous.supersededAt = now;
            previous.supersededById = next.id;
            if (child.contactId.equals(d.contactId)) {
                d.outcome = next.outcome;
                d.rationale = next.rationale;
            }
            S47Enquiry enquiry = loaded.enquiry(child.contactId);
            Supersession.EnquiryEffect effect = Supersession.effect(previous.outcome, next.outcome, enquiry != null,
                    enquiry != null && enquiry.concludedOn != null);
            StrategyEvents.DecisionSupersededV1 event = new StrategyEvents.DecisionSupersededV1(d.id, child.contactId,
                    child.childRef, previous.outcome, next.outcome, now);
            // the earlier decision stops being current before the later one is stored (one current per child)
            Uni<Void> chain = Panache.flush().chain(() -> next.persist()).replaceWithVoid();
            switch (effect) {
                case START -> {
                    S47Enquiry started = discussions.newEnquiry(d.id, child, next.outcome, Section47.startedOn(now));
                    chain = chain.chain(() -> discussions.startEnquiry(d.id, child, started));
                }
                case WITHDRAW -> {
                    // withdrawn and announced in the same transaction, so the figures stop counting it
                    enquiry.withdrawnAt = now;
                    StrategyEvents.S47WithdrawnV1 withdrawn = new StrategyEvents.S47WithdrawnV1(enquiry.id,
                            enquiry.discussionId, enquiry.contactId, enquiry.childRef, enquiry.startedOn, now);
                    chain = chain.chain(() -> outbox.publish(StrategyEvents.TOPIC, enquiry.contactId.toString(),
                            StrategyEvents.S47_WITHDRAWN, enquiry.id.toString(), withdrawn).replaceWithVoid());
                }
                case KEEP -> enquiry.joint = next.outcome.isJoint();
                case NONE -> {
                }
            }
            return chain
                    .chain(() -> outbox.publish(StrategyEvents.TOPIC, child.contactId.toString(),
                            StrategyEvents.DECISION_SUPERSEDED, d.id.toString(), event))
                    .invoke(() -> LOG.infof("discussion %s: decision %s (%s) superseded by %s (%s), recorded by %s; "
                                    + "section 47: %s", d.id, previous.id, previous.outcome, next.id, next.outcome,
                            requester.username(), effect))
                    .chain(() -> discussions.logRead(d.id, requester, "SUPERSEDE"))
                    .chain(() -> discussions.reload(d));
        });
    }
}

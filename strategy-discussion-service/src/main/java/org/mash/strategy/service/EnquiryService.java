package org.mash.strategy.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.platform.outbox.Outbox;
import org.mash.platform.problem.ProblemException;
import org.mash.strategy.domain.IcpcRequest;
import org.mash.strategy.domain.MashTime;
import org.mash.strategy.domain.S47Conclusion;
import org.mash.strategy.domain.S47OutcomeRequest;
import org.mash.strategy.events.StrategyEvents;
import org.mash.strategy.repository.S47Enquiry;
import org.mash.strategy.service.StrategyDiscussionService.Loaded;
import org.mash.strategy.service.StrategyDiscussionService.Requester;

/** Section 47 enquiries after the discussion: their outcome, and the initial child protection conference. */
@ApplicationScoped
public class EnquiryService {

    private static final Logger LOG = Logger.getLogger(EnquiryService.class);

    private final StrategyDiscussionService discussions;
    private final S47Conclusion conclusion;
    private final Outbox outbox;

    public EnquiryService(StrategyDiscussionService discussions, S47Conclusion conclusion, Outbox outbox) {
        this.discussions = discussions;
        this.conclusion = conclusion;
        this.outbox = outbox;
    }

    /** Records the enquiry's outcome (once) and its {@code s47-concluded} event; any outcome but ICPC means "ICPC not required". */
    @WithTransaction
    public Uni<S47Enquiry> conclude(UUID id, UUID enquiryId, S47OutcomeRequest request, Requester requester) {
        return enquiry(id, enquiryId, requester).chain(enquiry -> {
            if (enquiry.concludedOn != null) {
                throw ProblemException.conflict("enquiry " + enquiryId + " was concluded on " + enquiry.concludedOn
                        + " with outcome " + enquiry.outcomeCode + "; its outcome cannot be changed");
            }
            OffsetDateTime now = discussions.now();
            ProblemException invalid = StrategyDiscussionService.invalid(conclusion.checkConclusion(
                    request.outcomeCode(), request.concludedOn(), enquiry.startedOn, today(now)));
            if (invalid != null) {
                throw invalid;
            }
            enquiry.concludedOn = request.concludedOn();
            enquiry.outcomeCode = request.outcomeCode();
            enquiry.icpcRequired = S47Conclusion.icpcRequired(request.outcomeCode());
            enquiry.concludedBy = requester.username();
            enquiry.concludedAt = now;
            StrategyEvents.S47ConcludedV1 event = new StrategyEvents.S47ConcludedV1(enquiry.id, enquiry.discussionId,
                    enquiry.contactId, enquiry.childRef, enquiry.startedOn, enquiry.concludedOn, enquiry.outcomeCode,
                    enquiry.icpcRequired, enquiry.icpcTargetDate);
            return outbox.publish(StrategyEvents.TOPIC, enquiry.contactId.toString(), StrategyEvents.S47_CONCLUDED,
                            enquiry.id.toString(), event)
                    .invoke(() -> LOG.infof("enquiry %s concluded on %s: %s (ICPC %s)", enquiry.id, enquiry.concludedOn,
                            enquiry.outcomeCode, enquiry.icpcRequired ? "required" : "not required"))
                    .replaceWith(enquiry);
        });
    }

    /** Records the date the ICPC was held (once, after an outcome of ICPC) and its {@code icpc-held} event. */
    @WithTransaction
    public Uni<S47Enquiry> icpcHeld(UUID id, UUID enquiryId, IcpcRequest request, Requester requester) {
        return enquiry(id, enquiryId, requester).chain(enquiry -> {
            if (enquiry.icpcHeldOn != null) {
                throw ProblemException.conflict("the ICPC of enquiry " + enquiryId + " was held on " + enquiry.icpcHeldOn);
            }
            if (enquiry.concludedOn == null || !enquiry.icpcRequired) {
                throw ProblemException.conflict(enquiry.concludedOn == null
                        ? "record the enquiry's outcome (ICPC) before the conference"
                        : "enquiry " + enquiryId + " concluded with " + enquiry.outcomeCode + ": ICPC not required");
            }
            OffsetDateTime now = discussions.now();
            ProblemException invalid = StrategyDiscussionService.invalid(
                    S47Conclusion.checkIcpc(request.heldOn(), enquiry.concludedOn, today(now)));
            if (invalid != null) {
                throw invalid;
            }
            enquiry.icpcHeldOn = request.heldOn();
            enquiry.icpcRecordedBy = requester.username();
            enquiry.icpcRecordedAt = now;
            StrategyEvents.IcpcHeldV1 event = new StrategyEvents.IcpcHeldV1(enquiry.id, enquiry.discussionId,
                    enquiry.contactId, enquiry.childRef, enquiry.startedOn, enquiry.icpcTargetDate, enquiry.icpcHeldOn,
                    S47Conclusion.withinTarget(enquiry.icpcHeldOn, enquiry.icpcTargetDate));
            return outbox.publish(StrategyEvents.TOPIC, enquiry.contactId.toString(), StrategyEvents.ICPC_HELD,
                            enquiry.id.toString(), event)
                    .invoke(() -> LOG.infof("ICPC of enquiry %s held on %s (target %s)", enquiry.id, enquiry.icpcHeldOn,
                            enquiry.icpcTargetDate))
                    .replaceWith(enquiry);
        });
    }

    private Uni<S47Enquiry> enquiry(UUID id, UUID enquiryId, Requester requester) {
        return discussions.visible(id, requester).map((Loaded loaded) -> loaded.enquiries().stream()
                .filter(e -> e.id.equals(enquiryId) && e.active()).findFirst()
                .orElseThrow(() -> ProblemException.notFound("discussion " + id + " has no section 47 enquiry " + enquiryId
                        + " under way")));
    }

    private static LocalDate today(OffsetDateTime now) {
        return now.atZoneSameInstant(MashTime.ZONE).toLocalDate();
    }
}

package org.mash.strategy.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.platform.events.MalformedEventException;
import org.mash.platform.outbox.Outbox;
import org.mash.strategy.domain.ConveningTarget;
import org.mash.strategy.domain.CoreAgencies;
import org.mash.strategy.domain.DiscussionStatus;
import org.mash.strategy.domain.Rag;
import org.mash.strategy.domain.SiblingGroup;
import org.mash.strategy.events.StrategyDiscussionRequested;
import org.mash.strategy.events.StrategyEvents;
import org.mash.strategy.repository.Discussion;
import org.mash.strategy.repository.DiscussionChild;
import org.mash.strategy.repository.Invitation;

/**
 * A discussion opened for each child triage hands over ({@code strategy-discussion-requested}): the core agencies
 * invited, the convening target from the RAG, siblings of one submission joined in one discussion until it is held.
 * Called by the hand-off consumer inside the inbox's transaction.
 */
@ApplicationScoped
public class DiscussionOpening {

    private static final Logger LOG = Logger.getLogger(DiscussionOpening.class);

    private final StrategyDiscussionService discussions;
    private final Outbox outbox;
    private final ConveningTarget conveningTarget;

    public DiscussionOpening(StrategyDiscussionService discussions, Outbox outbox, ConveningTarget conveningTarget) {
        this.discussions = discussions;
        this.outbox = outbox;
        this.conveningTarget = conveningTarget;
    }

    /**
     * Call inside a transaction: opens the discussion triage asked for, inviting the core agencies, and records
     * its {@code discussion-opened} event. A sibling reported in the same submission joins the discussion of
     * its brother or sister if that has not been held yet ({@link SiblingGroup}). A second hand-off of the same
     * case changes nothing.
     */
    public Uni<Void> open(StrategyDiscussionRequested requested) {
        Rag rag;
        try {
            rag = Rag.valueOf(requested.rag());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("'" + requested.rag() + "' is not a RAG rating", e);
        }
        return DiscussionChild.<DiscussionChild>find("caseId", requested.caseId()).firstResult().chain(existing -> {
            if (existing != null) {
                LOG.infof("case %s already has discussion %s; hand-off ignored", requested.caseId(), existing.discussionId);
                return Uni.createFrom().voidItem();
            }
            Uni<Discussion> group = requested.submissionId() == null ? Uni.createFrom().nullItem()
                    : Discussion.<Discussion>find("submissionId = ?1 and status = ?2 order by openedAt",
                            requested.submissionId(), DiscussionStatus.OPEN).firstResult();
            return group.chain(sibling -> sibling != null
                    && SiblingGroup.mayJoin(requested.submissionId(), sibling.submissionId, sibling.status)
                    ? join(sibling, requested, rag) : openNew(requested, rag));
        });
    }

    private Uni<Void> openNew(StrategyDiscussionRequested requested, Rag rag) {
        OffsetDateTime now = discussions.now();
        Discussion d = new Discussion();
        d.id = UUID.randomUUID();
        d.caseId = requested.caseId();
        d.contactId = requested.contactId();
        d.childRef = requested.childRef();
        d.rag = rag;
        d.childFirstName = requested.child().firstName();
        d.childLastName = requested.child().lastName();
        d.childDateOfBirth = requested.child().dateOfBirth();
        d.childExpectedBirth = requested.child().expectedDateOfBirth();
        d.childAddress = requested.child().address() == null ? null : discussions.toJson(requested.child().address());
        d.concernCodes = discussions.toJson(requested.concernCodes() == null ? List.of() : requested.concernCodes());
        d.concernSummary = requested.concernSummary() == null ? "" : requested.concernSummary();
        d.openedAt = now;
        d.dueAt = conveningTarget.dueAt(rag, requested.authorisedAt());
        d.status = DiscussionStatus.OPEN;
        d.submissionId = requested.submissionId();
        DiscussionChild child = child(d.id, requested, rag, now);
        StrategyEvents.DiscussionOpenedV1 event = new StrategyEvents.DiscussionOpenedV1(d.id, d.caseId,
                d.contactId, d.childRef, d.rag, d.openedAt, d.dueAt);
        Uni<Void> chain = d.persist().chain(() -> Panache.flush()).chain(() -> child.persist()).replaceWithVoid();
        for (String agency : CoreAgencies.defaultInvitations()) {
            chain = chain.chain(() -> Invitation.of(d.id, agency, now, Invitation.SYSTEM).persist()).replaceWithVoid();
        }
        return chain
                .chain(() -> outbox.publish(StrategyEvents.TOPIC, d.contactId.toString(),
                        StrategyEvents.DISCUSSION_OPENED, d.id.toString(), event))
                .invoke(() -> LOG.infof("opened discussion %s for case %s (%s, due %s)", d.id, d.caseId, rag, d.dueAt))
                .replaceWithVoid();
    }

    /**
     * A sibling joins the open discussion of its submission; the meeting is due by the earliest due time. The
     * discussion's row is updated and its version raised in one conditional statement: if it was held meanwhile
     * (the statement waits for the hold to commit, then finds it no longer open), the sibling gets a discussion of
     * its own; a hold that read the discussion before this join fails on the version (409) instead of holding a
     * meeting whose new child has no decision.
     */
    private Uni<Void> join(Discussion d, StrategyDiscussionRequested requested, Rag rag) {
        OffsetDateTime now = discussions.now();
        DiscussionChild child = child(d.id, requested, rag, now);
        OffsetDateTime dueAt = SiblingGroup.dueAt(d.dueAt, conveningTarget.dueAt(rag, requested.authorisedAt()));
        StrategyEvents.DiscussionOpenedV1 event = new StrategyEvents.DiscussionOpenedV1(d.id, requested.caseId(),
                requested.contactId(), requested.childRef(), rag, now, dueAt);
        return Discussion.update("dueAt = :dueAt, version = version + 1 where id = :id and status = :open",
                        Parameters.with("dueAt", dueAt).and("id", d.id).and("open", DiscussionStatus.OPEN))
                .chain(updated -> {
                    if (updated != 1) {
                        LOG.infof("discussion %s was held before case %s could join it; the sibling gets its own",
                                d.id, requested.caseId());
                        return openNew(requested, rag);
                    }
                    return child.persist()
                            .chain(() -> outbox.publish(StrategyEvents.TOPIC, requested.contactId().toString(),
                                    StrategyEvents.DISCUSSION_OPENED, d.id.toString(), event))
                            .invoke(() -> LOG.infof("case %s joined discussion %s of its sibling group (due %s)",
                                    requested.caseId(), d.id, dueAt))
                            .replaceWithVoid();
                });
    }

    private DiscussionChild child(UUID discussionId, StrategyDiscussionRequested requested, Rag rag, OffsetDateTime now) {
        DiscussionChild c = new DiscussionChild();
        c.discussionId = discussionId;
        c.contactId = requested.contactId();
        c.caseId = requested.caseId();
        c.childRef = requested.childRef();
        c.rag = rag;
        c.firstName = requested.child().firstName();
        c.lastName = requested.child().lastName();
        c.dateOfBirth = requested.child().dateOfBirth();
        c.expectedBirth = requested.child().expectedDateOfBirth();
        c.address = requested.child().address() == null ? null : discussions.toJson(requested.child().address());
        c.concernCodes = discussions.toJson(requested.concernCodes() == null ? List.of() : requested.concernCodes());
        c.concernSummary = requested.concernSummary() == null ? "" : requested.concernSummary();
        c.joinedAt = now;
        return c;
    }
}

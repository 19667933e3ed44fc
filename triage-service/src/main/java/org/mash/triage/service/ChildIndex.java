package org.mash.triage.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.mash.platform.audit.AccessLog;
import org.mash.platform.problem.ProblemException;
import org.mash.triage.domain.CaseAction;
import org.mash.triage.domain.ChildLinking;
import org.mash.triage.domain.LocalChildId;
import org.mash.triage.domain.Violation;
import org.mash.triage.repository.Child;
import org.mash.triage.repository.ChildLink;
import org.mash.triage.repository.ChildNhsNumber;
import org.mash.triage.repository.TriageCase;

/**
 * The person index: every case belongs to a child with a stable local child id. A contact about a child whose NHS
 * number an earlier contact gave is linked to that child, with certainty; any other contact starts a new child record,
 * until a practitioner confirms a suggested history match of the child (the two records are merged). A manager merges
 * two records made for one child; a case linked to the wrong child is unlinked to a record of its own. The rules are
 * {@link ChildLinking}; each link made or undone is recorded: how, by whom, when and why.
 *
 * <p>Two contacts about one child may arrive at once on different partitions: the NHS number is a unique key of
 * {@code child_nhs_number}, so the second waits for the first's transaction and then finds its child, rather than
 * making a second record.
 */
@ApplicationScoped
public class ChildIndex {

    /**
     * A child's record as a practitioner sees it: the local id, every case (oldest first), every link made or
     * undone, and the strategy discussions and section 47 enquiries about them; for a record merged into another,
     * that one's local id (and no cases).
     */
    public record ChildRecord(Child child, List<TriageCase> cases, List<ChildLink> links, String mergedInto,
                              StrategyFacts.OfCase strategy) {
    }

    private final Clock clock;
    private final AccessLog accessLog;
    private final CaseActivities activities;
    private final StrategyFacts strategy;

    public ChildIndex(Clock clock, AccessLog accessLog, CaseActivities activities, StrategyFacts strategy) {
        this.clock = clock;
        this.accessLog = accessLog;
        this.activities = activities;
        this.strategy = strategy;
    }

    /**
     * Call inside the intake's transaction, before the case is persisted: sets the child the case belongs to, and
     * returns how it was linked, to be persisted after the case.
     */
    public Uni<ChildLink> assign(TriageCase c) {
        if (c.childNhsNumber == null) {
            return newChild().map(child -> link(c, child, ChildLink.NEW_CHILD));
        }
        return childOf(c.childNhsNumber).chain(known -> {
            if (known != null) {
                return Uni.createFrom().item(link(c, known, ChildLink.BY_NHS_NUMBER));
            }
            return newChild().chain(child -> claim(c.childNhsNumber, child.id).chain(claimed -> claimed
                    ? Uni.createFrom().item(link(c, child, ChildLink.NEW_CHILD))
                    // another contact about this child made its record first: this case is theirs, the new record goes
                    : child.delete().chain(() -> childOf(c.childNhsNumber))
                            .map(winner -> link(c, winner, ChildLink.BY_NHS_NUMBER))));
        });
    }

    /** The child with this local id, every case of theirs and how each was linked; the read is access-logged. */
    @WithTransaction
    public Uni<ChildRecord> read(String localId, TriageService.Actor reader) {
        return load(localId).chain(this::recordOf)
                .call(r -> accessLog.record("child", r.child().id, reader.username(), null, reader.roles(), "READ"));
    }

    /**
     * A manager merges two records made for one child: every case of {@code fromLocalId} moves to {@code intoLocalId},
     * each move recorded on the case with who and why; the first record answers from then on with where it went.
     */
    @WithTransaction
    public Uni<ChildRecord> merge(String fromLocalId, String intoLocalId, String reason, TriageService.Actor actor) {
        return load(fromLocalId).chain(from -> findByLocalId(intoLocalId).chain(into -> {
            if (into == null) {
                TriageService.reject(List.of(new Violation("into", "exists", "no child " + intoLocalId)));
            }
            return move(from, into, ChildLink.BY_MERGE, reason, actor);
        })).chain(this::recordOf).call(r -> accessLog.record("child", r.child().id, actor.username(), null, actor.roles(), "WRITE-MERGE"));
    }

    /**
     * Call inside the transaction of a confirmed history match of the child: the case's record and the earlier case's
     * are one child's, so the case's record is merged into the earlier one (nothing to do if they are one already).
     */
    public Uni<Void> confirmMatch(TriageCase c, UUID earlierCaseId, TriageService.Actor actor, String reason) {
        return TriageCase.<TriageCase>findById(earlierCaseId).chain(earlier -> {
            if (earlier == null || earlier.childId.equals(c.childId)) {
                return Uni.createFrom().voidItem();
            }
            return Child.<Child>findById(c.childId).chain(from -> Child.<Child>findById(earlier.childId)
                    .chain(into -> move(from, into, ChildLink.BY_CONFIRMED_MATCH, reason, actor))).replaceWithVoid();
        });
    }

    /**
     * A case linked to the wrong child moves to a new record of its own, with who and why. The NHS number, if the case
     * gives one, stays with the record it leaves (the certain match stays where the other contacts are).
     */
    @WithTransaction
    public Uni<ChildRecord> unlink(UUID caseId, String reason, TriageService.Actor actor) {
        return TriageCase.<TriageCase>findById(caseId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("no triage case " + caseId))
                .chain(c -> Child.<Child>findById(c.childId).chain(from -> rulesRecord(from).chain(current -> {
                    TriageService.reject(ChildLinking.checkUnlink(current, reason));
                    return newChild().chain(fresh -> {
                        OffsetDateTime now = now();
                        ChildLink left = change(c, from, ChildLink.UNLINKED, ChildLink.BY_UNLINK, actor, reason, now);
                        ChildLink joined = change(c, fresh, ChildLink.LINKED, ChildLink.BY_UNLINK, actor, reason, now);
                        c.childId = fresh.id;
                        c.childLocalId = fresh.localId;
                        return left.persist().chain(() -> joined.persist())
                                .chain(() -> activities.recordBy(c.id, CaseAction.CHILD_CHANGED, actor, actor.role(), now,
                                        "unlinked from " + from.localId + " to a new record " + fresh.localId + ": " + reason))
                                .replaceWith(fresh);
                    });
                })))
                .chain(this::recordOf).call(r -> accessLog.record("child", r.child().id, actor.username(), null, actor.roles(), "WRITE-UNLINK"));
    }

    /** Moves every case of {@code from} to {@code into} (after the rules allow it) and marks {@code from} merged. */
    private Uni<Child> move(Child from, Child into, String method, String reason, TriageService.Actor actor) {
        return rulesRecord(from).chain(f -> rulesRecord(into).chain(i -> {
            TriageService.reject(ChildLinking.checkMerge(f, i, reason));
            OffsetDateTime now = now();
            return TriageCase.<TriageCase>list("childId = ?1 order by receivedAt, id", from.id).chain(cases -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (TriageCase c : cases) {
                    chain = chain.chain(() -> change(c, from, ChildLink.UNLINKED, method, actor, reason, now).persist())
                            .chain(() -> change(c, into, ChildLink.LINKED, method, actor, reason, now).persist())
                            .chain(() -> activities.recordBy(c.id, CaseAction.CHILD_CHANGED, actor, actor.role(), now,
                                    "moved from " + from.localId + " to " + into.localId + " (" + method + "): " + reason));
                }
                return chain;
            }).chain(() -> TriageCase.update("childId = ?1, childLocalId = ?2 where childId = ?3", into.id, into.localId, from.id))
                    .chain(() -> ChildNhsNumber.update("childId = ?1 where childId = ?2", into.id, from.id))
                    .invoke(() -> {
                        from.mergedInto = into.id;
                        from.mergedAt = now;
                        from.mergedBy = actor.username();
                        from.mergeReason = reason;
                    })
                    .replaceWith(into);
        }));
    }

    private static ChildLink change(TriageCase c, Child child, String action, String method, TriageService.Actor actor,
                                    String reason, OffsetDateTime at) {
        ChildLink link = new ChildLink();
        link.id = UUID.randomUUID();
        link.caseId = c.id;
        link.childId = child.id;
        link.action = action;
        link.method = method;
        link.actor = actor.username();
        link.reason = reason;
        link.at = at;
        return link;
    }

    /** A record as the linking rules see it: merged or not, its cases and their NHS numbers. */
    private Uni<ChildLinking.Record> rulesRecord(Child child) {
        return TriageCase.<TriageCase>list("childId", child.id).map(cases -> new ChildLinking.Record(child.localId,
                child.mergedInto != null, cases.size(), cases.stream().map(c -> c.childNhsNumber)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet())));
    }

    private Uni<ChildRecord> recordOf(Child child) {
        Uni<String> mergedInto = child.mergedInto == null ? Uni.createFrom().nullItem()
                : Child.<Child>findById(child.mergedInto).map(c -> c.localId);
        return mergedInto.chain(into -> TriageCase.<TriageCase>list("childId = ?1 order by receivedAt, id", child.id)
                .chain(cases -> ChildLink.<ChildLink>list("childId = ?1 order by at, action desc, id", child.id)
                        .chain(links -> strategy.of(cases.stream().map(c -> c.id).toList())
                                .map(facts -> new ChildRecord(child, cases, links, into, facts)))));
    }

    private Uni<Child> load(String localId) {
        return findByLocalId(localId).onItem().ifNull().failWith(() -> ProblemException.notFound("no child " + localId));
    }

    private static Uni<Child> findByLocalId(String localId) {
        if (!LocalChildId.valid(localId)) {
            return Uni.createFrom().nullItem();
        }
        return Child.<Child>find("localId", localId).firstResult();
    }

    /** The child an NHS number is already linked to, or null. */
    private Uni<Child> childOf(String nhsNumber) {
        return Child.<Child>find("id = (select n.childId from ChildNhsNumber n where n.nhsNumber = ?1)", nhsNumber).firstResult();
    }

    /** Whether this NHS number is now this child's; false when another contact's transaction claimed it first. */
    private Uni<Boolean> claim(String nhsNumber, UUID childId) {
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(
                        "insert into child_nhs_number (nhs_number, child_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, nhsNumber).setParameter(2, childId).executeUpdate()))
                .map(inserted -> inserted == 1);
    }

    private Uni<Child> newChild() {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select nextval('child_local_number')", Long.class).getSingleResult())
                .chain(number -> {
                    Child child = new Child();
                    child.id = UUID.randomUUID();
                    child.localId = LocalChildId.of(number);
                    child.createdAt = now();
                    return child.persist();
                });
    }

    private ChildLink link(TriageCase c, Child child, String method) {
        c.childId = child.id;
        c.childLocalId = child.localId;
        ChildLink link = new ChildLink();
        link.id = UUID.randomUUID();
        link.caseId = c.id;
        link.childId = child.id;
        link.action = ChildLink.LINKED;
        link.method = method;
        link.actor = CaseActivities.SYSTEM;
        link.at = now();
        return link;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

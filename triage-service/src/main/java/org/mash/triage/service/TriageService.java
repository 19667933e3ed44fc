package org.mash.triage.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.platform.audit.AccessLog;
import org.mash.platform.outbox.Outbox;
import org.mash.platform.problem.PersistenceProblems;
import org.mash.platform.problem.Problem;
import org.mash.platform.problem.ProblemException;
import org.mash.platform.security.Roles;
import org.mash.triage.domain.Allocation;
import org.mash.triage.domain.CaseAction;
import org.mash.triage.domain.CaseStatus;
import org.mash.triage.domain.Rag;
import org.mash.triage.domain.Rerating;
import org.mash.triage.domain.Violation;
import org.mash.triage.events.TriageEvents;
import org.mash.triage.repository.CaseAmendment;
import org.mash.triage.repository.RagRating;
import org.mash.triage.repository.TriageCase;

/** Serves the queue and a case's reads, allocation and rating, and takes decisions from proposal to authorisation. */
@ApplicationScoped
public class TriageService {

    private static final Logger LOG = Logger.getLogger(TriageService.class);

    /** Who is acting, as the service needs it. */
    public record Actor(String username, Set<String> roles) {

        /** The signed-in caller as the service needs them. */
        public static Actor of(org.mash.platform.security.Caller caller) {
            return new Actor(caller.username(), caller.roles());
        }

        /** The role the user acts in, for the timeline: their MASH role, a manager's first. */
        public String role() {
            for (String role : List.of(Roles.MANAGER, Roles.PRACTITIONER, Roles.PARTNER_OFFICER)) {
                if (roles.contains(role)) {
                    return role;
                }
            }
            return roles.stream().sorted().findFirst().orElse("none");
        }
    }

    /** Queue filters; null means "any". */
    public record QueueFilter(Rag rag, CaseStatus status, Boolean overdue, String assignee, Boolean checksOverdue,
                              int page, int size) {
    }

    private final TriageRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final AccessLog accessLog;
    private final CaseActivities activities;
    private final HistoryService histories;

    public TriageService(TriageRules rules, Outbox outbox, Clock clock, AccessLog accessLog, CaseActivities activities,
                         HistoryService histories) {
        this.histories = histories;
        this.rules = rules;
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.clock = clock;
        this.activities = activities;
    }

    /** The amendments of a case, oldest first. */
    @WithSession
    public Uni<List<CaseAmendment>> amendments(UUID caseId) {
        return CaseAmendment.list("caseId", Sort.ascending("amendedAt"), caseId);
    }

    /** Confirms or changes the RAG rating; the history keeps every rating, and the due time follows the latest. */
    @WithTransaction
    public Uni<TriageCase> rate(UUID id, Actor actor, Rag rag, String rationale) {
        return find(id).chain(c -> {
            reject(Rerating.check(c.status, rag, rationale));
            Rag previous = c.rag;
            c.rag = rag;
            c.dueAt = rules.targets().ragDue(c.receivedAt.toInstant(), rag).atOffset(ZoneOffset.UTC);
            RagRating rating = RagRating.of(c.id, rag, rationale, actor.username(), now());
            TriageEvents.CaseReratedV1 event = new TriageEvents.CaseReratedV1(c.id, c.contactId, c.childRef,
                    previous.name(), rag.name(), rating.ratedAt, c.receivedAt, c.dueAt);
            return rating.persist()
                    .chain(() -> activities.recordBy(c.id, CaseAction.RATED, actor, actor.role(), rating.ratedAt,
                            previous + " -> " + rag + ": " + rationale))
                    .chain(() -> outbox.publish(TriageEvents.TOPIC, c.contactId.toString(), TriageEvents.CASE_RERATED,
                            c.id.toString(), event))
                    .replaceWith(c);
        });
    }

    /** The information checks of a case, oldest first. */
    @WithSession
    public Uni<List<org.mash.triage.repository.PartnerCheck>> checks(UUID caseId) {
        return org.mash.triage.repository.PartnerCheck.list("caseId", Sort.ascending("requestedAt"), caseId);
    }

    /** The ratings of a case, oldest first. */
    @WithSession
    public Uni<List<RagRating>> ratings(UUID caseId) {
        return RagRating.list("caseId", Sort.ascending("ratedAt"), caseId);
    }

    /** A practitioner takes an unassigned case; of two claims at the same moment one wins, the other is a 409. */
    public Uni<TriageCase> claim(UUID id, Actor actor) {
        return claimInTransaction(id, actor).onFailure(PersistenceProblems::isConcurrentUpdate)
                .transform(e -> ProblemException.conflict("someone else claimed the case at the same moment"));
    }

    @WithTransaction
    Uni<TriageCase> claimInTransaction(UUID id, Actor actor) {
        return find(id).chain(c -> {
            Allocation.checkClaim(c.status, c.assignee, actor.username()).ifPresent(v -> reject(List.of(v)));
            c.assignee = actor.username();
            return activities.recordBy(c.id, CaseAction.CLAIMED, actor, actor.role(), now(), null)
                    .chain(() -> TriageCase.getSession()).chain(session -> session.flush()).replaceWith(c);
        });
    }

    @WithTransaction
    public Uni<TriageCase> assign(UUID id, Actor manager, String assignee) {
        return find(id).call(c -> {
            Allocation.checkAssign(c.status).ifPresent(v -> reject(List.of(v)));
            c.assignee = assignee;
            return activities.recordBy(c.id, CaseAction.ASSIGNED, manager, Roles.MANAGER, now(), "to " + assignee);
        });
    }

    @WithTransaction
    public Uni<TriageCase> release(UUID id, Actor actor, boolean manager) {
        return find(id).call(c -> {
            Allocation.checkRelease(c.assignee, actor.username(), manager).ifPresent(v -> reject(List.of(v)));
            String was = c.assignee;
            c.assignee = null;
            return activities.recordBy(c.id, CaseAction.RELEASED, actor, actor.role(), now(), "from " + was);
        });
    }

    /** Open work, most urgent first; every case shown is access-logged (one statement for the page). */
    @WithTransaction
    public Uni<List<TriageCase>> queue(QueueFilter filter, Actor reader) {
        QueueQuery q = QueueQuery.of(filter, now());
        return TriageCase.<TriageCase>find(q.where(), QueueQuery.ORDER, q.params())
                .page(Page.of(filter.page(), filter.size())).list()
                .call(cases -> logList(cases.stream().map(c -> c.id).toList(), reader));
    }

    /**
     * What a page of the queue holds now, as a short fingerprint of its cases and their versions: a screen showing the
     * queue asks for this, and fetches (and logs) the cases again only when it changed. It reads no personal data, so
     * it is not access-logged.
     */
    @WithSession
    public Uni<String> queueFingerprint(QueueFilter filter) {
        QueueQuery q = QueueQuery.of(filter, now());
        return TriageCase.<TriageCase>find(q.where(), QueueQuery.ORDER, q.params())
                .page(Page.of(filter.page(), filter.size())).project(QueueQuery.Row.class).list()
                .map(QueueQuery::fingerprint);
    }

    /** Records that these cases were shown to the reader in a list, as the platform's AccessLog does for one. */
    private Uni<Integer> logList(List<UUID> caseIds, Actor reader) {
        return accessLog.recordList("triage-case", "TriageCase", caseIds, reader.username(), null, reader.roles(), "LIST");
    }

    /** The timeline of a case, oldest first; the read is logged. */
    @WithTransaction
    public Uni<List<org.mash.triage.repository.CaseActivity>> timeline(UUID id, Actor reader) {
        return find(id)
                .call(c -> accessLog.record("triage-case", c.id, reader.username(), null, reader.roles(), "READ-TIMELINE"))
                .chain(c -> org.mash.triage.repository.CaseActivity.<org.mash.triage.repository.CaseActivity>list(
                        "caseId", Sort.ascending("at").and("seq"), c.id));
    }

    /** One case, with the read recorded. */
    @WithTransaction
    public Uni<TriageCase> read(UUID id, Actor actor) {
        return find(id).call(c -> accessLog.record("triage-case", c.id, actor.username(), null, actor.roles(), "READ"))
                .call(histories::ensureMatched);
    }

    public static List<String> concernCodes(TriageCase c) {
        return Arrays.stream(c.concernCodes.split(",")).filter(s -> !s.isBlank()).toList();
    }

    Uni<TriageCase> find(UUID id) {
        return TriageCase.<TriageCase>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("no triage case " + id));
    }


    static void reject(List<Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        boolean stateConflict = violations.stream().allMatch(v -> v.field().isEmpty());
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(v.field(), v.rule(), v.message())).toList();
        if (stateConflict) {
            throw new ProblemException(Problem.of(409, "Conflict", violations.get(0).message(), errors));
        }
        throw ProblemException.invalid(errors);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

}

package org.mash.strategy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.mash.platform.audit.AccessLog;
import org.mash.platform.outbox.Outbox;
import org.mash.platform.problem.Problem;
import org.mash.platform.problem.ProblemException;
import org.mash.strategy.domain.ConveningTarget;
import org.mash.strategy.domain.DiscussionAccess;
import org.mash.strategy.domain.DiscussionStatus;
import org.mash.strategy.domain.Outcome;
import org.mash.strategy.domain.Section47;
import org.mash.strategy.domain.Violation;
import org.mash.strategy.events.StrategyEvents;
import org.mash.strategy.repository.AgencyAttendance;
import org.mash.strategy.repository.Contribution;
import org.mash.strategy.repository.Decision;
import org.mash.strategy.repository.Discussion;
import org.mash.strategy.repository.DiscussionAction;
import org.mash.strategy.repository.DiscussionChild;
import org.mash.strategy.repository.MinutesCirculation;
import org.mash.strategy.repository.Invitation;
import org.mash.strategy.repository.S47Enquiry;

/** Opens discussions from triage's hand-offs, shows them to those invited, and records them as held. */
@ApplicationScoped
public class StrategyDiscussionService {

    private static final Logger LOG = Logger.getLogger(StrategyDiscussionService.class);
    static final String RECORD_TYPE = "strategy-discussion";

    /** Who is asking, as the service needs it. */
    public record Requester(String username, String agency, Set<String> roles) {
    }

    /** A discussion with everything stored about it, and whether it is overdue now. */
    public record Loaded(Discussion discussion, List<DiscussionChild> children, List<Invitation> invitations,
                         List<AgencyAttendance> attendance, List<Decision> decisions, List<S47Enquiry> enquiries,
                         List<Contribution> contributions, List<DiscussionAction> actions,
                         List<MinutesCirculation> circulation, boolean overdue, Instant asOf) {

        /** The contact ids of the children this discussion is about, the first child first. */
        public List<UUID> childContactIds() {
            return children.stream().map(c -> c.contactId).toList();
        }

        public Optional<DiscussionChild> child(UUID contactId) {
            return children.stream().filter(c -> c.contactId.equals(contactId)).findFirst();
        }

        /** The child's current decision (null before the discussion is held). */
        public Decision currentDecision(UUID contactId) {
            return decisions.stream().filter(x -> x.contactId.equals(contactId) && x.current()).findFirst().orElse(null);
        }

        /** Every decision recorded for the child, oldest first. */
        public List<Decision> decisionsOf(UUID contactId) {
            return decisions.stream().filter(x -> x.contactId.equals(contactId)).toList();
        }

        /** The child's section 47 enquiry, if one is under way or done (not withdrawn). */
        public S47Enquiry enquiry(UUID contactId) {
            return enquiries.stream().filter(e -> e.contactId.equals(contactId) && e.active()).findFirst().orElse(null);
        }

        /** The first child's enquiry (the discussion's own, before sibling groups). */
        public S47Enquiry s47() {
            return enquiry(discussion.contactId);
        }
    }

    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;
    private final Section47 section47;
    private final AccessLog accessLog;

    public StrategyDiscussionService(Outbox outbox, Clock clock, ObjectMapper json, Section47 section47,
                                     AccessLog accessLog) {
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.clock = clock;
        this.json = json;
        this.section47 = section47;
    }

    /** The discussions the requester may see, newest first; each one shown is recorded in the access log. */
    @WithTransaction
    public Uni<List<Loaded>> list(Requester requester, DiscussionStatus status, Boolean overdue, int page, int size) {
        String agency = DiscussionAccess.listScope(requester.roles(), requester.agency());
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (agency != null) {
            query.append(" and id in (select i.discussionId from Invitation i where i.agency = :agency)");
            params.and("agency", agency);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (overdue != null) {
            query.append(overdue ? " and status = :open and dueAt < :now" : " and (status <> :open or dueAt >= :now)");
            params.and("open", DiscussionStatus.OPEN).and("now", now());
        }
        return Discussion.<Discussion>find(query.toString(), Sort.descending("openedAt").and("id"), params)
                .page(Page.of(page, size)).list()
                .chain(this::loadAll)
                .call(shown -> {
                    Uni<Void> log = Uni.createFrom().voidItem();
                    for (Loaded loaded : shown) {
                        log = log.chain(() -> logRead(loaded.discussion().id, requester, "LIST"));
                    }
                    return log;
                });
    }

    /** A discussion the requester may see, with the read recorded in the access log; else 404. */
    @WithTransaction
    public Uni<Loaded> read(UUID id, Requester requester) {
        return visible(id, requester).call(loaded -> logRead(loaded.discussion().id, requester, "READ"));
    }

    /** Records a read of discussion {@code id} in the access log (call inside the reading transaction). */
    public Uni<Void> logRead(UUID id, Requester requester, String action) {
        return accessLog.record(RECORD_TYPE, id, requester.username(), requester.agency(), requester.roles(), action);
    }

    /** A problem naming each broken rule, or null if none. */
    public static ProblemException invalid(List<Violation> violations) {
        return violations.isEmpty() ? null : ProblemException.invalid(violations.stream()
                .map(v -> new Problem.FieldError(v.field(), v.rule(), v.message())).toList());
    }

    static Decision newDecision(UUID discussionId, UUID contactId, Outcome outcome, String rationale, String safetyPlan,
                                String recordedBy, OffsetDateTime at) {
        Decision decision = new Decision();
        decision.id = UUID.randomUUID();
        decision.discussionId = discussionId;
        decision.contactId = contactId;
        decision.outcome = outcome;
        decision.rationale = rationale;
        decision.safetyPlan = blankToNull(safetyPlan);
        decision.recordedBy = recordedBy;
        decision.recordedAt = at;
        return decision;
    }

    S47Enquiry newEnquiry(UUID discussionId, DiscussionChild child, Outcome outcome, java.time.LocalDate startedOn) {
        S47Enquiry enquiry = new S47Enquiry();
        enquiry.id = UUID.randomUUID();
        enquiry.discussionId = discussionId;
        enquiry.contactId = child.contactId;
        enquiry.childRef = child.childRef;
        enquiry.startedOn = startedOn;
        enquiry.icpcTargetDate = section47.icpcTarget(enquiry.startedOn);
        enquiry.joint = outcome.isJoint();
        return enquiry;
    }

    /** Stores the enquiry and its {@code s47-started} event, keyed by the child's contact id. */
    Uni<Void> startEnquiry(UUID discussionId, DiscussionChild child, S47Enquiry enquiry) {
        StrategyEvents.S47StartedV1 started = new StrategyEvents.S47StartedV1(enquiry.id, discussionId, child.contactId,
                child.childRef, enquiry.startedOn, enquiry.icpcTargetDate, enquiry.joint);
        return enquiry.persist()
                .chain(() -> outbox.publish(StrategyEvents.TOPIC, child.contactId.toString(),
                        StrategyEvents.S47_STARTED, discussionId.toString(), started))
                .invoke(() -> LOG.infof("section 47 enquiry %s started for contact %s, ICPC by %s", enquiry.id,
                        child.contactId, enquiry.icpcTargetDate))
                .replaceWithVoid();
    }

    /** The discussion, if the requester may see it; else 404 (its existence does not leak). */
    public Uni<Loaded> visible(UUID id, Requester requester) {
        return Discussion.<Discussion>findById(id).chain(d -> {
            if (d == null) {
                return Uni.createFrom().failure(notFound(id));
            }
            return loadAll(List.of(d)).map(list -> list.get(0));
        }).invoke(loaded -> {
            List<String> agencies = loaded.invitations().stream().map(i -> i.agency).toList();
            if (!DiscussionAccess.maySee(requester.roles(), requester.agency(), agencies)) {
                throw notFound(id);
            }
        });
    }

    /** The discussion as stored now, after the changes of this transaction are flushed. */
    public Uni<Loaded> reload(Discussion d) {
        return Panache.flush().chain(() -> loadAll(List.of(d))).map(list -> list.get(0));
    }

    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("no strategy discussion " + id + " that you may see");
    }

    /** Children, invitations, attendance, decisions, enquiries and contributions of each discussion, one query each. */
    public Uni<List<Loaded>> loadAll(List<Discussion> discussions) {
        if (discussions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = discussions.stream().map(d -> d.id).toList();
        Instant now = clock.instant();
        return DiscussionChild.<DiscussionChild>list("discussionId in ?1 order by joinedAt, contactId", ids).chain(children ->
                Invitation.<Invitation>list("discussionId in ?1", ids).chain(invitations ->
                AgencyAttendance.<AgencyAttendance>list("discussionId in ?1", ids).chain(attendance ->
                Decision.<Decision>list("discussionId in ?1 order by recordedAt, id", ids).chain(decisions ->
                S47Enquiry.<S47Enquiry>list("discussionId in ?1 order by startedOn, id", ids).chain(enquiries ->
                Contribution.<Contribution>list("discussionId in ?1 order by recordedAt, id", ids).chain(contributions ->
                DiscussionAction.<DiscussionAction>list("discussionId in ?1 order by dueOn, createdAt, id", ids).chain(actions ->
                MinutesCirculation.<MinutesCirculation>list("discussionId in ?1 order by sentAt, id", ids).map(circulation -> {
                    Map<UUID, List<DiscussionChild>> kids = byDiscussion(children, c -> c.discussionId);
                    Map<UUID, List<Invitation>> inv = byDiscussion(invitations, i -> i.discussionId);
                    Map<UUID, List<AgencyAttendance>> att = byDiscussion(attendance, a -> a.discussionId);
                    Map<UUID, List<Decision>> dec = byDiscussion(decisions, x -> x.discussionId);
                    Map<UUID, List<S47Enquiry>> s47 = byDiscussion(enquiries, e -> e.discussionId);
                    Map<UUID, List<Contribution>> shared = byDiscussion(contributions, c -> c.discussionId);
                    Map<UUID, List<DiscussionAction>> todo = byDiscussion(actions, a -> a.discussionId);
                    Map<UUID, List<MinutesCirculation>> sent = byDiscussion(circulation, m -> m.discussionId);
                    return discussions.stream().map(d -> new Loaded(d,
                            firstChildFirst(d, kids.getOrDefault(d.id, List.of())),
                            sorted(inv.getOrDefault(d.id, List.of()), i -> i.agency),
                            sorted(att.getOrDefault(d.id, List.of()), a -> a.agency),
                            dec.getOrDefault(d.id, List.of()),
                            s47.getOrDefault(d.id, List.of()),
                            shared.getOrDefault(d.id, List.of()),
                            todo.getOrDefault(d.id, List.of()),
                            sent.getOrDefault(d.id, List.of()),
                            ConveningTarget.overdue(d.status, d.dueAt, now), now)).toList();
                }))))))));
    }

    private static List<DiscussionChild> firstChildFirst(Discussion d, List<DiscussionChild> children) {
        return children.stream().sorted(Comparator.comparing((DiscussionChild c) -> !c.contactId.equals(d.contactId))
                .thenComparing(c -> c.joinedAt)).toList();
    }

    private static <T> Map<UUID, List<T>> byDiscussion(Collection<T> rows, Function<T, UUID> key) {
        return rows.stream().collect(Collectors.groupingBy(key));
    }

    private static <T> List<T> sorted(List<T> rows, Function<T, String> key) {
        return rows.stream().sorted(Comparator.comparing(key)).toList();
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** JSON text of a value, for the columns that keep one. */
    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The concern codes of a child. */
    public List<String> concernCodes(String concernCodes) {
        return readJson(concernCodes, List.class);
    }

    /** An address as received, or null. */
    public Map<String, Object> address(String address) {
        return address == null ? null : readJson(address, Map.class);
    }

    @SuppressWarnings("unchecked")
    private <T> T readJson(String value, Class<?> type) {
        try {
            return (T) json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

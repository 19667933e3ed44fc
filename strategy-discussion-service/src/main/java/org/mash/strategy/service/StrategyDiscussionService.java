package org.mash.strategy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.mash.platform.events.MalformedEventException;
import org.mash.platform.audit.AccessLog;
import org.mash.platform.outbox.Outbox;
import org.mash.platform.problem.Problem;
import org.mash.platform.problem.ProblemException;
import org.mash.strategy.domain.Attendance;
import org.mash.strategy.domain.ConveningTarget;
import org.mash.strategy.domain.CoreAgencies;
import org.mash.strategy.domain.DiscussionAccess;
import org.mash.strategy.domain.DiscussionStatus;
import org.mash.strategy.domain.HoldRequest;
import org.mash.strategy.domain.HoldRules;
import org.mash.strategy.domain.Rag;
import org.mash.strategy.domain.Section47;
import org.mash.strategy.domain.Violation;
import org.mash.strategy.events.StrategyEvents;
import org.mash.strategy.events.TriageHandoffConsumer.StrategyDiscussionRequested;
import org.mash.strategy.domain.InvitationResponse;
import org.mash.strategy.repository.AgencyAttendance;
import org.mash.strategy.repository.Contribution;
import org.mash.strategy.repository.Discussion;
import org.mash.strategy.repository.Invitation;
import org.mash.strategy.repository.S47Enquiry;

/** Opens discussions from triage's hand-offs, shows them to those invited, and records them as held. */
@ApplicationScoped
public class StrategyDiscussionService {

    private static final Logger LOG = Logger.getLogger(StrategyDiscussionService.class);

    /** Who is asking, as the service needs it. */
    public record Requester(String username, String agency, Set<String> roles) {
    }

    /** A discussion with everything stored about it, and whether it is overdue now. */
    public record Loaded(Discussion discussion, List<Invitation> invitations, List<AgencyAttendance> attendance,
                         S47Enquiry s47, List<Contribution> contributions, boolean overdue) {

        /** The contact ids of the children this discussion is about. */
        public Set<UUID> childContactIds() {
            return Set.of(discussion.contactId);
        }
    }

    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;
    private final ConveningTarget conveningTarget;
    private final Section47 section47;
    private final AccessLog accessLog;

    public StrategyDiscussionService(Outbox outbox, Clock clock, ObjectMapper json, ConveningTarget conveningTarget,
                                     Section47 section47, AccessLog accessLog) {
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.clock = clock;
        this.json = json;
        this.conveningTarget = conveningTarget;
        this.section47 = section47;
    }

    /**
     * Call inside a transaction: opens the discussion triage asked for, inviting the core agencies, and records
     * its {@code discussion-opened} event. A second hand-off of the same case changes nothing.
     */
    public Uni<Void> open(StrategyDiscussionRequested requested) {
        Rag rag;
        try {
            rag = Rag.valueOf(requested.rag());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("'" + requested.rag() + "' is not a RAG rating", e);
        }
        return Discussion.<Discussion>find("caseId", requested.caseId()).firstResult().chain(existing -> {
            if (existing != null) {
                LOG.infof("case %s already has discussion %s; hand-off ignored", requested.caseId(), existing.id);
                return Uni.createFrom().voidItem();
            }
            OffsetDateTime now = now();
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
            d.childAddress = requested.child().address() == null ? null : toJson(requested.child().address());
            d.concernCodes = toJson(requested.concernCodes() == null ? List.of() : requested.concernCodes());
            d.concernSummary = requested.concernSummary() == null ? "" : requested.concernSummary();
            d.openedAt = now;
            d.dueAt = conveningTarget.dueAt(rag, requested.authorisedAt());
            d.status = DiscussionStatus.OPEN;
            StrategyEvents.DiscussionOpenedV1 event = new StrategyEvents.DiscussionOpenedV1(d.id, d.caseId,
                    d.contactId, d.childRef, d.rag, d.openedAt, d.dueAt);
            Uni<Void> chain = d.persist().replaceWithVoid();
            for (String agency : CoreAgencies.defaultInvitations()) {
                chain = chain.chain(() -> Invitation.of(d.id, agency, now, Invitation.SYSTEM).persist()).replaceWithVoid();
            }
            return chain
                    .chain(() -> outbox.publish(StrategyEvents.TOPIC, d.contactId.toString(),
                            StrategyEvents.DISCUSSION_OPENED, d.id.toString(), event))
                    .invoke(() -> LOG.infof("opened discussion %s for case %s (%s, due %s)", d.id, d.caseId, rag, d.dueAt))
                    .replaceWithVoid();
        });
    }

    /** The discussions the requester may see, newest first. */
    @WithSession
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
                .chain(this::loadAll);
    }

    /** A discussion the requester may see, with the read recorded in the access log; else 404. */
    @WithTransaction
    public Uni<Loaded> read(UUID id, Requester requester) {
        return visible(id, requester).call(loaded -> accessLog.record("strategy-discussion", loaded.discussion().id, requester.username(), requester.agency(), requester.roles(), "READ"));
    }

    /** Records a read of discussion {@code id} in the access log (call inside the reading transaction). */
    public Uni<Void> logRead(UUID id, Requester requester, String action) {
        return accessLog.record("strategy-discussion", id, requester.username(), requester.agency(), requester.roles(), action);
    }

    /** A problem naming each broken rule, or null if none. */
    public static ProblemException invalid(List<Violation> violations) {
        return violations.isEmpty() ? null : ProblemException.invalid(violations.stream()
                .map(v -> new Problem.FieldError(v.field(), v.rule(), v.message())).toList());
    }

    /**
     * Records the discussion as held, with its attendance and decision, and its {@code discussion-held} event;
     * a section 47 decision also starts the enquiry and records {@code s47-started}. A decision once recorded
     * cannot be changed (409).
     */
    @WithTransaction
    public Uni<Loaded> hold(UUID id, HoldRequest request, Requester requester) {
        return visible(id, requester).chain(loaded -> {
            Discussion d = loaded.discussion();
            if (d.status == DiscussionStatus.HELD) {
                return Uni.createFrom().failure(ProblemException.conflict("discussion " + id + " was held at "
                        + d.heldAt + " and its decision recorded; the decision cannot be changed once recorded"));
            }
            OffsetDateTime now = now();
            List<Violation> violations = HoldRules.check(request, now.toInstant());
            if (!violations.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid(violations.stream()
                        .map(v -> new Problem.FieldError(v.field(), v.rule(), v.message())).toList()));
            }
            Map<String, Attendance> attendance = attendanceOfEveryAgency(loaded.invitations(), request.attendance());
            boolean corePresent = CoreAgencies.present(attendance);
            d.status = DiscussionStatus.HELD;
            d.heldAt = request.heldAt().withOffsetSameInstant(ZoneOffset.UTC);
            d.mode = request.mode();
            d.outcome = request.outcome();
            d.rationale = request.rationale();
            d.absenceReason = blankToNull(request.absenceReason());
            d.coreAgenciesPresent = corePresent;

            List<Invitation> invitations = new ArrayList<>(loaded.invitations());
            List<AgencyAttendance> rows = new ArrayList<>();
            Map<String, Invitation> invited = invitations.stream()
                    .collect(Collectors.toMap(i -> i.agency, Function.identity()));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<String, Attendance> entry : attendance.entrySet()) {
                AgencyAttendance row = AgencyAttendance.of(d.id, entry.getKey(), entry.getValue());
                rows.add(row);
                chain = chain.chain(() -> row.persist()).replaceWithVoid();
                if (!invited.containsKey(entry.getKey())) {
                    // an agency that took part without an invitation: invited by the chair, its answer implied
                    Invitation added = Invitation.of(d.id, entry.getKey(), now, requester.username());
                    added.response = InvitationResponse.impliedBy(entry.getValue());
                    added.respondedAt = now;
                    added.respondedBy = requester.username();
                    invitations.add(added);
                    chain = chain.chain(() -> added.persist()).replaceWithVoid();
                }
            }
            Map<String, String> attendanceByAgency = new TreeMap<>();
            attendance.forEach((agency, status) -> attendanceByAgency.put(agency, status.name()));
            StrategyEvents.DiscussionHeldV1 held = new StrategyEvents.DiscussionHeldV1(d.id, d.contactId, d.childRef,
                    d.heldAt, d.dueAt, ConveningTarget.withinTarget(d.heldAt, d.dueAt), d.mode, attendanceByAgency,
                    corePresent, d.outcome);
            chain = chain.chain(() -> outbox.publish(StrategyEvents.TOPIC, d.contactId.toString(),
                    StrategyEvents.DISCUSSION_HELD, d.id.toString(), held)).replaceWithVoid();

            S47Enquiry enquiry = d.outcome.startsSection47() ? newEnquiry(d) : null;
            if (enquiry != null) {
                StrategyEvents.S47StartedV1 started = new StrategyEvents.S47StartedV1(enquiry.id, d.id, d.contactId,
                        d.childRef, enquiry.startedOn, enquiry.icpcTargetDate, enquiry.joint);
                chain = chain.chain(() -> enquiry.persist())
                        .chain(() -> outbox.publish(StrategyEvents.TOPIC, d.contactId.toString(),
                                StrategyEvents.S47_STARTED, d.id.toString(), started))
                        .replaceWithVoid();
            }
            return chain
                    .chain(() -> accessLog.record("strategy-discussion", d.id, requester.username(), requester.agency(), requester.roles(), "HOLD"))
                    .invoke(() -> LOG.infof("discussion %s held at %s: %s%s", d.id, d.heldAt, d.outcome,
                            enquiry == null ? "" : "; section 47 enquiry " + enquiry.id + ", ICPC by " + enquiry.icpcTargetDate))
                    .replaceWith(() -> new Loaded(d, invitations, rows, enquiry, loaded.contributions(), false));
        });
    }

    private S47Enquiry newEnquiry(Discussion d) {
        S47Enquiry enquiry = new S47Enquiry();
        enquiry.id = UUID.randomUUID();
        enquiry.discussionId = d.id;
        enquiry.contactId = d.contactId;
        enquiry.childRef = d.childRef;
        enquiry.startedOn = Section47.startedOn(d.heldAt);
        enquiry.icpcTargetDate = section47.icpcTarget(enquiry.startedOn);
        enquiry.joint = d.outcome.isJoint();
        return enquiry;
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

    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("no strategy discussion " + id + " that you may see");
    }

    /** Invitations, attendance and enquiry of each discussion, by one query each. */
    private Uni<List<Loaded>> loadAll(List<Discussion> discussions) {
        if (discussions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = discussions.stream().map(d -> d.id).toList();
        Instant now = clock.instant();
        return Invitation.<Invitation>list("discussionId in ?1", ids)
                .chain(invitations -> AgencyAttendance.<AgencyAttendance>list("discussionId in ?1", ids)
                        .chain(attendance -> S47Enquiry.<S47Enquiry>list("discussionId in ?1", ids)
                                .chain(enquiries -> Contribution.<Contribution>list("discussionId in ?1 order by recordedAt, id", ids)
                                .map(contributions -> {
                                    Map<UUID, List<Invitation>> inv = byDiscussion(invitations, i -> i.discussionId);
                                    Map<UUID, List<AgencyAttendance>> att = byDiscussion(attendance, a -> a.discussionId);
                                    Map<UUID, List<Contribution>> shared = byDiscussion(contributions, c -> c.discussionId);
                                    Map<UUID, S47Enquiry> s47 = enquiries.stream()
                                            .collect(Collectors.toMap(e -> e.discussionId, Function.identity()));
                                    return discussions.stream().map(d -> new Loaded(d,
                                            sorted(inv.getOrDefault(d.id, List.of()), i -> i.agency),
                                            sorted(att.getOrDefault(d.id, List.of()), a -> a.agency),
                                            s47.get(d.id),
                                            shared.getOrDefault(d.id, List.of()),
                                            ConveningTarget.overdue(d.status, d.dueAt, now))).toList();
                                }))));
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The concern codes of a discussion. */
    public List<String> concernCodes(Discussion d) {
        return readJson(d.concernCodes, List.class);
    }

    /** The child's address as received, or null. */
    public Map<String, Object> address(Discussion d) {
        return d.childAddress == null ? null : readJson(d.childAddress, Map.class);
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

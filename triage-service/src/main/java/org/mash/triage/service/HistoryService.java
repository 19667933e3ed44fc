package org.mash.triage.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.mash.platform.audit.AccessLog;
import org.mash.platform.problem.ProblemException;
import org.mash.triage.domain.CaseAction;
import org.mash.triage.domain.HistoryFlags;
import org.mash.triage.domain.HistoryFlags.MatchStatus;
import org.mash.triage.domain.HistoryMatching;
import org.mash.triage.domain.HistoryMatching.Person;
import org.mash.triage.repository.HistoryMatch;
import org.mash.triage.repository.HouseholdMember;
import org.mash.triage.repository.TriageCase;

/**
 * A case's history: earlier contacts about its child and its household, matched once (on the case's first read)
 * through indexed columns, then confirmed or rejected by a practitioner, whose choice stands.
 */
@ApplicationScoped
public class HistoryService {

    /** At most this many earlier cases are looked at per person and per way of matching, most recent first. */
    static final int CANDIDATES = 50;

    /** One match with the people and the earlier case it links. */
    public record Row(HistoryMatch match, HouseholdMember subject, TriageCase earlier, HouseholdMember matchedMember,
                      boolean within12Months) {
    }

    public record History(TriageCase c, List<Row> rows, HistoryFlags.Flags flags, long unconfirmed) {
    }

    private final Clock clock;
    private final AccessLog accessLog;
    private final CaseActivities activities;
    private final ChildIndex children;

    public HistoryService(Clock clock, AccessLog accessLog, CaseActivities activities, ChildIndex children) {
        this.clock = clock;
        this.accessLog = accessLog;
        this.activities = activities;
        this.children = children;
    }

    /** The case's history for the MASH staff; the case and each earlier case shown are access-logged. */
    @WithTransaction
    public Uni<History> read(UUID caseId, TriageService.Actor reader) {
        return find(caseId)
                .call(c -> accessLog.record("triage-case", c.id, reader.username(), null, reader.roles(), "READ-HISTORY"))
                .call(this::ensureMatched)
                .chain(this::history)
                .call(h -> logEarlier(h, reader));
    }

    /**
     * Records that the earlier cases of a history (their children's or household's names, their decisions) were
     * shown to the reader, one entry per earlier case, in one statement (as the queue logs its page).
     */
    private Uni<Integer> logEarlier(History h, TriageService.Actor reader) {
        List<UUID> earlier = h.rows().stream().map(r -> r.earlier().id).distinct().toList();
        return accessLog.recordList("triage-case", "TriageCase", earlier, reader.username(), null, reader.roles(),
                "LIST-HISTORY");
    }

    /**
     * The practitioner confirms or rejects a suggested match; the choice is kept (who, when) and stands: a match
     * already decided is a 409, and of two choices at the same moment one is kept (the row is versioned). The
     * history answered is a read of the case and of each earlier case shown, and is logged as such.
     */
    @WithTransaction
    public Uni<History> decide(UUID caseId, UUID matchId, TriageService.Actor actor, MatchStatus status) {
        return find(caseId).chain(c -> HistoryMatch.<HistoryMatch>find("id = ?1 and caseId = ?2", matchId, caseId)
                .firstResult().chain(m -> {
                    if (m == null) {
                        throw ProblemException.notFound("no history match " + matchId + " on case " + caseId);
                    }
                    HistoryMatching.checkDecision(m.status, m.decidedBy).ifPresent(v -> TriageService.reject(List.of(v)));
                    OffsetDateTime now = now();
                    m.status = status;
                    m.decidedBy = actor.username();
                    m.decidedAt = now;
                    return activities.recordBy(c.id, status == MatchStatus.CONFIRMED ? CaseAction.HISTORY_MATCH_CONFIRMED
                                    : CaseAction.HISTORY_MATCH_REJECTED, actor, actor.role(), now,
                                    "earlier case " + m.matchedCaseId + " (" + m.method + ", " + m.band + ")")
                            // a confirmed match of the child (not of a household member): one child, one record
                            .chain(() -> status == MatchStatus.CONFIRMED && m.subjectMemberId == null && m.matchedMemberId == null
                                    ? children.confirmMatch(c, m.matchedCaseId, actor, "confirmed history match ("
                                            + m.method + ", " + m.band + ")")
                                    : Uni.createFrom().voidItem())
                            .chain(() -> TriageCase.getSession()).chain(s -> s.flush())
                            .chain(() -> accessLog.record("triage-case", c.id, actor.username(), null, actor.roles(),
                                    "READ-HISTORY"))
                            .chain(() -> history(c))
                            .call(h -> logEarlier(h, actor));
                }));
    }

    /** Call inside a transaction: matches the case's people against earlier cases, once. */
    public Uni<Void> ensureMatched(TriageCase c) {
        if (c.historyMatchedAt != null) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = now();
        // the conditional update is the case's claim on matching: of two first reads at once, one matches
        return TriageCase.update("historyMatchedAt = ?1 where id = ?2 and historyMatchedAt is null", now, c.id)
                .chain(updated -> {
                    if (updated == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    return HouseholdMember.<HouseholdMember>list("caseId", c.id).chain(members -> match(c, members));
                });
    }

    private Uni<Void> match(TriageCase c, List<HouseholdMember> members) {
        Map<String, HistoryMatch> best = new LinkedHashMap<>();
        Uni<Void> chain = matchPerson(c, null, childOf(c), best);
        for (HouseholdMember m : members) {
            chain = chain.chain(() -> matchPerson(c, m.id, personOf(m), best));
        }
        return chain.chain(() -> best.isEmpty() ? Uni.createFrom().voidItem()
                : HistoryMatch.persist(new ArrayList<>(best.values())).replaceWithVoid());
    }

    private Uni<Void> matchPerson(TriageCase c, UUID subjectMemberId, Person subject, Map<String, HistoryMatch> best) {
        // queries run one after the other on the session (suppliers, so none starts before the previous ended)
        List<Supplier<Uni<List<TriageCase>>>> children = new ArrayList<>();
        List<Supplier<Uni<List<HouseholdMember>>>> households = new ArrayList<>();
        if (subject.nhsNumber() != null) {
            children.add(() -> TriageCase.<TriageCase>find("childNhsNumber = ?1 and receivedAt < ?2 order by receivedAt desc",
                    subject.nhsNumber(), c.receivedAt).page(0, CANDIDATES).list());
        }
        if (!subject.lastName().isEmpty() && subject.dateOfBirth() != null) {
            children.add(() -> TriageCase.<TriageCase>find("childLastNorm = ?1 and childDateOfBirth = ?2 and receivedAt < ?3 "
                    + "order by receivedAt desc", subject.lastName(), subject.dateOfBirth(), c.receivedAt)
                    .page(0, CANDIDATES).list());
            households.add(() -> HouseholdMember.<HouseholdMember>find("lastNorm = ?1 and dateOfBirth = ?2 and receivedAt < ?3 "
                    + "order by receivedAt desc", subject.lastName(), subject.dateOfBirth(), c.receivedAt)
                    .page(0, CANDIDATES).list());
        }
        if (!subject.lastName().isEmpty() && subject.postcode() != null) {
            // people whose date of birth is unknown on either side
            children.add(() -> TriageCase.<TriageCase>find("childLastNorm = ?1 and childPostcodeNorm = ?2 and receivedAt < ?3 "
                    + "order by receivedAt desc", subject.lastName(), subject.postcode(), c.receivedAt)
                    .page(0, CANDIDATES).list());
            households.add(() -> HouseholdMember.<HouseholdMember>find("lastNorm = ?1 and postcodeNorm = ?2 and receivedAt < ?3 "
                    + "order by receivedAt desc", subject.lastName(), subject.postcode(), c.receivedAt)
                    .page(0, CANDIDATES).list());
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Supplier<Uni<List<TriageCase>>> query : children) {
            chain = chain.chain(() -> query.get().invoke(found -> found.forEach(earlier -> HistoryMatching.match(subject, childOf(earlier))
                    .ifPresent(m -> keep(best, c, subjectMemberId, earlier.id, null, m)))).replaceWithVoid());
        }
        for (Supplier<Uni<List<HouseholdMember>>> query : households) {
            chain = chain.chain(() -> query.get().invoke(found -> found.forEach(member -> HistoryMatching.match(subject, personOf(member))
                    .ifPresent(m -> keep(best, c, subjectMemberId, member.caseId, member.id, m)))).replaceWithVoid());
        }
        return chain;
    }

    private static void keep(Map<String, HistoryMatch> best, TriageCase c, UUID subjectMemberId, UUID matchedCaseId,
                             UUID matchedMemberId, HistoryMatching.Match m) {
        if (matchedCaseId.equals(c.id)) {
            return;
        }
        String key = subjectMemberId + "|" + matchedCaseId + "|" + matchedMemberId;
        HistoryMatch existing = best.get(key);
        if (existing != null && existing.confidence >= m.confidence()) {
            return;
        }
        HistoryMatch row = new HistoryMatch();
        row.id = existing != null ? existing.id : UUID.randomUUID();
        row.caseId = c.id;
        row.subjectMemberId = subjectMemberId;
        row.matchedCaseId = matchedCaseId;
        row.matchedMemberId = matchedMemberId;
        row.method = m.method();
        row.confidence = m.confidence();
        row.band = m.band();
        row.status = MatchStatus.SUGGESTED;
        best.put(key, row);
    }

    /** The history of a case already matched (e.g. by {@link TriageService#read}), in its own session. */
    @io.quarkus.hibernate.reactive.panache.common.WithSession
    public Uni<History> of(TriageCase c) {
        return history(c);
    }

    /** Call inside a session: the stored matches with their people and earlier cases, and the flags. */
    public Uni<History> history(TriageCase c) {
        return HistoryMatch.<HistoryMatch>list("caseId", c.id).chain(matches -> {
            if (matches.isEmpty()) {
                return Uni.createFrom().item(new History(c, List.of(), HistoryFlags.of(c.receivedAt.toInstant(), List.of()), 0));
            }
            List<UUID> caseIds = matches.stream().map(m -> m.matchedCaseId).distinct().toList();
            List<UUID> memberIds = new ArrayList<>();
            matches.forEach(m -> {
                Optional.ofNullable(m.subjectMemberId).ifPresent(memberIds::add);
                Optional.ofNullable(m.matchedMemberId).ifPresent(memberIds::add);
            });
            Uni<Map<UUID, HouseholdMember>> people = memberIds.isEmpty() ? Uni.createFrom().item(Map.of())
                    : HouseholdMember.<HouseholdMember>list("id in ?1", memberIds.stream().distinct().toList())
                    .map(list -> list.stream().collect(Collectors.toMap(h -> h.id, Function.identity())));
            return people.chain(byMember -> TriageCase.<TriageCase>list("id in ?1", caseIds).map(cases -> {
                Map<UUID, TriageCase> byCase = new HashMap<>();
                cases.forEach(e -> byCase.put(e.id, e));
                java.time.Instant received = c.receivedAt.toInstant();
                List<Row> rows = matches.stream().map(m -> {
                    TriageCase earlier = byCase.get(m.matchedCaseId);
                    boolean within = !earlier.receivedAt.toInstant().isBefore(received.minus(HistoryFlags.WINDOW));
                    return new Row(m, m.subjectMemberId == null ? null : byMember.get(m.subjectMemberId), earlier,
                            m.matchedMemberId == null ? null : byMember.get(m.matchedMemberId), within);
                }).sorted(Comparator.comparing((Row r) -> r.subject() != null)
                        .thenComparing(r -> r.earlier().receivedAt, Comparator.reverseOrder())).toList();
                List<HistoryFlags.Earlier> earlier = rows.stream().map(r -> new HistoryFlags.Earlier(
                        r.earlier().receivedAt.toInstant(),
                        r.earlier().decidedOutcome != null && r.earlier().decidedOutcome.isReferral(),
                        r.earlier().authorisedAt == null ? null : r.earlier().authorisedAt.toInstant(),
                        r.subject() == null && r.matchedMember() == null
                                && HistoryFlags.counts(r.match().band, r.match().status))).toList();
                long unconfirmed = matches.stream().filter(m -> m.status == MatchStatus.SUGGESTED
                        && m.band != HistoryMatching.Band.CERTAIN).count();
                return new History(c, rows, HistoryFlags.of(received, earlier), unconfirmed);
            }));
        });
    }

    static Person childOf(TriageCase c) {
        return new Person(c.childNhsNumber, c.childFirstName, c.childLastName, c.childDateOfBirth, c.childPostcodeNorm);
    }

    static Person personOf(HouseholdMember m) {
        return new Person(null, m.firstNorm, m.lastNorm, m.dateOfBirth, m.postcodeNorm);
    }

    private Uni<TriageCase> find(UUID id) {
        return TriageCase.<TriageCase>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("no triage case " + id));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

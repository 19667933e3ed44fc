package org.mash.metrics.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mash.metrics.domain.Facts;
import org.mash.metrics.domain.MetricDefinitions;
import org.mash.metrics.domain.Period;

/**
 * Loads the facts a period's figures need ({@link MetricDefinitions#figures}): contacts received or decided
 * in the period or {@link MetricDefinitions#LOOKBACK} before it, contacts still open at its end, and the
 * checks, discussions and enquiries of the period with their contacts. Call within a session; the queries
 * run one after the other.
 */
@ApplicationScoped
public class FactQueries {

    private static final String CONTACTS_WHERE = "(received_at >= :from and received_at < :to) or (authorised_at >= :from and authorised_at < :to)"
            + " or (received_at < :asAt and (authorised_at is null or authorised_at >= :asAt))";

    /** Contacts are read this many at a time, each page turned into facts before the next is read. */
    static final int PAGE = 10_000;

    public Uni<Facts> load(Period period, Instant asAt) {
        OffsetDateTime start = period.start();
        OffsetDateTime end = period.endExclusive();
        OffsetDateTime lookback = start.minus(MetricDefinitions.LOOKBACK);
        OffsetDateTime openAt = asAt.isBefore(end.toInstant()) ? asAt.atOffset(end.getOffset()) : end;
        Map<String, String> strings = new HashMap<>();
        return concerns(CONTACTS_WHERE.replace(":from", ":a").replace(":to", ":b").replace(":asAt", ":c"),
                        Map.of("a", lookback, "b", end, "c", openAt), strings)
                .chain(concerns -> contacts("(c.receivedAt >= ?1 and c.receivedAt < ?2) or (c.authorisedAt >= ?1 and c.authorisedAt < ?2)"
                        + " or (c.receivedAt < ?3 and (c.authorisedAt is null or c.authorisedAt >= ?3))", concerns, strings, lookback, end, openAt)
                .chain(contacts -> CheckFact.<CheckFact>list("(respondedAt >= ?1 and respondedAt < ?2) or (overdueFlaggedAt >= ?1 and overdueFlaggedAt < ?2)", start, end)
                .chain(checks -> DiscussionFact.<DiscussionFact>list("heldAt >= ?1 and heldAt < ?2", start, end)
                .chain(discussions -> attendance(start, end)
                .chain(attendance -> S47Fact.<S47Fact>list("(startedOn >= ?1 and startedOn <= ?2) or (icpcHeldOn >= ?1 and icpcHeldOn <= ?2)",
                        period.from(), period.to())
                .chain(enquiries -> {
                    Set<UUID> known = new HashSet<>();
                    contacts.forEach(c -> known.add(c.contactId()));
                    Set<UUID> missing = new HashSet<>();
                    checks.forEach(k -> addMissing(missing, known, k.contactId));
                    discussions.forEach(d -> addMissing(missing, known, d.contactId));
                    enquiries.forEach(e -> addMissing(missing, known, e.contactId));
                    Uni<List<Facts.Contact>> more = missing.isEmpty() ? Uni.createFrom().item(List.of())
                            : concerns("contact_id in (:ids)", Map.of("ids", missing), strings)
                                    .chain(moreConcerns -> contacts("c.contactId in ?1", moreConcerns, strings, missing));
                    return more.map(extra -> {
                        List<Facts.Contact> all = new ArrayList<>(contacts.size() + extra.size());
                        all.addAll(contacts);
                        all.addAll(extra);
                        return new Facts(all, checks.stream().map(FactQueries::check).toList(),
                                discussions.stream().map(d -> discussion(d, attendance)).toList(),
                                enquiries.stream().map(FactQueries::enquiry).toList());
                    });
                }))))));
    }

    /**
     * The contacts matching {@code where}, read a page at a time in contact id order (keyset paging), each page
     * turned into facts before the next is read: the rows of one page at most are held beside the facts. Codes and
     * child refs are shared through {@code strings}, not held once per contact.
     */
    private static Uni<List<Facts.Contact>> contacts(String where, Map<UUID, Set<String>> concerns, Map<String, String> strings,
                                                     Object... parameters) {
        return page(where, concerns, strings, parameters, null, new ArrayList<>());
    }

    private static Uni<List<Facts.Contact>> page(String where, Map<UUID, Set<String>> concerns, Map<String, String> strings,
                                                 Object[] parameters, UUID after, List<Facts.Contact> into) {
        return Panache.getSession().chain(session -> {
            String afterClause = after == null ? "" : " and c.contactId > ?" + (parameters.length + 1);
            var query = session.createQuery("select c.contactId, c.childRef, c.receivedAt, c.sourceCode, c.rag, c.ageBand,"
                    + " c.sex, c.ethnicity, c.agency, c.dueAt, c.oneWorkingDayDueAt, c.authorisedAt, c.outcome, c.referral,"
                    + " c.consentStatus, c.consentOverrideReasonRecorded, c.informedAt from ContactFact c where (" + where + ")"
                    + afterClause + " order by c.contactId", Object[].class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            if (after != null) {
                query.setParameter(parameters.length + 1, after);
            }
            return query.setMaxResults(PAGE).getResultList();
        }).chain(rows -> {
            for (Object[] row : rows) {
                into.add(contact(row, concerns, strings));
            }
            if (rows.size() < PAGE) {
                return Uni.createFrom().item(into);
            }
            UUID last = (UUID) rows.get(rows.size() - 1)[0];
            return page(where, concerns, strings, parameters, last, into);
        });
    }

    private static void addMissing(Set<UUID> missing, Set<UUID> known, UUID contactId) {
        if (contactId != null && !known.contains(contactId)) {
            missing.add(contactId);
        }
    }

    private static Uni<Map<UUID, Set<String>>> concerns(String contactsWhere, Map<String, Object> parameters, Map<String, String> strings) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery("select cast(contact_id as varchar), concern_code from contact_concern"
                    + " where contact_id in (select contact_id from contact_fact where " + contactsWhere + ")", Object[].class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> {
            Map<UUID, Set<String>> out = new HashMap<>();
            for (Object[] row : rows) {
                out.computeIfAbsent(UUID.fromString((String) row[0]), k -> new HashSet<>()).add(shared(strings, (String) row[1]));
            }
            // compact, immutable sets: a contact has one or two codes
            out.replaceAll((id, codes) -> Set.copyOf(codes));
            return out;
        });
    }

    private static Uni<Map<UUID, Map<String, String>>> attendance(OffsetDateTime start, OffsetDateTime end) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select cast(a.discussion_id as varchar), a.agency, a.status from discussion_attendance a"
                                + " join discussion_fact d on d.discussion_id = a.discussion_id where d.held_at >= :a and d.held_at < :b",
                        Object[].class)
                .setParameter("a", start).setParameter("b", end).getResultList())
                .map(rows -> {
                    Map<UUID, Map<String, String>> out = new HashMap<>();
                    for (Object[] row : rows) {
                        out.computeIfAbsent(UUID.fromString((String) row[0]), k -> new HashMap<>()).put((String) row[1], (String) row[2]);
                    }
                    return out;
                });
    }

    private static Facts.Contact contact(Object[] c, Map<UUID, Set<String>> concerns, Map<String, String> strings) {
        UUID id = (UUID) c[0];
        return new Facts.Contact(id, shared(strings, c[1]), instant(c[2]), shared(strings, c[3]), concerns.getOrDefault(id, Set.of()),
                shared(strings, c[4]), shared(strings, c[5]), shared(strings, c[6]), shared(strings, c[7]), shared(strings, c[8]),
                instant(c[9]), instant(c[10]), instant(c[11]), shared(strings, c[12]), (Boolean) c[13], shared(strings, c[14]),
                (Boolean) c[15], instant(c[16]));
    }

    /** One instance per distinct value for the whole load: a code is held once, not once per contact. */
    private static String shared(Map<String, String> strings, Object value) {
        return value == null ? null : strings.computeIfAbsent((String) value, v -> v);
    }

    private static Instant instant(Object t) {
        return t == null ? null : ((OffsetDateTime) t).toInstant();
    }

    private static Facts.Check check(CheckFact k) {
        return new Facts.Check(k.checkId, k.contactId, k.agency, instant(k.requestedAt), instant(k.dueAt),
                instant(k.respondedAt), k.withinDue, instant(k.overdueFlaggedAt));
    }

    private static Facts.Discussion discussion(DiscussionFact d, Map<UUID, Map<String, String>> attendance) {
        return new Facts.Discussion(d.discussionId, d.contactId, instant(d.heldAt), d.withinTarget, d.coreAgenciesPresent,
                attendance.getOrDefault(d.discussionId, Map.of()), d.outcome);
    }

    private static Facts.Enquiry enquiry(S47Fact e) {
        return new Facts.Enquiry(e.enquiryId, e.contactId, e.startedOn, e.icpcTargetDate, e.icpcRequired, e.icpcHeldOn,
                e.icpcWithinTarget, instant(e.withdrawnAt));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}

package org.mash.strategy.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.mash.strategy.domain.Actions;
import org.mash.strategy.domain.Deadline;
import org.mash.strategy.domain.DiscussionAccess;
import org.mash.strategy.domain.DiscussionStatus;
import org.mash.strategy.domain.MashTime;
import org.mash.strategy.domain.OverdueKind;
import org.mash.strategy.domain.S47Conclusion;
import org.mash.strategy.repository.Discussion;
import org.mash.strategy.repository.DiscussionAction;
import org.mash.strategy.repository.S47Enquiry;
import org.mash.strategy.service.StrategyDiscussionService.Requester;

/**
 * Pending work with a due time, across discussions: discussions not held, actions not done, ICPCs not held.
 * The same queries feed the list ({@code GET /api/v1/strategy/deadlines}) and the {@link OverdueWatch}.
 */
@ApplicationScoped
public class DeadlineService {

    /** The last page a list may ask for: deeper pages would load (page + 1) x size rows of each kind. */
    public static final int MAX_PAGE = 1000;

    private final StrategyDiscussionService discussions;

    public DeadlineService(StrategyDiscussionService discussions) {
        this.discussions = discussions;
    }

    /**
     * The deadlines the requester may see (a participant: those of discussions their agency is invited to),
     * earliest due first; {@code overdue} true or false filters, null gives both. Each discussion shown is
     * recorded in the access log.
     */
    @WithTransaction
    public Uni<List<Deadline>> list(Requester requester, OverdueKind kind, Boolean overdue, int page, int size) {
        String agency = DiscussionAccess.listScope(requester.roles(), requester.agency());
        // page and size are bounded by the resource (page <= MAX_PAGE, size <= 500); long arithmetic all the same
        int limit = (int) Math.min(Integer.MAX_VALUE, ((long) page + 1) * size);
        OffsetDateTime now = discussions.now();
        Uni<List<Deadline>> all = Uni.createFrom().item(new ArrayList<>());
        if (kind == null || kind == OverdueKind.DISCUSSION) {
            all = all.chain(list -> discussions(agency, overdue, false, now, limit).map(found -> add(list, found)));
        }
        if (kind == null || kind == OverdueKind.ACTION) {
            all = all.chain(list -> actions(agency, overdue, false, now, limit).map(found -> add(list, found)));
        }
        if (kind == null || kind == OverdueKind.ICPC) {
            all = all.chain(list -> icpcs(agency, overdue, false, now, limit).map(found -> add(list, found)));
        }
        return all.map(list -> list.stream().sorted(Comparator.comparing(Deadline::dueAt).thenComparing(Deadline::itemId))
                        .skip((long) page * size).limit(size).toList())
                .call(shown -> {
                    Uni<Void> log = Uni.createFrom().voidItem();
                    for (UUID discussionId : shown.stream().map(Deadline::discussionId).distinct().toList()) {
                        log = log.chain(() -> discussions.logRead(discussionId, requester, "LIST_DEADLINES"));
                    }
                    return log;
                });
    }

    private static List<Deadline> add(List<Deadline> list, List<Deadline> found) {
        List<Deadline> all = new ArrayList<>(list);
        all.addAll(found);
        return all;
    }

    private static LocalDate today(OffsetDateTime now) {
        return now.atZoneSameInstant(MashTime.ZONE).toLocalDate();
    }

    private static void scope(StringBuilder query, Parameters params, String agency, String discussionIdField) {
        if (agency != null) {
            query.append(" and ").append(discussionIdField)
                    .append(" in (select i.discussionId from Invitation i where i.agency = :agency)");
            params.and("agency", agency);
        }
    }

    /** Open discussions; {@code unflaggedOnly}: those the watcher has not flagged yet. */
    Uni<List<Discussion>> openDiscussions(String agency, Boolean overdue, boolean unflaggedOnly, OffsetDateTime now, int limit) {
        StringBuilder q = new StringBuilder("status = :open");
        Parameters p = Parameters.with("open", DiscussionStatus.OPEN);
        if (overdue != null) {
            q.append(overdue ? " and dueAt < :now" : " and dueAt >= :now");
            p.and("now", now);
        }
        if (unflaggedOnly) {
            q.append(" and overdueFlaggedAt is null");
        }
        scope(q, p, agency, "id");
        return Discussion.<Discussion>find(q + " order by dueAt, id", p).page(0, limit).list();
    }

    Uni<List<DiscussionAction>> openActions(String agency, Boolean overdue, boolean unflaggedOnly, OffsetDateTime now, int limit) {
        StringBuilder q = new StringBuilder("completedAt is null");
        Parameters p = new Parameters();
        if (overdue != null) {
            q.append(overdue ? " and dueOn < :today" : " and dueOn >= :today");
            p.and("today", today(now));
        }
        if (unflaggedOnly) {
            q.append(" and overdueFlaggedAt is null");
        }
        scope(q, p, agency, "discussionId");
        if (agency != null) {
            // as on the discussion page (DiscussionAccess.maySeeItemOf): a participant sees their own agency's actions
            q.append(" and agency = :agency");
        }
        return DiscussionAction.<DiscussionAction>find(q + " order by dueOn, id", p).page(0, limit).list();
    }

    Uni<List<S47Enquiry>> pendingIcpcs(String agency, Boolean overdue, boolean unflaggedOnly, OffsetDateTime now, int limit) {
        StringBuilder q = new StringBuilder("icpcHeldOn is null and withdrawnAt is null and (icpcRequired is null or icpcRequired = true)");
        Parameters p = new Parameters();
        if (overdue != null) {
            q.append(overdue ? " and icpcTargetDate < :today" : " and icpcTargetDate >= :today");
            p.and("today", today(now));
        }
        if (unflaggedOnly) {
            q.append(" and icpcOverdueFlaggedAt is null");
        }
        scope(q, p, agency, "discussionId");
        return S47Enquiry.<S47Enquiry>find(q + " order by icpcTargetDate, id", p).page(0, limit).list();
    }

    private Uni<List<Deadline>> discussions(String agency, Boolean overdue, boolean unflagged, OffsetDateTime now, int limit) {
        return openDiscussions(agency, overdue, unflagged, now, limit).map(list -> list.stream()
                .map(d -> new Deadline(OverdueKind.DISCUSSION, d.id, d.id, d.contactId, null, d.dueAt, d.overdueFlaggedAt))
                .toList());
    }

    private Uni<List<Deadline>> actions(String agency, Boolean overdue, boolean unflagged, OffsetDateTime now, int limit) {
        return openActions(agency, overdue, unflagged, now, limit).map(list -> list.stream()
                .map(a -> new Deadline(OverdueKind.ACTION, a.id, a.discussionId, a.contactId, a.agency,
                        Actions.dueAt(a.dueOn), a.overdueFlaggedAt))
                .toList());
    }

    private Uni<List<Deadline>> icpcs(String agency, Boolean overdue, boolean unflagged, OffsetDateTime now, int limit) {
        return pendingIcpcs(agency, overdue, unflagged, now, limit).map(list -> list.stream()
                .map(e -> new Deadline(OverdueKind.ICPC, e.id, e.discussionId, e.contactId, null,
                        S47Conclusion.dueAt(e.icpcTargetDate), e.icpcOverdueFlaggedAt))
                .toList());
    }
}

package org.mash.metrics.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mash.metrics.events.InputEvents;

/**
 * Writes facts by upsert on their id: the same event applied again, or the topics replayed from the
 * beginning, leave the same rows; an event that arrives before the one that "should" precede it fills
 * its own columns and leaves the others for the later event. Where two events carry the same thing (a
 * RAG rating, a strategy outcome) the later one by its own time wins, whatever the order of arrival.
 * Call inside a transaction.
 */
@ApplicationScoped
public class FactStore {

    /** The rating with the latest rating time wins (case-opened at openedAt, re-rating at ratedAt, decision at authorisedAt). */
    private static final String LATEST_RATING = """
            rag = case when contact_fact.rated_at is null or contact_fact.rated_at <= excluded.rated_at then excluded.rag else contact_fact.rag end,
            due_at = case when contact_fact.rated_at is null or contact_fact.rated_at <= excluded.rated_at then excluded.due_at else contact_fact.due_at end,
            rated_at = greatest(contact_fact.rated_at, excluded.rated_at)""";

    /** From {@code case-opened}: the contact as received and first rated, and its concern codes. */
    public Uni<Void> caseOpened(InputEvents.CaseOpened e) {
        Uni<Void> contact = execute("""
                insert into contact_fact (contact_id, case_id, submission_id, child_ref, received_at, opened_at, source_code,
                    rag, due_at, rated_at, one_working_day_due_at, age_band, sex, ethnicity, agency)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                on conflict (contact_id) do update set
                    case_id = excluded.case_id, submission_id = coalesce(excluded.submission_id, contact_fact.submission_id),
                    child_ref = excluded.child_ref, received_at = excluded.received_at, opened_at = excluded.opened_at,
                    source_code = excluded.source_code, age_band = excluded.age_band, sex = excluded.sex,
                    ethnicity = excluded.ethnicity, agency = coalesce(excluded.agency, contact_fact.agency),
                    one_working_day_due_at = coalesce(contact_fact.one_working_day_due_at, excluded.one_working_day_due_at),
                """ + LATEST_RATING,
                e.contactId(), e.caseId(), e.submissionId(), e.childRef(), e.receivedAt(), e.openedAt(), e.sourceCode(),
                e.rag(), e.dueAt(), e.openedAt() != null ? e.openedAt() : e.receivedAt(), e.oneWorkingDayDueAt(), e.ageBand(),
                e.sex(), e.ethnicity(), e.agency());
        List<String> codes = e.concernCodes() == null ? List.of() : e.concernCodes().stream().distinct().toList();
        if (codes.isEmpty()) {
            return contact;
        }
        StringBuilder values = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        parameters.add(e.contactId());
        for (String code : codes) {
            parameters.add(code);
            values.append(values.isEmpty() ? "" : ", ").append("(?1, ?").append(parameters.size()).append(')');
        }
        return contact.chain(() -> execute("insert into contact_concern (contact_id, concern_code) values " + values
                + " on conflict do nothing", parameters.toArray()));
    }

    /** From {@code case-rerated}: the new rating and due time, if it is the latest. */
    public Uni<Void> caseRerated(InputEvents.CaseRerated e) {
        return execute("""
                insert into contact_fact (contact_id, case_id, child_ref, received_at, rag, due_at, rated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (contact_id) do update set
                    case_id = coalesce(contact_fact.case_id, excluded.case_id),
                    child_ref = coalesce(contact_fact.child_ref, excluded.child_ref),
                    received_at = coalesce(contact_fact.received_at, excluded.received_at),
                """ + LATEST_RATING,
                e.contactId(), e.caseId(), e.childRef(), e.receivedAt(), e.rag(), e.dueAt(), e.ratedAt());
    }

    /** From {@code decision-authorised}: the outcome and its rating (a decided case keeps its rating). */
    public Uni<Void> decisionAuthorised(InputEvents.DecisionAuthorised e) {
        return execute("""
                insert into contact_fact (contact_id, case_id, child_ref, received_at, rag, due_at, rated_at, decided_at,
                    outcome, referral, authorised_at, one_working_day_due_at, level_of_need, consent_status,
                    consent_override_reason_recorded, submission_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
                on conflict (contact_id) do update set
                    case_id = coalesce(contact_fact.case_id, excluded.case_id),
                    child_ref = coalesce(contact_fact.child_ref, excluded.child_ref),
                    received_at = coalesce(contact_fact.received_at, excluded.received_at),
                    decided_at = excluded.decided_at, outcome = excluded.outcome, referral = excluded.referral,
                    authorised_at = excluded.authorised_at,
                    one_working_day_due_at = coalesce(excluded.one_working_day_due_at, contact_fact.one_working_day_due_at),
                    level_of_need = excluded.level_of_need, consent_status = excluded.consent_status,
                    consent_override_reason_recorded = excluded.consent_override_reason_recorded,
                    submission_id = coalesce(contact_fact.submission_id, excluded.submission_id),
                """ + LATEST_RATING,
                e.contactId(), e.caseId(), e.childRef(), e.receivedAt(), e.rag(), e.dueAt(), e.authorisedAt(), e.proposedAt(),
                e.outcome(), e.referral(), e.authorisedAt(), e.oneWorkingDayDueAt(), e.levelOfNeed(), e.consentStatus(),
                e.consentOverrideReasonRecorded(), e.submissionId());
    }

    /** From {@code case-overdue}: when the case was first found past its due time undecided. */
    public Uni<Void> caseOverdue(InputEvents.CaseOverdue e) {
        return execute("""
                insert into contact_fact (contact_id, case_id, child_ref, received_at, overdue_flagged_at)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (contact_id) do update set
                    case_id = coalesce(contact_fact.case_id, excluded.case_id),
                    child_ref = coalesce(contact_fact.child_ref, excluded.child_ref),
                    received_at = coalesce(contact_fact.received_at, excluded.received_at),
                    overdue_flagged_at = least(contact_fact.overdue_flagged_at, excluded.overdue_flagged_at)""",
                e.contactId(), e.caseId(), e.childRef(), e.receivedAt(), e.flaggedAt());
    }

    /** From {@code referrer-informed}: the first time the referring agency was told the outcome. */
    public Uni<Void> referrerInformed(InputEvents.ReferrerInformed e) {
        return execute("""
                insert into contact_fact (contact_id, agency, informed_at, informed_how)
                values (?1, ?2, ?3, ?4)
                on conflict (contact_id) do update set
                    agency = coalesce(contact_fact.agency, excluded.agency),
                    informed_how = case when contact_fact.informed_at is null or excluded.informed_at < contact_fact.informed_at
                        then excluded.informed_how else contact_fact.informed_how end,
                    informed_at = least(contact_fact.informed_at, excluded.informed_at)""",
                e.contactId(), e.agency(), e.informedAt(), e.how());
    }

    /** From {@code check-requested}, {@code check-responded} or {@code check-overdue}: each fills its own columns. */
    public Uni<Void> check(InputEvents.Check e) {
        return execute("""
                insert into check_fact (check_id, case_id, contact_id, agency, rag, requested_at, due_at, responded_at,
                    result, within_due, overdue_flagged_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                on conflict (check_id) do update set
                    case_id = excluded.case_id, contact_id = excluded.contact_id, agency = excluded.agency,
                    rag = coalesce(excluded.rag, check_fact.rag), requested_at = excluded.requested_at,
                    due_at = excluded.due_at,
                    responded_at = coalesce(excluded.responded_at, check_fact.responded_at),
                    result = coalesce(excluded.result, check_fact.result),
                    within_due = coalesce(excluded.within_due, check_fact.within_due),
                    overdue_flagged_at = least(check_fact.overdue_flagged_at, excluded.overdue_flagged_at)""",
                e.checkId(), e.caseId(), e.contactId(), e.agency(), e.rag(), e.requestedAt(), e.dueAt(), e.respondedAt(),
                e.result(), e.withinDue(), e.flaggedAt());
    }

    /** Each child of a discussion has its own record (siblings share the discussion id). */
    public Uni<Void> discussionOpened(InputEvents.DiscussionOpened e) {
        return execute("""
                insert into discussion_fact (discussion_id, case_id, contact_id, child_ref, rag, opened_at, due_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (discussion_id, contact_id) do update set
                    case_id = excluded.case_id, child_ref = excluded.child_ref,
                    rag = excluded.rag, opened_at = excluded.opened_at,
                    due_at = coalesce(discussion_fact.due_at, excluded.due_at)""",
                e.discussionId(), e.caseId(), e.contactId(), e.childRef(), e.rag(), e.openedAt(), e.dueAt());
    }

    /** The due time of the held event wins: it is the target the discussion was judged against. */
    public Uni<Void> discussionHeld(InputEvents.DiscussionHeld e, boolean coreAgenciesPresent) {
        Uni<Void> discussion = execute("""
                insert into discussion_fact (discussion_id, contact_id, child_ref, due_at, held_at, within_target,
                    core_agencies_present, outcome)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (discussion_id, contact_id) do update set
                    child_ref = coalesce(excluded.child_ref, discussion_fact.child_ref),
                    due_at = excluded.due_at, held_at = excluded.held_at,
                    within_target = excluded.within_target, core_agencies_present = excluded.core_agencies_present,
                    outcome = case when discussion_fact.superseded_at is null then excluded.outcome else discussion_fact.outcome end""",
                e.discussionId(), e.contactId(), e.childRef(), e.dueAt(), e.heldAt(), e.withinTarget(), coreAgenciesPresent,
                e.outcome());
        Map<String, String> attendance = e.attendance() == null ? Map.of() : e.attendance();
        if (attendance.isEmpty()) {
            return discussion;
        }
        StringBuilder values = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        parameters.add(e.discussionId());
        attendance.forEach((agency, status) -> {
            parameters.add(agency);
            parameters.add(status);
            values.append(values.isEmpty() ? "" : ", ").append("(?1, ?").append(parameters.size() - 1)
                    .append(", ?").append(parameters.size()).append(')');
        });
        return discussion.chain(() -> execute("insert into discussion_attendance (discussion_id, agency, status) values "
                + values + " on conflict (discussion_id, agency) do update set status = excluded.status", parameters.toArray()));
    }

    /** The chair's later decision: the outcome of the latest supersession wins. */
    public Uni<Void> decisionSuperseded(InputEvents.DecisionSuperseded e) {
        return execute("""
                insert into discussion_fact (discussion_id, contact_id, child_ref, outcome, superseded_at)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (discussion_id, contact_id) do update set
                    outcome = case when discussion_fact.superseded_at is null or discussion_fact.superseded_at <= excluded.superseded_at
                        then excluded.outcome else discussion_fact.outcome end,
                    superseded_at = greatest(discussion_fact.superseded_at, excluded.superseded_at)""",
                e.discussionId(), e.contactId(), e.childRef(), e.outcome(), e.supersededAt());
    }

    /** A late discussion or ICPC (a late action has no figure). */
    public Uni<Void> itemOverdue(InputEvents.ItemOverdue e) {
        return switch (e.kind()) {
            case "DISCUSSION" -> execute("""
                    insert into discussion_fact (discussion_id, contact_id, child_ref, overdue_flagged_at)
                    values (?1, ?2, ?3, ?4)
                    on conflict (discussion_id, contact_id) do update set
                        overdue_flagged_at = least(discussion_fact.overdue_flagged_at, excluded.overdue_flagged_at)""",
                    e.itemId(), e.contactId(), e.childRef(), e.flaggedAt());
            case "ICPC" -> execute("""
                    insert into s47_fact (enquiry_id, discussion_id, contact_id, child_ref, icpc_overdue_flagged_at)
                    values (?1, ?2, ?3, ?4, ?5)
                    on conflict (enquiry_id) do update set
                        icpc_overdue_flagged_at = least(s47_fact.icpc_overdue_flagged_at, excluded.icpc_overdue_flagged_at)""",
                    e.itemId(), e.discussionId(), e.contactId(), e.childRef(), e.flaggedAt());
            default -> Uni.createFrom().voidItem();
        };
    }

    public Uni<Void> s47Started(InputEvents.S47Started e) {
        return execute("""
                insert into s47_fact (enquiry_id, discussion_id, contact_id, child_ref, started_on, icpc_target_date, joint)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (enquiry_id) do update set
                    discussion_id = excluded.discussion_id, contact_id = excluded.contact_id, child_ref = excluded.child_ref,
                    started_on = excluded.started_on, icpc_target_date = excluded.icpc_target_date, joint = excluded.joint""",
                e.enquiryId(), e.discussionId(), e.contactId(), e.childRef(), e.startedOn(), e.icpcTargetDate(), e.joint());
    }

    /**
     * From {@code s47-withdrawn}: the enquiry no longer counts as started. The first withdrawal time stays;
     * an {@code s47-started} arriving after it does not touch it, so a withdrawn enquiry is not resurrected.
     */
    public Uni<Void> s47Withdrawn(InputEvents.S47Withdrawn e) {
        return execute("""
                insert into s47_fact (enquiry_id, discussion_id, contact_id, child_ref, started_on, withdrawn_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (enquiry_id) do update set
                    discussion_id = coalesce(s47_fact.discussion_id, excluded.discussion_id),
                    contact_id = coalesce(s47_fact.contact_id, excluded.contact_id),
                    child_ref = coalesce(s47_fact.child_ref, excluded.child_ref),
                    started_on = coalesce(s47_fact.started_on, excluded.started_on),
                    withdrawn_at = least(s47_fact.withdrawn_at, excluded.withdrawn_at)""",
                e.enquiryId(), e.discussionId(), e.contactId(), e.childRef(), e.startedOn(), e.withdrawnAt());
    }

    public Uni<Void> s47Concluded(InputEvents.S47Concluded e) {
        return execute("""
                insert into s47_fact (enquiry_id, discussion_id, contact_id, child_ref, started_on, icpc_target_date,
                    concluded_on, outcome_code, icpc_required)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                on conflict (enquiry_id) do update set
                    discussion_id = excluded.discussion_id, contact_id = excluded.contact_id, child_ref = excluded.child_ref,
                    started_on = coalesce(s47_fact.started_on, excluded.started_on),
                    icpc_target_date = coalesce(s47_fact.icpc_target_date, excluded.icpc_target_date),
                    concluded_on = excluded.concluded_on, outcome_code = excluded.outcome_code,
                    icpc_required = excluded.icpc_required""",
                e.enquiryId(), e.discussionId(), e.contactId(), e.childRef(), e.startedOn(), e.icpcTargetDate(),
                e.concludedOn(), e.outcomeCode(), e.icpcRequired());
    }

    public Uni<Void> icpcHeld(InputEvents.IcpcHeld e) {
        return execute("""
                insert into s47_fact (enquiry_id, discussion_id, contact_id, child_ref, started_on, icpc_target_date,
                    icpc_held_on, icpc_within_target)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (enquiry_id) do update set
                    discussion_id = excluded.discussion_id, contact_id = excluded.contact_id, child_ref = excluded.child_ref,
                    started_on = coalesce(s47_fact.started_on, excluded.started_on),
                    icpc_target_date = coalesce(s47_fact.icpc_target_date, excluded.icpc_target_date),
                    icpc_held_on = excluded.icpc_held_on, icpc_within_target = excluded.icpc_within_target""",
                e.enquiryId(), e.discussionId(), e.contactId(), e.childRef(), e.startedOn(), e.icpcTargetDate(),
                e.heldOn(), e.withinTarget());
    }

    /**
     * Runs {@code sql} with {@code ?1..?n} bound to {@code parameters}. A null parameter is written as the SQL
     * literal {@code null} rather than bound, since a native query cannot always type a bound null.
     */
    private static Uni<Void> execute(String sql, Object... parameters) {
        String statement = sql;
        for (int i = parameters.length; i >= 1; i--) {
            statement = statement.replace("?" + i, parameters[i - 1] == null ? "null" : ":p" + i);
        }
        String finalStatement = statement;
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(finalStatement);
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] != null) {
                    query.setParameter("p" + (i + 1), parameters[i]);
                }
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}

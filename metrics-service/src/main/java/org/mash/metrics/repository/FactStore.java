package org.mash.metrics.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Writes facts by upsert on their id: the same event applied again, or the topics replayed from the
 * beginning, leave the same rows; an event that arrives before the one that "should" precede it fills
 * its own columns and leaves the others for the later event. Call inside a transaction.
 */
@ApplicationScoped
public class FactStore {

    /** From {@code case-opened}: the contact as received and triaged. */
    public Uni<Void> caseOpened(UUID contactId, UUID caseId, String childRef, OffsetDateTime receivedAt, String sourceCode,
                                String rag, String ageBand, String sex, String ethnicity, String agency) {
        return execute("""
                insert into contact_fact (contact_id, case_id, child_ref, received_at, source_code, rag, age_band, sex, ethnicity, agency)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (contact_id) do update set
                    case_id = excluded.case_id, child_ref = excluded.child_ref, received_at = excluded.received_at,
                    source_code = excluded.source_code, rag = excluded.rag, age_band = excluded.age_band,
                    sex = excluded.sex, ethnicity = excluded.ethnicity, agency = excluded.agency""",
                contactId, caseId, childRef, receivedAt, sourceCode, rag, ageBand, sex, ethnicity, agency);
    }

    /** From {@code decision-authorised}: the outcome; case, child and received time only if not known yet. */
    public Uni<Void> decisionAuthorised(UUID contactId, UUID caseId, String childRef, OffsetDateTime receivedAt, String rag,
                                        OffsetDateTime decidedAt, String outcome, boolean referral, OffsetDateTime authorisedAt) {
        return execute("""
                insert into contact_fact (contact_id, case_id, child_ref, received_at, rag, decided_at, outcome, referral, authorised_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                on conflict (contact_id) do update set
                    case_id = coalesce(contact_fact.case_id, excluded.case_id),
                    child_ref = coalesce(contact_fact.child_ref, excluded.child_ref),
                    received_at = coalesce(contact_fact.received_at, excluded.received_at),
                    rag = excluded.rag, decided_at = excluded.decided_at, outcome = excluded.outcome,
                    referral = excluded.referral, authorised_at = excluded.authorised_at""",
                contactId, caseId, childRef, receivedAt, rag, decidedAt, outcome, referral, authorisedAt);
    }

    public Uni<Void> s47Started(UUID enquiryId, UUID contactId, String childRef, LocalDate startedOn, LocalDate icpcTargetDate,
                                boolean joint) {
        return execute("""
                insert into s47_fact (enquiry_id, contact_id, child_ref, started_on, icpc_target_date, joint)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (enquiry_id) do update set
                    contact_id = excluded.contact_id, child_ref = excluded.child_ref, started_on = excluded.started_on,
                    icpc_target_date = excluded.icpc_target_date, joint = excluded.joint""",
                enquiryId, contactId, childRef, startedOn, icpcTargetDate, joint);
    }

    public Uni<Void> discussionOpened(UUID discussionId, UUID contactId, OffsetDateTime openedAt, OffsetDateTime dueAt) {
        return execute("""
                insert into discussion_fact (discussion_id, contact_id, opened_at, due_at)
                values (?1, ?2, ?3, ?4)
                on conflict (discussion_id) do update set
                    contact_id = excluded.contact_id, opened_at = excluded.opened_at,
                    due_at = coalesce(discussion_fact.due_at, excluded.due_at)""",
                discussionId, contactId, openedAt, dueAt);
    }

    /** The due time of the held event wins: it is the target the discussion was judged against. */
    public Uni<Void> discussionHeld(UUID discussionId, UUID contactId, OffsetDateTime heldAt, OffsetDateTime dueAt,
                                    boolean withinTarget, Boolean coreAgenciesPresent, String outcome) {
        return execute("""
                insert into discussion_fact (discussion_id, contact_id, due_at, held_at, within_target, core_agencies_present, outcome)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (discussion_id) do update set
                    contact_id = excluded.contact_id, due_at = excluded.due_at, held_at = excluded.held_at,
                    within_target = excluded.within_target, core_agencies_present = excluded.core_agencies_present,
                    outcome = excluded.outcome""",
                discussionId, contactId, dueAt, heldAt, withinTarget, coreAgenciesPresent, outcome);
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

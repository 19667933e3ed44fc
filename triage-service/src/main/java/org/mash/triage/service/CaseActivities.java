package org.mash.triage.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.mash.triage.domain.CaseAction;
import org.mash.triage.repository.CaseActivity;

/** Writes each action on a case to its timeline, in the transaction of the action itself. */
@ApplicationScoped
public class CaseActivities {

    public static final String SYSTEM = "system";

    /** Call inside the transaction of the action. */
    public Uni<Void> record(UUID caseId, CaseAction action, String actor, String role, OffsetDateTime at, String detail) {
        CaseActivity a = new CaseActivity();
        a.id = UUID.randomUUID();
        a.caseId = caseId;
        a.action = action.name();
        a.actor = actor;
        a.role = role;
        a.at = at;
        a.detail = detail;
        return a.persist().replaceWithVoid();
    }

    /** The timeline of a case, oldest first. */
    @WithSession
    public Uni<List<CaseActivity>> of(UUID caseId) {
        return CaseActivity.list("caseId", Sort.ascending("at").and("seq"), caseId);
    }
}

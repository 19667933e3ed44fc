package org.mash.triage.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.mash.platform.audit.AccessLog;
import org.mash.triage.domain.CaseAction;
import org.mash.triage.repository.CaseActivity;

/**
 * Writes each action on a case to its timeline, in the transaction of the action itself; a person's action also to
 * the access log, since its answer shows them the case (name, date of birth, concern) as a read does.
 */
@ApplicationScoped
public class CaseActivities {

    public static final String SYSTEM = "system";

    private final AccessLog accessLog;

    public CaseActivities(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /** A person's action on a case: on its timeline, and in the access log as {@code WRITE-<action>}. */
    public Uni<Void> recordBy(UUID caseId, CaseAction action, TriageService.Actor actor, String role, OffsetDateTime at,
                              String detail) {
        return record(caseId, action, actor.username(), role, at, detail)
                .chain(() -> accessLog.record("triage-case", caseId, actor.username(), null, actor.roles(),
                        "WRITE-" + action.name()));
    }

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

package org.mash.triage.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.mash.platform.audit.AccessLog;
import org.mash.platform.security.Roles;
import org.mash.triage.domain.CaseAction;
import org.mash.triage.domain.ConsentPolicy;
import org.mash.triage.domain.ConsentStatus;
import org.mash.triage.repository.ConsentRecord;
import org.mash.triage.repository.TriageCase;

/** Consent to share: recorded with who and when, every change kept; an override waits for a manager (four eyes). */
@ApplicationScoped
public class ConsentService {

    /** The consent of a case: the status in effect, a pending override, and every recording. */
    public record Consent(TriageCase c, List<ConsentRecord> history) {
    }

    private final Clock clock;
    private final CaseActivities activities;
    private final AccessLog accessLog;
    private final TriageService triage;

    public ConsentService(Clock clock, CaseActivities activities, AccessLog accessLog, TriageService triage) {
        this.clock = clock;
        this.activities = activities;
        this.accessLog = accessLog;
        this.triage = triage;
    }

    @WithTransaction
    public Uni<Consent> record(UUID caseId, TriageService.Actor actor, ConsentStatus status, String reason) {
        return triage.find(caseId).chain(c -> {
            TriageService.reject(ConsentPolicy.checkRecord(c.status, status, reason));
            OffsetDateTime now = now();
            ConsentRecord r = new ConsentRecord();
            r.id = UUID.randomUUID();
            r.caseId = c.id;
            r.status = status;
            r.reason = reason == null || reason.isBlank() ? null : reason.strip();
            r.recordedBy = actor.username();
            r.recordedRole = actor.role();
            r.recordedAt = now;
            boolean pending = ConsentPolicy.needsAuthorisation(status);
            if (pending) {
                c.consentPendingId = r.id;
            } else {
                c.consentStatus = status;
                c.consentRecordId = r.id;
                c.consentPendingId = null;
            }
            return r.persist()
                    .chain(() -> activities.recordBy(c.id, CaseAction.CONSENT_RECORDED, actor, actor.role(), now,
                            status + (pending ? " (waits for a manager's authorisation)" : "")
                                    + (r.reason == null ? "" : ": " + r.reason)))
                    .chain(() -> history(c));
        });
    }

    /** A manager other than the one who recorded it authorises the pending override: it takes effect. */
    @WithTransaction
    public Uni<Consent> authoriseOverride(UUID caseId, TriageService.Actor manager) {
        return triage.find(caseId).chain(c -> (c.consentPendingId == null
                ? Uni.createFrom().<ConsentRecord>nullItem() : ConsentRecord.<ConsentRecord>findById(c.consentPendingId))
                .chain(pending -> {
                    ConsentPolicy.checkAuthorisation(c.status, pending != null,
                            pending == null ? null : pending.recordedBy, manager.username())
                            .ifPresent(v -> TriageService.reject(List.of(v)));
                    OffsetDateTime now = now();
                    pending.authorisedBy = manager.username();
                    pending.authorisedAt = now;
                    c.consentStatus = ConsentStatus.OVERRIDDEN;
                    c.consentRecordId = pending.id;
                    c.consentPendingId = null;
                    return activities.recordBy(c.id, CaseAction.CONSENT_OVERRIDE_AUTHORISED, manager,
                                    Roles.MANAGER, now, "override recorded by " + pending.recordedBy + ": " + pending.reason)
                            .chain(() -> history(c));
                }));
    }

    /** The consent of a case for the MASH staff; the read is logged. */
    @WithTransaction
    public Uni<Consent> read(UUID caseId, TriageService.Actor reader) {
        return triage.find(caseId)
                .call(c -> accessLog.record("triage-case", c.id, reader.username(), null, reader.roles(), "READ-CONSENT"))
                .chain(this::history);
    }

    /** Call inside a session. */
    public Uni<Consent> history(TriageCase c) {
        return TriageCase.getSession().chain(session -> session.flush()).chain(() -> ConsentRecord.<ConsentRecord>list("caseId", Sort.ascending("recordedAt"), c.id)
                .map(rows -> new Consent(c, rows)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

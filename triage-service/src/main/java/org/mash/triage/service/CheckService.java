package org.mash.triage.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.mash.platform.audit.AccessLog;
import org.mash.platform.outbox.Outbox;
import org.mash.platform.problem.PersistenceProblems;
import org.mash.platform.problem.ProblemException;
import org.mash.triage.domain.CaseAction;
import org.mash.triage.domain.CheckResult;
import org.mash.triage.domain.PartnerChecks;
import org.mash.triage.events.TriageEvents;
import org.mash.triage.repository.PartnerCheck;
import org.mash.triage.repository.TriageCase;

/**
 * Information checks: a practitioner asks a partner agency, with the context of the concern; a partner officer
 * of that agency sees only their agency's checks and the minimum of the case needed to answer, and answers once.
 * The case's counters of unanswered and overdue checks are kept by bulk updates (no lost update, no version clash
 * with the practitioner's own work on the case).
 */
@ApplicationScoped
public class CheckService {

    private static final Logger LOG = Logger.getLogger(CheckService.class);

    /** The access-log action on a case when a partner officer saw its child on a check (list, read or answer). */
    public static final String READ_BY_PARTNER = "READ-BY-PARTNER";

    /** A check with the case it is about. */
    public record CheckOnCase(PartnerCheck check, TriageCase c) {
    }

    /** Which of an agency's checks: all, unanswered, or answered. */
    public enum Status { AWAITING, ANSWERED }

    private final TriageRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final AccessLog accessLog;
    private final CaseActivities activities;

    public CheckService(TriageRules rules, Outbox outbox, Clock clock, AccessLog accessLog, CaseActivities activities) {
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.accessLog = accessLog;
        this.activities = activities;
    }

    @WithTransaction
    public Uni<PartnerCheck> request(UUID caseId, TriageService.Actor practitioner, String agency, String question) {
        return TriageCase.<TriageCase>findById(caseId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("no triage case " + caseId))
                .chain(c -> {
                    TriageService.reject(PartnerChecks.checkRequest(c.status, agency, question));
                    OffsetDateTime now = now();
                    PartnerCheck check = new PartnerCheck();
                    check.id = UUID.randomUUID();
                    check.caseId = c.id;
                    check.agency = agency;
                    check.question = question.strip();
                    check.rag = c.rag;
                    check.requestedBy = practitioner.username();
                    check.requestedAt = now;
                    check.dueAt = rules.checks().due(now.toInstant(), c.rag).atOffset(ZoneOffset.UTC);
                    TriageEvents.CheckRequestedV1 event = new TriageEvents.CheckRequestedV1(check.id, c.id, c.contactId,
                            c.childRef, agency, c.rag.name(), check.requestedAt, check.dueAt);
                    return check.persist()
                            .chain(() -> TriageCase.update("checksPending = checksPending + 1 where id = ?1", c.id))
                            .chain(() -> activities.recordBy(c.id, CaseAction.CHECK_REQUESTED, practitioner,
                                    practitioner.role(), now, agency + ", due " + check.dueAt + ": " + check.question))
                            .chain(() -> outbox.publish(TriageEvents.TOPIC, c.contactId.toString(),
                                    TriageEvents.CHECK_REQUESTED, check.id.toString(), event))
                            .invoke(() -> LOG.infof("check %s asked of %s for case %s, due %s", check.id, agency, c.id,
                                    check.dueAt))
                            .replaceWith(check);
                });
    }

    /** The checks of one case, for the MASH staff working it, oldest first; the read is logged. */
    @WithTransaction
    public Uni<List<PartnerCheck>> ofCase(UUID caseId, TriageService.Actor reader) {
        return TriageCase.<TriageCase>findById(caseId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("no triage case " + caseId))
                .call(c -> accessLog.record("triage-case", c.id, reader.username(), null, reader.roles(), "READ-CHECKS"))
                .chain(c -> PartnerCheck.list("caseId", Sort.ascending("requestedAt"), caseId));
    }

    /** The checks of one case, oldest first (call inside a session). */
    public Uni<List<PartnerCheck>> ofCase(UUID caseId) {
        return PartnerCheck.list("caseId", Sort.ascending("requestedAt"), caseId);
    }

    /** A partner officer's list: their agency's checks only, unanswered first by due time; each shown is logged. */
    @WithTransaction
    public Uni<List<CheckOnCase>> forAgency(String agency, TriageService.Actor officer, Status status, int page, int size) {
        StringBuilder query = new StringBuilder("agency = :agency");
        Parameters params = Parameters.with("agency", agency);
        if (status == Status.AWAITING) {
            query.append(" and respondedAt is null");
        } else if (status == Status.ANSWERED) {
            query.append(" and respondedAt is not null");
        }
        return PartnerCheck.<PartnerCheck>find(query.toString(), Sort.ascending("dueAt").and("id"), params)
                .page(Page.of(page, size)).list()
                .chain(checks -> withCases(checks))
                .call(shown -> {
                    Uni<Void> logged = Uni.createFrom().voidItem();
                    for (CheckOnCase s : shown) {
                        logged = logged.chain(() -> accessLog.record("partner-check", s.check().id, officer.username(),
                                agency, officer.roles(), "LIST"));
                    }
                    // the child's identity is shown with each check: the case is logged too, once per case on the page
                    for (UUID caseId : shown.stream().map(s -> s.check().caseId).distinct().toList()) {
                        logged = logged.chain(() -> readByPartner(caseId, agency, officer));
                    }
                    return logged;
                });
    }

    /** A partner officer saw the child's identity on a check: logged on the case, so its access log names them. */
    private Uni<Void> readByPartner(UUID caseId, String agency, TriageService.Actor officer) {
        return accessLog.record("triage-case", caseId, officer.username(), agency, officer.roles(), READ_BY_PARTNER);
    }

    /** One check for a partner officer: another agency's check is "not found". The read is logged. */
    @WithTransaction
    public Uni<CheckOnCase> readForAgency(UUID checkId, String agency, TriageService.Actor officer) {
        return visible(checkId, agency)
                .chain(check -> TriageCase.<TriageCase>findById(check.caseId).map(c -> new CheckOnCase(check, c)))
                .call(s -> accessLog.record("partner-check", checkId, officer.username(), agency, officer.roles(), "READ"))
                .call(s -> readByPartner(s.check().caseId, agency, officer));
    }

    /** The agency answers, once; two answers at the same moment: one wins, the other is a 409. */
    public Uni<CheckOnCase> respond(UUID checkId, String agency, TriageService.Actor officer, CheckResult result,
                                    String information) {
        return respondInTransaction(checkId, agency, officer, result, information)
                .onFailure(PersistenceProblems::isConcurrentUpdate)
                .transform(e -> ProblemException.conflict("someone else answered the check at the same moment"));
    }

    @WithTransaction
    Uni<CheckOnCase> respondInTransaction(UUID checkId, String agency, TriageService.Actor officer, CheckResult result,
                                          String information) {
        return visible(checkId, agency).chain(check -> {
            TriageService.reject(PartnerChecks.checkResponse(check.respondedAt != null, result, information));
            OffsetDateTime now = now();
            boolean wasFlagged = check.overdueFlaggedAt != null;
            check.result = result;
            check.information = information == null || information.isBlank() ? null : information.strip();
            check.respondedBy = officer.username();
            check.respondedAt = now;
            boolean withinDue = !PartnerChecks.overdue(check.dueAt.toInstant(), now.toInstant(), now.toInstant());
            return TriageCase.<TriageCase>findById(check.caseId).chain(c -> {
                TriageEvents.CheckRespondedV1 event = new TriageEvents.CheckRespondedV1(check.id, c.id, c.contactId,
                        c.childRef, check.agency, check.rag.name(), check.requestedAt, check.dueAt, now, result.name(),
                        withinDue);
                return TriageCase.getSession().chain(s -> s.flush())
                        .chain(() -> TriageCase.update(wasFlagged
                                ? "checksPending = checksPending - 1, checksOverdue = checksOverdue - 1 where id = ?1"
                                : "checksPending = checksPending - 1 where id = ?1", c.id))
                        .chain(() -> activities.record(c.id, CaseAction.CHECK_ANSWERED, officer.username(),
                                officer.role(), now, check.agency + ": " + result + (withinDue ? "" : " (late)")))
                        .chain(() -> outbox.publish(TriageEvents.TOPIC, c.contactId.toString(),
                                TriageEvents.CHECK_RESPONDED, check.id.toString(), event))
                        // the answer shows the child's identity again: logged like a read
                        .chain(() -> accessLog.record("partner-check", check.id, officer.username(), agency,
                                officer.roles(), "RESPOND"))
                        .chain(() -> readByPartner(c.id, agency, officer))
                        .replaceWith(new CheckOnCase(check, c));
            });
        });
    }

    private Uni<PartnerCheck> visible(UUID checkId, String agency) {
        return PartnerCheck.<PartnerCheck>findById(checkId).map(check -> {
            if (check == null || !PartnerChecks.visibleTo(check.agency, agency)) {
                throw ProblemException.notFound("no check " + checkId + " for " + agency);
            }
            return check;
        });
    }

    private static Uni<List<CheckOnCase>> withCases(List<PartnerCheck> checks) {
        if (checks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = checks.stream().map(c -> c.caseId).distinct().toList();
        return TriageCase.<TriageCase>list("id in ?1", ids).map(cases -> {
            Map<UUID, TriageCase> byId = cases.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
            return checks.stream().map(ch -> new CheckOnCase(ch, byId.get(ch.caseId))).toList();
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

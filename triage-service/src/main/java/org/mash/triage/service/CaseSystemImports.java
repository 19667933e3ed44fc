package org.mash.triage.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mash.platform.audit.AccessLog;
import org.mash.platform.codes.CodeList;
import org.mash.triage.domain.Outcome;
import org.mash.triage.domain.Violation;
import org.mash.triage.domain.census.CaseSystemRows;
import org.mash.triage.repository.CaseSystemAssessment;
import org.mash.triage.repository.CaseSystemEpisode;
import org.mash.triage.repository.Child;
import org.mash.triage.repository.TriageCase;

/**
 * Takes what the case management system adds to the census: a CSV of referrals (by local child id and referral date)
 * with their closure and assessments, and children's deaths. A file is taken whole or not at all: every row must name
 * a referral this service made. Each referral a file names gets the file's closure and assessments in place of what
 * an earlier import gave (the case system is the record of them); the rows are kept by the referral's case, so a
 * later merge of two child records keeps them. The children written to are access-logged.
 */
@ApplicationScoped
public class CaseSystemImports {

    /** What an import took. */
    public record Result(int rows, int referrals, int closures, int assessments, int deaths) {
    }

    @RegisterForReflection
    record ReferralRow(UUID id, UUID childId, String childLocalId, OffsetDateTime authorisedAt) {
    }

    private final TriageRules rules;
    private final AccessLog accessLog;
    private final Clock clock;
    private final CodeList reasons = CodeList.load("reason-for-closure");

    public CaseSystemImports(TriageRules rules, AccessLog accessLog, Clock clock) {
        this.rules = rules;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Result> importCsv(String csv, TriageService.Actor actor) {
        CaseSystemRows.Parsed parsed = CaseSystemRows.parse(csv, reasons::contains);
        TriageService.reject(parsed.violations());
        List<CaseSystemRows.Row> rows = parsed.rows();
        Set<String> localIds = rows.stream().map(CaseSystemRows.Row::laChildId).collect(Collectors.toSet());
        return Child.<Child>list("localId in ?1", localIds).chain(children -> TriageCase.<TriageCase>find(
                        "childLocalId in ?1 and decidedOutcome in ?2 and authorisedAt is not null", localIds, CensusFacts.REFERRALS)
                .project(ReferralRow.class).list()
                .chain(referrals -> apply(rows, children, referrals, actor)));
    }

    private Uni<Result> apply(List<CaseSystemRows.Row> rows, List<Child> children, List<ReferralRow> referrals,
                              TriageService.Actor actor) {
        Map<String, Child> childByLocalId = children.stream().collect(Collectors.toMap(c -> c.localId, c -> c));
        Map<String, List<ReferralRow>> byKey = referrals.stream().collect(Collectors.groupingBy(
                r -> r.childLocalId() + "/" + r.authorisedAt().atZoneSameInstant(rules.zone()).toLocalDate()));
        List<Violation> violations = new ArrayList<>();
        Map<UUID, List<CaseSystemRows.Row>> rowsByCase = new LinkedHashMap<>();
        Map<UUID, LocalDate> deaths = new HashMap<>();
        for (CaseSystemRows.Row row : rows) {
            Child child = childByLocalId.get(row.laChildId());
            String at = "line " + row.line() + ".";
            if (child == null) {
                violations.add(new Violation(at + "LAchildID", "exists", "no child " + row.laChildId()));
                continue;
            }
            if (child.mergedInto != null) {
                violations.add(new Violation(at + "LAchildID", "not-merged", row.laChildId()
                        + " was merged into another record: use that record's id"));
                continue;
            }
            List<ReferralRow> cases = byKey.get(row.laChildId() + "/" + row.referralDate());
            if (cases == null) {
                violations.add(new Violation(at + "CINreferralDate", "referral", row.laChildId() + " has no referral on "
                        + row.referralDate()));
                continue;
            }
            cases.forEach(c -> rowsByCase.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(row));
            if (row.deathDate() != null) {
                deaths.put(child.id, row.deathDate());
            }
        }
        TriageService.reject(violations);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<UUID> caseIds = List.copyOf(rowsByCase.keySet());
        int[] counts = new int[2];
        return CaseSystemAssessment.delete("caseId in ?1", caseIds)
                .chain(() -> CaseSystemEpisode.<CaseSystemEpisode>list("caseId in ?1", caseIds))
                .chain(existing -> {
                    Map<UUID, CaseSystemEpisode> known = existing.stream().collect(Collectors.toMap(e -> e.caseId, e -> e));
                    List<Object> fresh = new ArrayList<>();
                    rowsByCase.forEach((caseId, caseRows) -> {
                        CaseSystemEpisode e = known.get(caseId);
                        if (e == null) {
                            e = new CaseSystemEpisode();
                            e.caseId = caseId;
                            fresh.add(e);
                        }
                        CaseSystemRows.Row first = caseRows.get(0);
                        e.closureDate = first.closureDate();
                        e.closureReason = first.reasonForClosure();
                        e.importedAt = now;
                        e.importedBy = actor.username();
                        counts[0] += e.closureDate == null ? 0 : 1;
                        caseRows.stream().filter(r -> r.assessmentStart() != null)
                                .collect(Collectors.toMap(CaseSystemRows.Row::assessmentStart, r -> r, (a, b) -> b))
                                .values().forEach(r -> {
                                    CaseSystemAssessment a = new CaseSystemAssessment();
                                    a.id = UUID.randomUUID();
                                    a.caseId = caseId;
                                    a.startDate = r.assessmentStart();
                                    a.authorisationDate = r.assessmentAuthorised();
                                    fresh.add(a);
                                    counts[1]++;
                                });
                    });
                    // nothing new (a file that only changes closures already imported) persists nothing
                    return fresh.isEmpty() ? Uni.createFrom().voidItem() : CaseSystemEpisode.persist(fresh);
                })
                .chain(() -> deaths.isEmpty() ? Uni.createFrom().voidItem() : Child.<Child>list("id in ?1", deaths.keySet())
                        .invoke(list -> list.forEach(c -> c.deathDate = deaths.get(c.id))).replaceWithVoid())
                .chain(() -> accessLog.recordList("child", "Child", rowsByCase.values().stream()
                                .map(r -> childByLocalId.get(r.get(0).laChildId()).id).distinct().toList(),
                        actor.username(), null, actor.roles(), "WRITE-CASE-SYSTEM"))
                .map(logged -> new Result(rows.size(), caseIds.size(), counts[0], counts[1], deaths.size()));
    }
}

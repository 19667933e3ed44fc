package org.mash.triage.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.mash.platform.audit.AccessLog;
import org.mash.platform.codes.CodeList;
import org.mash.platform.time.WorkingDays;
import org.mash.triage.domain.census.CensusCodes;
import org.mash.triage.domain.census.CensusMapping;
import org.mash.triage.domain.census.CensusRules;
import org.mash.triage.domain.census.CensusYear;
import org.mash.triage.domain.census.CinCensus;
import org.mash.triage.domain.census.Finding;
import org.mash.triage.repository.CensusExportRecord;

/**
 * The Children in Need census of a collection year, straight from the flow: every child with a referral in the year
 * or one still open at its start, as {@link CensusMapping} maps them, checked against the department's rules
 * ({@link CensusRules}). Producing the file is recorded (its serial number in the year, who, when, counts) and every
 * child in it is access-logged as read; checking it without the file is access-logged too.
 */
@ApplicationScoped
public class CensusExport {

    /** A return, what it breaks, and its counts. */
    public record Export(CinCensus census, List<Finding> findings, Counts counts) {

        public boolean passes() {
            return CensusRules.passes(findings);
        }
    }

    /** How many children, referrals, section 47 enquiries and ICPCs the return holds (the metrics' counts for the year). */
    public record Counts(int children, int referrals, int section47s, int icpcs, long errors, long queries) {

        static Counts of(CinCensus census, List<Finding> findings) {
            List<CinCensus.Referral> referrals = census.children().stream().flatMap(c -> c.referrals().stream()).toList();
            List<CinCensus.Section47> s47 = referrals.stream().flatMap(r -> r.section47s().stream()).toList();
            return new Counts(census.children().size(), referrals.size(), s47.size(),
                    (int) s47.stream().filter(s -> s.icpcDate() != null).count(),
                    findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count(),
                    findings.stream().filter(f -> f.severity() == Finding.Severity.QUERY).count());
        }
    }

    private final TriageRules rules;
    private final TriageConfig.Returns config;
    private final AccessLog accessLog;
    private final Clock clock;
    private final CensusRules censusRules;

    public CensusExport(TriageRules rules, TriageConfig config, AccessLog accessLog, Clock clock) {
        this.rules = rules;
        this.config = config.returns();
        this.accessLog = accessLog;
        this.clock = clock;
        this.censusRules = new CensusRules(new CensusCodes(CodeList.load("referral-source")::contains,
                CodeList.load("ethnicity")::contains, CodeList.load("disability")::contains,
                CodeList.load("primary-need")::contains, CodeList.load("reason-for-closure")::contains),
                WorkingDays.englandAndWales());
    }

    /** The census file of {@code year}: numbered and recorded, every child in it access-logged. */
    @WithTransaction
    public Uni<Export> export(CensusYear year, TriageService.Actor reader) {
        return CensusExportRecord.count("censusYear", year.name())
                .chain(done -> build(year, String.format("%03d", done + 1), reader, "READ-CENSUS"))
                .call(export -> record(year, export, reader));
    }

    /** What the census of {@code year} would break, without producing the file (no serial number used). */
    @WithTransaction
    public Uni<Export> check(CensusYear year, TriageService.Actor reader) {
        return build(year, "000", reader, "READ-CENSUS-CHECK");
    }

    private Uni<Export> build(CensusYear year, String serial, TriageService.Actor reader, String action) {
        OffsetDateTime end = year.referenceDate().plusDays(1).atStartOfDay(rules.zone()).toOffsetDateTime();
        return CensusFacts.load(end, rules.zone()).chain(children -> {
            List<UUID> ids = new java.util.ArrayList<>();
            List<CinCensus.Child> entries = new java.util.ArrayList<>();
            for (CensusFacts.Child c : children) {
                CensusMapping.child(c.facts(), year).ifPresent(entry -> {
                    ids.add(c.childId());
                    entries.add(entry);
                });
            }
            CinCensus census = new CinCensus(new CinCensus.Header(year.endYear(), year.referenceDate(), config.laNumber(),
                    config.softwareCode(), config.release(), serial,
                    LocalDateTime.now(clock.withZone(rules.zone())).withNano(0)), entries);
            List<Finding> findings = censusRules.check(census);
            return accessLog.recordList("child", "Child", ids, reader.username(), null, reader.roles(), action)
                    .replaceWith(new Export(census, findings, Counts.of(census, findings)));
        });
    }

    private Uni<Void> record(CensusYear year, Export export, TriageService.Actor reader) {
        CensusExportRecord r = new CensusExportRecord();
        r.id = UUID.randomUUID();
        r.censusYear = year.name();
        r.serial = Integer.parseInt(export.census().header().serialNo());
        r.generatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        r.generatedBy = reader.username();
        r.children = export.counts().children();
        r.referrals = export.counts().referrals();
        r.errors = (int) export.counts().errors();
        r.queries = (int) export.counts().queries();
        return r.persist().replaceWithVoid();
    }
}

package org.mash.triage.domain.census;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mash.platform.time.WorkingDays;

/**
 * The department's validation rules for the parts of the Children in Need census a MASH owns, and those of the case
 * system's parts the return can hold from an import (returns.md section 1): what a return breaks, each finding with
 * the rule's number. Rules on parts this system never writes (child protection plans, CIN plans, an episode-level
 * ICPC) have nothing to test and are left to the case system.
 */
public final class CensusRules {

    private final CensusCodes codes;
    private final WorkingDays workingDays;

    public CensusRules(CensusCodes codes, WorkingDays workingDays) {
        this.codes = codes;
        this.workingDays = workingDays;
    }

    /** Every rule the return breaks: header first, then child by child, then the return as a whole. */
    public List<Finding> check(CinCensus census) {
        List<Finding> findings = new ArrayList<>();
        CensusYear year = new CensusYear(census.header().year());
        if (!year.referenceDate().equals(census.header().referenceDate())) {
            findings.add(Finding.error("100", null, "the ReferenceDate is not 31 March of the Year"));
        }
        ChildRules child = new ChildRules(codes, year);
        EpisodeRules episodes = new EpisodeRules(codes, year, workingDays);
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> upns = new HashMap<>();
        for (CinCensus.Child c : census.children()) {
            child.check(c, findings::add);
            episodes.check(c, findings::add);
            if (c.laChildId() != null && ids.merge(c.laChildId(), 1, Integer::sum) == 2) {
                findings.add(Finding.error("8510", c.laChildId(), "two children share this LAchildID"));
            }
            if (c.upn() != null && upns.merge(c.upn(), 1, Integer::sum) == 2) {
                findings.add(Finding.error("1520", c.laChildId(), "another child has this child's UPN"));
            }
        }
        wholeReturn(census.children(), findings);
        return findings;
    }

    /** Whether the return can be sent: it breaks no error rule (queries are to fix or explain). */
    public static boolean passes(List<Finding> findings) {
        return findings.stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR);
    }

    private static void wholeReturn(List<CinCensus.Child> children, List<Finding> findings) {
        List<CinCensus.Child> born = children.stream().filter(c -> c.birthDate() != null).toList();
        long sexUnknown = born.stream().filter(c -> c.sex() == null || "U".equals(c.sex())).count();
        if (!born.isEmpty() && sexUnknown * 100 > born.size() * 2L) {
            findings.add(Finding.query("2886", null, sexUnknown + " of " + born.size()
                    + " born children have Sex missing or U (more than 2%)"));
        }
        if (children.isEmpty()) {
            return;
        }
        long distinct = children.stream().flatMap(c -> c.disabilities().stream())
                .filter(d -> !"NONE".equals(d)).filter(Objects::nonNull).distinct().count();
        if (distinct < 8) {
            findings.add(Finding.query("2887", null, "only " + distinct
                    + " distinct Disability codes other than NONE are used (8 or more expected)"));
        }
        if (children.stream().noneMatch(c -> c.disabilities().size() > 1)) {
            findings.add(Finding.query("2888", null, "no child has more than one Disability"));
        }
    }
}

package org.mash.triage.domain.census;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.mash.platform.codes.Upn;

/** The census rules on a child's identifiers and characteristics (returns.md section 1, "Child identifiers"). */
final class ChildRules {

    private static final Set<String> SEXES = Set.of("M", "F", "U");

    private final CensusCodes codes;
    private final CensusYear year;

    ChildRules(CensusCodes codes, CensusYear year) {
        this.codes = codes;
        this.year = year;
    }

    void check(CinCensus.Child c, Consumer<Finding> out) {
        String id = c.laChildId();
        if (id == null || id.isBlank()) {
            out.accept(Finding.error("8500", null, "a child has no LAchildID"));
        } else {
            if (id.length() > 20) {
                out.accept(Finding.error("1570", id, "the LAchildID is longer than 20 characters"));
            }
            if (!id.chars().allMatch(ch -> ch < 128 && Character.isLetterOrDigit(ch))) {
                out.accept(Finding.error("1580", id, "the LAchildID holds characters other than letters and digits"));
            }
        }
        identifiers(c, out);
        birth(c, out);
        characteristics(c, out);
    }

    private void identifiers(CinCensus.Child c, Consumer<Finding> out) {
        String id = c.laChildId();
        if (c.upn() != null) {
            Upn.check(c.upn()).ifPresent(f -> out.accept(Finding.error(f.censusRule(), id, f.message())));
        }
        if (c.formerUpn() != null && Upn.check(c.formerUpn()).isPresent()) {
            out.accept(Finding.query("1560", id, "the FormerUPN is not a well-formed UPN"));
        }
        boolean anyReferralNotNfa = c.referrals().stream().anyMatch(r -> !r.nfa());
        LocalDate schoolAge = LocalDate.of(year.endYear() - 6, 8, 31);
        if (anyReferralNotNfa && c.birthDate() != null && !c.birthDate().isAfter(schoolAge)
                && c.upn() == null && (c.upnUnknown() == null || "UN1".equals(c.upnUnknown()))) {
            out.accept(Finding.query("8770", id, "a school-age child with a referral that is not NFA has no UPN, "
                    + "nor a reason other than UN1"));
        }
        if ("UN7".equals(c.upnUnknown()) && anyReferralNotNfa) {
            out.accept(Finding.error("8772", id, "UN7 is only for a child every referral of whom is NFA"));
        }
    }

    private void birth(CinCensus.Child c, Consumer<Finding> out) {
        String id = c.laChildId();
        LocalDate rd = year.referenceDate();
        if (c.sex() == null || !SEXES.contains(c.sex())) {
            out.accept(Finding.error("4180", id, "Sex is missing or not M, F or U"));
        }
        if (c.unborn() && !"U".equals(c.sex())) {
            out.accept(Finding.error("8750", id, "an unborn child's Sex is U"));
        }
        if (c.birthDate() != null && c.birthDate().isAfter(rd)) {
            out.accept(Finding.error("8520", id, "the PersonBirthDate is after the reference date"));
        }
        if ((c.birthDate() == null) == (c.expectedBirthDate() == null)) {
            out.accept(Finding.query("8525", id, "give exactly one of PersonBirthDate and ExpectedPersonBirthDate"));
        }
        if (c.expectedBirthDate() != null
                && (c.expectedBirthDate().isBefore(rd.minusDays(30)) || c.expectedBirthDate().isAfter(rd.plusMonths(9)))) {
            out.accept(Finding.query("8530", id, "the ExpectedPersonBirthDate is not between 30 days before and nine "
                    + "months after the reference date"));
        }
        if (c.deathDate() != null && c.birthDate() != null && c.deathDate().isBefore(c.birthDate())) {
            out.accept(Finding.query("8535", id, "the PersonDeathDate is before the PersonBirthDate"));
        }
        if (c.deathDate() != null && !year.contains(c.deathDate())) {
            out.accept(Finding.query("8545", id, "the PersonDeathDate is not in the census year"));
        }
        if (c.birthDate() != null && !c.birthDate().isAfter(rd) && Period.between(c.birthDate(), rd).getYears() > 25) {
            out.accept(Finding.query("8775", id, "the child is over 25 at the reference date"));
        }
    }

    private void characteristics(CinCensus.Child c, Consumer<Finding> out) {
        String id = c.laChildId();
        if (c.ethnicity() == null || !codes.ethnicity().test(c.ethnicity())) {
            out.accept(Finding.error("4220", id, "the Ethnicity is missing or not a code of the list (NOBT if not yet "
                    + "obtained, REFU if refused)"));
        }
        List<String> disabilities = c.disabilities();
        boolean anyReferralNotNfa = c.referrals().stream().anyMatch(r -> !r.nfa());
        if (!c.unborn() && anyReferralNotNfa && disabilities.isEmpty()) {
            out.accept(Finding.error("8540", id, "a born child with a referral that is not NFA needs at least one "
                    + "Disability (NONE when none)"));
        }
        if (disabilities.stream().anyMatch(d -> !codes.disability().test(d))) {
            out.accept(Finding.error("8540", id, "a Disability is not a code of the list"));
        }
        if (disabilities.contains("NONE") && disabilities.size() > 1) {
            out.accept(Finding.error("8790", id, "NONE is given with another Disability"));
        }
        if (new HashSet<>(disabilities).size() < disabilities.size()) {
            out.accept(Finding.error("8794", id, "a Disability is given twice"));
        }
    }
}

package org.mash.triage.domain.census;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mash.platform.time.WorkingDays;

/**
 * A small census of 2025-26 to break one rule at a time: {@link #child()} is the returns.md example (born 2016, a
 * referral in October 2025, a section 47 with its ICPC held in time), which breaks no rule about a child.
 */
final class CensusFixture {

    static final CensusYear YEAR = new CensusYear(2026);
    static final CensusRules RULES = new CensusRules(new CensusCodes(
            Set.of("1A", "1B", "2A", "2B", "3A", "4", "5A", "6", "9", "10")::contains,
            Set.of("WBRI", "APKN", "NOBT", "REFU")::contains,
            Set.of("NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA")::contains,
            Set.of("N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9")::contains,
            Set.of("RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9")::contains),
            WorkingDays.englandAndWales());

    private CensusFixture() {
    }

    /** A child as {@link CinCensus.Child}, every field settable. */
    static final class ChildBuilder {
        String id = "MASH000123";
        String upn = "M201123424001";
        String formerUpn;
        String upnUnknown;
        LocalDate born = LocalDate.of(2016, 5, 14);
        LocalDate expected;
        String sex = "F";
        LocalDate died;
        String ethnicity = "WBRI";
        List<String> disabilities = List.of("NONE");
        List<ReferralBuilder> referrals = new ArrayList<>(List.of(new ReferralBuilder()));

        CinCensus.Child build() {
            return new CinCensus.Child(id, upn, formerUpn, upnUnknown, born, expected, sex, died, ethnicity, disabilities,
                    referrals.stream().map(ReferralBuilder::build).toList());
        }
    }

    static final class ReferralBuilder {
        LocalDate date = LocalDate.of(2025, 10, 6);
        String source = "2A";
        String need = "N1";
        LocalDate closed;
        String reason;
        List<CinCensus.Section47> s47 = new ArrayList<>(List.of(s47(LocalDate.of(2025, 10, 7), LocalDate.of(2025, 10, 28),
                LocalDate.of(2025, 10, 24), false)));
        Boolean nfa = false;
        List<CinCensus.Assessment> assessments = new ArrayList<>(List.of(
                new CinCensus.Assessment(LocalDate.of(2025, 10, 7), LocalDate.of(2025, 11, 20))));

        CinCensus.Referral build() {
            return new CinCensus.Referral(date, source, need, closed, reason, List.copyOf(assessments), List.copyOf(s47), nfa);
        }

        ReferralBuilder nfa() {
            nfa = true;
            s47 = new ArrayList<>();
            assessments = new ArrayList<>();
            need = null;
            return this;
        }
    }

    static CinCensus.Section47 s47(LocalDate start, LocalDate target, LocalDate icpc, boolean notRequired) {
        return new CinCensus.Section47(start, target, icpc, notRequired);
    }

    static ChildBuilder child() {
        return new ChildBuilder();
    }

    static CinCensus census(CinCensus.Child... children) {
        return census(YEAR.referenceDate(), children);
    }

    static CinCensus census(LocalDate referenceDate, CinCensus.Child... children) {
        return new CinCensus(new CinCensus.Header(YEAR.endYear(), referenceDate, "201", "MASH", "1.0", "001",
                LocalDateTime.of(2026, 4, 2, 9, 0)), List.of(children));
    }

    /** The rule numbers the census breaks. */
    static List<String> rules(CinCensus census) {
        return RULES.check(census).stream().map(Finding::rule).toList();
    }
}

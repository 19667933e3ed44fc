package org.mash.triage.domain.census;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.mash.platform.time.WorkingDays;

/** The census rules on a child's referrals ({@code CINdetails}) and their section 47 enquiries (returns.md section 1). */
final class EpisodeRules {

    private static final Set<String> CLOSED_AFTER_ASSESSMENT = Set.of("RC8", "RC9");

    private final CensusCodes codes;
    private final CensusYear year;
    private final WorkingDays workingDays;

    EpisodeRules(CensusCodes codes, CensusYear year, WorkingDays workingDays) {
        this.codes = codes;
        this.year = year;
        this.workingDays = workingDays;
    }

    void check(CinCensus.Child c, Consumer<Finding> out) {
        String id = c.laChildId();
        if (c.referrals().isEmpty()) {
            out.accept(Finding.error("8590", id, "the child has no CINdetails"));
            return;
        }
        for (CinCensus.Referral r : c.referrals()) {
            referral(c, r, out);
            closure(c, r, out);
            section47s(id, r, out);
        }
        openEpisodes(c, out);
    }

    private void referral(CinCensus.Child c, CinCensus.Referral r, Consumer<Finding> out) {
        String id = c.laChildId();
        LocalDate rd = year.referenceDate();
        if (r.referralDate() == null || r.referralDate().isAfter(rd)) {
            out.accept(Finding.error("8600", id, "a CINreferralDate is missing or after the reference date"));
            return;
        }
        if (c.birthOrExpected() != null && r.referralDate().isBefore(c.birthOrExpected().minusDays(280))) {
            out.accept(Finding.error("8606", id, "a referral is more than 280 days before the (expected) birth date"));
        }
        if (c.deathDate() != null && r.referralDate().isAfter(c.deathDate())) {
            out.accept(Finding.query("8555", id, "a referral is after the PersonDeathDate"));
        }
        if (r.referralSource() == null || !codes.referralSource().test(r.referralSource())) {
            out.accept(Finding.error("8866", id, "a ReferralSource is missing or not a code of the list"));
        }
        if (r.referralNfa() == null) {
            out.accept(Finding.error("8568", id, "a ReferralNFA is missing"));
        }
        if (r.nfa() && workingDays.workingDaysBetween(r.referralDate(), year.start()) > 1) {
            out.accept(Finding.query("8569", id, "a referral more than one working day before the year starts is NFA"));
        }
        if (!r.nfa() && r.primaryNeed() == null) {
            out.accept(Finding.error("8610", id, "a referral that is not NFA has no PrimaryNeedCode"));
        }
        if (r.primaryNeed() != null && !codes.primaryNeed().test(r.primaryNeed())) {
            out.accept(Finding.error("8650", id, "a PrimaryNeedCode is not N0-N9"));
        }
        if (r.nfa() && (!r.assessments().isEmpty() || !r.section47s().isEmpty())) {
            out.accept(Finding.error("8831", id, "an NFA referral has an assessment, a section 47 or an ICPC"));
        }
    }

    private void closure(CinCensus.Child c, CinCensus.Referral r, Consumer<Finding> out) {
        String id = c.laChildId();
        LocalDate closed = r.closureDate();
        if (closed != null && r.reasonForClosure() == null) {
            out.accept(Finding.error("8805", id, "a CINclosureDate has no ReasonForClosure"));
        }
        if (closed == null && r.reasonForClosure() != null) {
            out.accept(Finding.error("8810", id, "a ReasonForClosure has no CINclosureDate"));
        }
        if (r.reasonForClosure() != null && !codes.reasonForClosure().test(r.reasonForClosure())) {
            out.accept(Finding.error("8640", id, "a ReasonForClosure is not RC1-RC9"));
        }
        if ("RC2".equals(r.reasonForClosure()) && c.deathDate() == null) {
            out.accept(Finding.query("8585", id, "an episode closed because the child died (RC2) has no PersonDeathDate"));
        }
        if (r.reasonForClosure() != null && CLOSED_AFTER_ASSESSMENT.contains(r.reasonForClosure())) {
            if (r.assessments().isEmpty()) {
                out.accept(Finding.query("8825", id, "an episode closed after assessment (RC8/RC9) has no assessment"));
            }
            if (!r.section47s().isEmpty()) {
                out.accept(Finding.error("2990", id, "an episode closed after assessment (RC8/RC9) has a section 47"));
            }
        }
        if (closed == null) {
            return;
        }
        if (!year.contains(closed)) {
            out.accept(Finding.error("8620", id, "a CINclosureDate is not in the census year"));
        }
        if (r.referralDate() != null && closed.isBefore(r.referralDate())) {
            out.accept(Finding.error("8630", id, "a CINclosureDate is before its CINreferralDate"));
        }
        boolean activityAfter = r.section47s().stream().anyMatch(s -> closed.isBefore(s.startDate())
                || (s.icpcDate() != null && closed.isBefore(s.icpcDate())))
                || r.assessments().stream().anyMatch(a -> closed.isBefore(a.startDate())
                || (a.authorisationDate() != null && closed.isBefore(a.authorisationDate())));
        if (activityAfter) {
            out.accept(Finding.error("8565", id, "a CINclosureDate is before an assessment, section 47 or ICPC date of the episode"));
        }
        if (r.section47s().stream().anyMatch(s -> s.icpcDate() == null && !s.icpcNotRequired())) {
            out.accept(Finding.error("8868", id, "a closed episode has a section 47 with neither an ICPC date nor "
                    + "ICPCnotRequired true"));
        }
    }

    private void section47s(String id, CinCensus.Referral r, Consumer<Finding> out) {
        LocalDate rd = year.referenceDate();
        List<CinCensus.Section47> all = r.section47s();
        long undecided = 0;
        for (int i = 0; i < all.size(); i++) {
            CinCensus.Section47 s = all.get(i);
            if (r.referralDate() != null && s.startDate() != null && s.startDate().isBefore(r.referralDate())) {
                out.accept(Finding.error("2889", id, "an S47ActualStartDate is before the referral date"));
            }
            if (s.icpcDate() != null) {
                if (r.referralDate() != null && s.icpcDate().isBefore(r.referralDate())) {
                    out.accept(Finding.error("1104", id, "a DateOfInitialCPC is before the referral date"));
                }
                if (s.startDate() == null || s.startDate().isAfter(s.icpcDate())) {
                    out.accept(Finding.error("8615", id, "a section 47 with an ICPC date starts after it, or has no start"));
                }
                if (!year.contains(s.icpcDate())) {
                    out.accept(Finding.error("8715", id, "a DateOfInitialCPC is not in the census year"));
                }
                if (weekend(s.icpcDate())) {
                    out.accept(Finding.error("8875", id, "a DateOfInitialCPC is a Saturday or Sunday"));
                }
            } else if (!s.icpcNotRequired() && s.startDate() != null) {
                undecided++;
                if (workingDays.workingDaysBetween(s.startDate(), rd) > 15) {
                    out.accept(Finding.query("8675", id, "a section 47 with no ICPC date, and ICPCnotRequired false, "
                            + "started more than 15 working days before the reference date"));
                }
                if (!year.contains(s.startDate())) {
                    out.accept(Finding.error("8740", id, "a section 47 with no ICPC date, and ICPCnotRequired false, "
                            + "started before the census year"));
                }
            }
            if (s.icpcTarget() != null && weekend(s.icpcTarget())) {
                out.accept(Finding.query("8870", id, "an InitialCPCtarget is a Saturday or Sunday"));
            }
            for (int j = 0; j < all.size(); j++) {
                if (j != i && startsInside(s, i, all.get(j), j, rd)) {
                    out.accept(Finding.error("8890", id, "a section 47 starts inside another section 47 of the episode"));
                }
            }
        }
        if (undecided > 1) {
            out.accept(Finding.error("8839", id, "an episode has more than one section 47 with neither an ICPC date "
                    + "nor ICPCnotRequired true"));
        }
        if (!all.isEmpty() && r.assessments().isEmpty()) {
            out.accept(Finding.query("2991", id, "an episode with a section 47 has no assessment (assessments belong "
                    + "to the case management system: import them)"));
        }
    }

    /** Whether {@code s} starts within {@code other} (its start to its ICPC, or to the reference date while undecided). */
    private static boolean startsInside(CinCensus.Section47 s, int i, CinCensus.Section47 other, int j, LocalDate rd) {
        if (s.startDate() == null || other.startDate() == null) {
            return false;
        }
        LocalDate end = other.icpcDate() != null ? other.icpcDate() : other.icpcNotRequired() ? other.startDate() : rd;
        boolean after = s.startDate().isAfter(other.startDate()) || (s.startDate().equals(other.startDate()) && i > j);
        return after && !s.startDate().isAfter(end);
    }

    /**
     * At most one open (no closure date) episode that is not NFA (8815), and it is the latest referral (8816); the
     * episodes that are not NFA do not overlap, an open one running to the reference date (8820).
     */
    private void openEpisodes(CinCensus.Child c, Consumer<Finding> out) {
        String id = c.laChildId();
        List<CinCensus.Referral> active = c.referrals().stream().filter(r -> !r.nfa() && r.referralDate() != null).toList();
        List<CinCensus.Referral> open = active.stream().filter(r -> r.closureDate() == null).toList();
        if (open.size() > 1) {
            out.accept(Finding.error("8815", id, "the child has more than one open episode that is not NFA: close the "
                    + "earlier (import its closure date and reason)"));
        }
        LocalDate latest = c.referrals().stream().map(CinCensus.Referral::referralDate)
                .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        if (open.size() == 1 && !open.get(0).referralDate().equals(latest)) {
            out.accept(Finding.error("8816", id, "the open episode is not the child's latest referral"));
        }
        for (int i = 0; i < active.size(); i++) {
            for (int j = i + 1; j < active.size(); j++) {
                if (overlap(active.get(i), active.get(j))) {
                    out.accept(Finding.error("8820", id, "two episodes of the child overlap"));
                }
            }
        }
    }

    private boolean overlap(CinCensus.Referral a, CinCensus.Referral b) {
        LocalDate aEnd = a.closureDate() != null ? a.closureDate() : year.referenceDate();
        LocalDate bEnd = b.closureDate() != null ? b.closureDate() : year.referenceDate();
        // an episode may start on the day another closed
        return a.referralDate().isBefore(bEnd) && b.referralDate().isBefore(aEnd)
                || a.referralDate().equals(b.referralDate());
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}

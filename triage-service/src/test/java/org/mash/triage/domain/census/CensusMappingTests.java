package org.mash.triage.domain.census;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mash.triage.domain.census.CensusMapping.ChildFacts;
import org.mash.triage.domain.census.CensusMapping.ContactFacts;
import org.mash.triage.domain.census.CensusMapping.EnquiryFacts;
import org.mash.triage.domain.census.CensusMapping.ReferralFacts;

/** How a child's contacts, decisions and enquiries become their census entry (docs/returns.md, "Mapping"). */
class CensusMappingTests {

    static final CensusYear YEAR = CensusYear.parse("2025-26").orElseThrow();
    static final ContactFacts AMIRA = new ContactFacts("M201123424001", null, LocalDate.of(2016, 5, 14), null, "F",
            "WBRI", List.of("NONE"));

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static ReferralFacts assessment(String date) {
        return new ReferralFacts(d(date), "2A", "N1", false, null, List.of(), null, null, List.of());
    }

    static ReferralFacts discussion(String date, String outcome, EnquiryFacts... enquiries) {
        return new ReferralFacts(d(date), "1A", "N1", true, outcome, List.of(enquiries), null, null, List.of());
    }

    static CinCensus.Child map(List<ContactFacts> contacts, ReferralFacts... referrals) {
        return CensusMapping.child(new ChildFacts("C000000001", contacts, List.of(referrals), null), YEAR).orElseThrow();
    }

    @Test
    void theYearIsNamedAsTheDepartmentNamesIt() {
        assertEquals(2026, YEAR.endYear());
        assertEquals(d("2025-04-01"), YEAR.start());
        assertEquals(d("2026-03-31"), YEAR.referenceDate());
        assertEquals("2025-26", YEAR.name());
        assertEquals(YEAR, CensusYear.of(d("2026-03-31")));
        assertEquals(new CensusYear(2027), CensusYear.of(d("2026-04-01")));
        for (String bad : new String[] {"2025-27", "2025", "25-26", "2025-2026", "", "1999-00"}) {
            assertTrue(CensusYear.parse(bad).isEmpty(), bad);
        }
        assertTrue(CensusYear.parse(null).isEmpty());
    }

    @Test
    void aChildReferredTwiceInTheYearAppearsOnceWithTwoReferralsInDateOrder() {
        CinCensus.Child child = map(List.of(AMIRA), assessment("2026-01-12"), discussion("2025-10-06", "S47_JOINT"));
        assertEquals(2, child.referrals().size());
        assertEquals(d("2025-10-06"), child.referrals().get(0).referralDate());
        assertEquals(d("2026-01-12"), child.referrals().get(1).referralDate());
        assertEquals("C000000001", child.laChildId());
    }

    @Test
    void onlyReferralsInTheYearOrOpenAtItsStartAreReturned() {
        ChildFacts before = new ChildFacts("C1", List.of(AMIRA), List.of(discussion("2024-11-04", "NFA")), null);
        assertTrue(CensusMapping.child(before, YEAR).isEmpty(), "an NFA referral of an earlier year is not open");
        ChildFacts after = new ChildFacts("C1", List.of(AMIRA), List.of(assessment("2026-04-01")), null);
        assertTrue(CensusMapping.child(after, YEAR).isEmpty(), "next year's");
        ChildFacts open = new ChildFacts("C1", List.of(AMIRA), List.of(assessment("2024-11-04")), null);
        assertEquals(1, CensusMapping.child(open, YEAR).orElseThrow().referrals().size(), "open at the start");
        ReferralFacts closedBefore = new ReferralFacts(d("2024-11-04"), "2A", "N1", false, null, List.of(),
                d("2025-03-01"), "RC4", List.of());
        assertTrue(CensusMapping.child(new ChildFacts("C1", List.of(AMIRA), List.of(closedBefore), null), YEAR).isEmpty());
        ReferralFacts closedLater = new ReferralFacts(d("2025-10-06"), "2A", "N1", false, null, List.of(),
                d("2026-05-01"), "RC4", List.of());
        CinCensus.Referral stillOpen = map(List.of(AMIRA), closedLater).referrals().get(0);
        assertNull(stillOpen.closureDate(), "closed after the reference date: open in this return");
        assertNull(stillOpen.reasonForClosure());
    }

    @Test
    void referralNfaComesFromTheDecisionAndTheDiscussion() {
        assertFalse(CensusMapping.referralNfa(assessment("2025-10-06")), "went to an assessment");
        assertTrue(CensusMapping.referralNfa(discussion("2025-10-06", "NFA")));
        assertTrue(CensusMapping.referralNfa(discussion("2025-10-06", "OTHER")), "nothing followed in social care");
        assertFalse(CensusMapping.referralNfa(discussion("2025-10-06", "CSC_ASSESSMENT")));
        assertFalse(CensusMapping.referralNfa(discussion("2025-10-06", null)), "not held yet: not NFA");
        EnquiryFacts live = new EnquiryFacts(d("2025-10-07"), d("2025-10-28"), null, null, false);
        assertFalse(CensusMapping.referralNfa(discussion("2025-10-06", "NFA", live)), "an enquiry stands");
        EnquiryFacts withdrawn = new EnquiryFacts(d("2025-10-07"), d("2025-10-28"), null, null, true);
        assertTrue(CensusMapping.referralNfa(discussion("2025-10-06", "NFA", withdrawn)));
    }

    @Test
    void section47sLeaveOutWithdrawnEnquiriesAndSayWhetherAConferenceIsNeeded() {
        EnquiryFacts held = new EnquiryFacts(d("2025-10-07"), d("2025-10-28"), d("2025-10-24"), true, false);
        EnquiryFacts notRequired = new EnquiryFacts(d("2025-11-03"), d("2025-11-24"), null, false, false);
        EnquiryFacts withdrawn = new EnquiryFacts(d("2025-11-10"), d("2025-12-01"), null, null, true);
        EnquiryFacts afterYear = new EnquiryFacts(d("2026-03-20"), d("2026-04-13"), d("2026-04-10"), true, false);
        List<CinCensus.Section47> s47 = map(List.of(AMIRA),
                discussion("2025-10-06", "S47_JOINT", withdrawn, afterYear, notRequired, held)).referrals().get(0).section47s();
        assertEquals(3, s47.size());
        assertEquals(new CinCensus.Section47(d("2025-10-07"), d("2025-10-28"), d("2025-10-24"), false), s47.get(0));
        assertEquals(new CinCensus.Section47(d("2025-11-03"), d("2025-11-24"), null, true), s47.get(1));
        assertEquals(new CinCensus.Section47(d("2026-03-20"), d("2026-04-13"), null, false), s47.get(2),
                "an ICPC after the reference date is next year's: not yet held in this return");
    }

    @Test
    void theChildIsWhatTheLatestContactSaidAndAnUnbornChildIsSexU() {
        ContactFacts first = new ContactFacts(null, "UN4", null, d("2025-08-01"), "U", null, null);
        ContactFacts later = new ContactFacts(null, null, d("2025-07-28"), null, "M", null, List.of("HEAR"));
        CinCensus.Child child = map(List.of(first, later), assessment("2025-10-06"));
        assertEquals(d("2025-07-28"), child.birthDate());
        assertNull(child.expectedBirthDate(), "born: the expected date is not returned");
        assertEquals("M", child.sex());
        assertEquals("UN4", child.upnUnknown(), "the latest contact that said anything of the UPN");
        assertEquals("NOBT", child.ethnicity(), "no contact gave it: not yet obtained");
        assertEquals(List.of("HEAR"), child.disabilities());

        ContactFacts unborn = new ContactFacts(null, null, null, d("2026-05-01"), "F", "WBRI", null);
        CinCensus.Child expected = map(List.of(unborn), assessment("2026-02-02"));
        assertEquals("U", expected.sex());
        assertEquals(List.of(), expected.disabilities());
        ContactFacts upnLater = new ContactFacts("M201123424001", null, d("2016-05-14"), null, "F", "WBRI", null);
        CinCensus.Child withUpn = map(List.of(first, upnLater), assessment("2025-10-06"));
        assertEquals("M201123424001", withUpn.upn());
        assertNull(withUpn.upnUnknown(), "never both");
    }

    @Test
    void whatTheCaseSystemImportedClosesTheEpisodeAndAddsItsAssessments() {
        ReferralFacts closed = new ReferralFacts(d("2025-10-06"), "2A", "N1", false, null, List.of(), d("2025-12-01"),
                "RC8", List.of(new CinCensus.Assessment(d("2025-10-07"), d("2025-11-20")),
                new CinCensus.Assessment(d("2026-03-30"), d("2026-04-20"))));
        CinCensus.Child child = CensusMapping.child(new ChildFacts("C1", List.of(AMIRA), List.of(closed), d("2026-02-01")),
                YEAR).orElseThrow();
        CinCensus.Referral r = child.referrals().get(0);
        assertEquals(d("2025-12-01"), r.closureDate());
        assertEquals("RC8", r.reasonForClosure());
        assertEquals(List.of(new CinCensus.Assessment(d("2025-10-07"), d("2025-11-20")),
                new CinCensus.Assessment(d("2026-03-30"), null)), r.assessments(), "authorised after the year: not yet");
        assertEquals(d("2026-02-01"), child.deathDate());
    }
}

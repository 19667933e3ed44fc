package org.mash.triage.domain.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mash.triage.domain.census.CensusMapping.ChildFacts;
import org.mash.triage.domain.census.CensusMapping.ContactFacts;
import org.mash.triage.domain.census.CensusMapping.EnquiryFacts;
import org.mash.triage.domain.census.CensusMapping.ReferralFacts;

/** The daily data flow's records: returns.md section 2's example, then only what changed, and deletions. */
class DataFlowRecordsTests {

    static final ContactFacts AMY = new ContactFacts("M201123424001", null, LocalDate.of(2016, 5, 14), null, "F", "WBRI",
            List.of("NONE"), "Amy", "Example", "E8 1AA");
    static final EnquiryFacts ENQUIRY = new EnquiryFacts("S47000789", LocalDate.of(2025, 10, 7), LocalDate.of(2025, 10, 28),
            LocalDate.of(2025, 10, 24), true, LocalDate.of(2025, 10, 24), false);

    static ReferralFacts referral(String id, EnquiryFacts... enquiries) {
        return new ReferralFacts(id, LocalDate.of(2025, 10, 6), "2A", "N1", true, "S47_JOINT", List.of(enquiries), null, null,
                List.of());
    }

    static ChildFacts amy(ReferralFacts... referrals) {
        return new ChildFacts("MASH000123", List.of(AMY), List.of(referrals), null);
    }

    @Test
    void theFullRecordIsTheSpecificationsExample() {
        Map<String, Object> record = DataFlowRecords.full(amy(referral("REF000456", ENQUIRY)));
        assertEquals("{la_child_id=MASH000123, mis_child_id=MASH000123, purge=false, child_details={unique_pupil_number="
                + "M201123424001, first_name=Amy, surname=Example, date_of_birth=2016-05-14, sex=F, ethnicity=WBRI, "
                + "disabilities=[NONE], postcode=E8 1AA, purge=false}, social_care_episodes=[{social_care_episode_id=REF000456, "
                + "referral_date=2025-10-06, referral_source=2A, referral_no_further_action_flag=false, purge=false, "
                + "section_47_assessments=[{section_47_assessment_id=S47000789, start_date=2025-10-07, "
                + "icpc_required_flag=true, icpc_date=2025-10-24, end_date=2025-10-24, purge=false}]}]}", record.toString());
    }

    @Test
    void anUndecidedConferenceLeavesTheFlagOutAndAWithdrawnEnquiryIsNotSent() {
        EnquiryFacts undecided = new EnquiryFacts("S47000790", LocalDate.of(2025, 10, 7), LocalDate.of(2025, 10, 28), null,
                null, null, false);
        EnquiryFacts withdrawn = new EnquiryFacts("S47000791", LocalDate.of(2025, 10, 8), LocalDate.of(2025, 10, 29), null,
                null, null, true);
        String record = DataFlowRecords.full(amy(referral("REF1", undecided, withdrawn))).toString();
        assertTrue(record.contains("section_47_assessment_id=S47000790, start_date=2025-10-07, purge=false"), record);
        assertFalse(record.contains("S47000791"), record);
    }

    @Test
    void afterTheFirstSendingOnlyWhatChangedGoesWithTheFullChildDetails() {
        Map<String, Object> first = DataFlowRecords.full(amy(referral("REF1", ENQUIRY)));
        assertEquals(first, DataFlowRecords.update(null, first), "the first time: the whole record");
        assertNull(DataFlowRecords.update(first, DataFlowRecords.full(amy(referral("REF1", ENQUIRY)))), "unchanged: nothing");

        EnquiryFacts second = new EnquiryFacts("S2", LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 24), null, null, null, false);
        Map<String, Object> now = DataFlowRecords.full(amy(referral("REF1", ENQUIRY, second),
                new ReferralFacts("REF2", LocalDate.of(2026, 1, 12), "1A", "N2", false, null, List.of(), null, null, List.of())));
        Map<String, Object> update = DataFlowRecords.update(first, now);
        assertEquals(List.of("la_child_id", "mis_child_id", "purge", "child_details", "social_care_episodes"),
                List.copyOf(update.keySet()));
        List<?> episodes = (List<?>) update.get("social_care_episodes");
        assertEquals(2, episodes.size(), "the changed episode and the new one");
        String changed = episodes.get(0).toString();
        assertTrue(changed.contains("social_care_episode_id=REF1") && changed.contains("section_47_assessment_id=S2")
                && !changed.contains("S47000789"), "only the new enquiry of the changed episode: " + changed);
        assertTrue(episodes.get(1).toString().contains("social_care_episode_id=REF2"));
    }

    @Test
    void whatWasSentAndIsGoneIsPurgedAndAGoneChildWhole() {
        Map<String, Object> first = DataFlowRecords.full(amy(referral("REF1", ENQUIRY), referral("REF2")));
        EnquiryFacts withdrawn = new EnquiryFacts("S47000789", LocalDate.of(2025, 10, 7), LocalDate.of(2025, 10, 28), null,
                null, null, true);
        Map<String, Object> update = DataFlowRecords.update(first, DataFlowRecords.full(amy(referral("REF1", withdrawn))));
        assertEquals("[{social_care_episode_id=REF1, referral_date=2025-10-06, referral_source=2A, "
                + "referral_no_further_action_flag=false, purge=false, section_47_assessments=[{section_47_assessment_id="
                + "S47000789, purge=true}]}, {social_care_episode_id=REF2, purge=true}]",
                update.get("social_care_episodes").toString());
        assertEquals(Map.of("la_child_id", "C1", "mis_child_id", "C1", "purge", true), DataFlowRecords.purged("C1"));
    }

    @Test
    void theCohortIsTheUnder26sWithActivityInTheLastTwoYears() {
        LocalDate today = LocalDate.of(2026, 12, 3);
        assertTrue(DataFlowRecords.inCohort(amy(new ReferralFacts("R", LocalDate.of(2024, 4, 1), "2A", "N1", false, null,
                List.of(), null, null, List.of())), today), "since the 1 April on or before 24 months back: 2024-04-01");
        assertFalse(DataFlowRecords.inCohort(amy(new ReferralFacts("R", LocalDate.of(2024, 3, 29), "2A", "N1", false, null,
                List.of(), null, null, List.of())), today));
        assertTrue(DataFlowRecords.inCohort(amy(new ReferralFacts("R", LocalDate.of(2024, 3, 29), "2A", "N1", false, null,
                List.of(), LocalDate.of(2025, 1, 10), "RC4", List.of())), today), "a closure is activity");
        ContactFacts old = new ContactFacts(null, null, LocalDate.of(2000, 1, 1), null, "M", "WBRI", null, "A", "B", null);
        assertFalse(DataFlowRecords.inCohort(new ChildFacts("C2", List.of(old), List.of(referral("R")), null), today), "26");
    }

    @Test
    void recordsGoAtMostAHundredACall() {
        List<Integer> records = java.util.stream.IntStream.range(0, 250).boxed().toList();
        assertEquals(List.of(100, 100, 50), DataFlowRecords.batches(records, 100).stream().map(List::size).toList());
    }
}

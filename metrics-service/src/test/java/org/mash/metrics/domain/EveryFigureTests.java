package org.mash.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mash.metrics.domain.FactsFixture.child;
import static org.mash.metrics.domain.FactsFixture.decided;
import static org.mash.metrics.domain.FactsFixture.london;
import static org.mash.metrics.domain.FactsFixture.received;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mash.platform.time.WorkingDays;

/** Every figure of MASH.md 2.4, from facts, with fixed times: what counts and what does not. */
class EveryFigureTests {

    static final WorkingDays WORKING_DAYS = WorkingDays.englandAndWales();
    static final Period MARCH_2024 = Period.month(YearMonth.of(2024, 3));
    static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    static List<Figure> figures(Period period, FactsFixture f) {
        return MetricDefinitions.figures(period, LATER, f.facts(), 10_000L, WORKING_DAYS);
    }

    static Figure find(List<Figure> figures, String id) {
        return figures.stream().filter(x -> x.id().equals(id) && x.group() == null).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + id));
    }

    static Figure find(List<Figure> figures, String id, String group) {
        return figures.stream().filter(x -> x.id().equals(id) && group.equals(x.group())).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + id + " for " + group));
    }

    static void assertRatio(Figure f, long numerator, long denominator) {
        assertEquals(numerator, f.numerator(), f.id() + " numerator");
        assertEquals(denominator, f.denominator(), f.id() + " denominator");
        assertEquals(MetricDefinitions.percent(numerator, denominator), f.value(), f.id() + " value");
        assertEquals(Figure.PERCENT, f.unit());
    }

    @Test
    void everyFigureHasItsNumbersAndAOneLineDefinition() {
        List<Figure> all = figures(MARCH_2024, new FactsFixture().add(decided(child(1), "2024-03-04T10:00", "2024-03-04T12:00", "NFA")));
        assertTrue(all.size() > 30);
        for (Figure f : all) {
            assertTrue(f.definition() != null && !f.definition().isBlank() && !f.definition().contains("\n"), f.id());
            assertTrue(List.of(Figure.COUNT, Figure.PERCENT, Figure.PER_10000, Figure.HOURS).contains(f.unit()), f.id());
            assertTrue(f.numerator() != null, f.id());
        }
        for (String id : List.of("contacts", "contacts-rate", "outcomes", "conversion", "repeat-contacts", "re-referrals",
                "decision-timeliness", "decision-one-working-day", "decision-hours-median", "decision-hours-p90", "backlog",
                "backlog-overdue", "backlog-oldest-hours", "checks", "checks-response-hours-median", "consent.GIVEN",
                "consent-overrides-with-reason", "feedback", "feedback-hours-median", "sd-timeliness", "sd-attendance",
                "sd-attendance.police", "s47", "s47-rate", "s47-icpc", "icpcs", "icpc-timeliness")) {
            find(all, id);
        }
    }

    @Test
    void aContactReceivedInOnePeriodAndDecidedInTheNextCountsAsReceivedInTheFirstAndDecidedInTheSecond() {
        FactsFixture f = new FactsFixture().add(decided(child(1), "2024-03-31T22:30", "2024-04-01T09:00", "CSC_ASSESSMENT"));
        List<Figure> march = figures(MARCH_2024, f);
        List<Figure> april = figures(Period.month(YearMonth.of(2024, 4)), f);
        assertEquals(1, find(march, "contacts").numerator());
        assertRatio(find(march, "conversion"), 0, 0);
        assertEquals(1, find(march, "backlog").numerator(), "still open when March ended");
        assertEquals(0, find(april, "contacts").numerator());
        assertRatio(find(april, "conversion"), 1, 1);
        assertEquals(1, find(april, "referrals").numerator());
        assertEquals(0, find(april, "backlog").numerator());
        // FY2023-24 ends on 31 March: received in one financial year, decided in the next
        assertEquals("FY2023-24", Period.financialYearOf(LocalDate.of(2024, 3, 31)).label());
        assertEquals(1, find(figures(Period.financialYear(2023), f), "contacts").numerator());
        assertEquals(1, find(figures(Period.financialYear(2024), f), "referrals").numerator());
    }

    @Test
    void aContactOnTheTwentyNinthOfFebruaryFallsInFebruary() {
        FactsFixture f = new FactsFixture().add(decided(child(1), "2024-02-29T23:30", "2024-03-01T00:30", "NFA"));
        assertEquals(1, find(figures(Period.month(YearMonth.of(2024, 2)), f), "contacts").numerator());
        assertEquals(1, find(figures(Period.day(LocalDate.of(2024, 2, 29)), f), "contacts").numerator());
        assertEquals(1, find(figures(MARCH_2024, f), "outcomes").numerator());
        assertEquals(1.0, find(figures(MARCH_2024, f), "decision-hours-median").value());
    }

    @Test
    void outcomesArePercentsOfTheContactsDecided() {
        FactsFixture f = new FactsFixture()
                .add(decided(child(1), "2024-03-04T10:00", "2024-03-04T12:00", "NFA"))
                .add(decided(child(2), "2024-03-04T10:00", "2024-03-04T12:00", "NFA"))
                .add(decided(child(3), "2024-03-04T10:00", "2024-03-04T12:00", "EARLY_HELP"))
                .add(decided(child(4), "2024-03-04T10:00", "2024-03-04T12:00", "STRATEGY_DISCUSSION"));
        List<Figure> all = figures(MARCH_2024, f);
        assertEquals(4, find(all, "outcomes").numerator());
        assertRatio(find(all, "outcomes.NFA"), 2, 4);
        assertRatio(find(all, "outcomes.EARLY_HELP"), 1, 4);
        assertRatio(find(all, "outcomes.OTHER_COUNCIL"), 0, 4);
        assertRatio(find(all, "conversion"), 1, 4);
        assertEquals(4, find(all, "contacts").numerator());
        assertEquals(4.0, find(all, "contacts-rate").value(), "4 per 10,000 of a population of 10,000");
        assertEquals(10_000L, find(all, "contacts-rate").denominator());
    }

    @Test
    void aRepeatContactIsOneWhoseChildHadAnotherWithinThe365DaysBefore() {
        FactsFixture f = new FactsFixture()
                .add(received(child(1), "2023-03-10T10:00"))   // 365 days before 2024-03-09 (2024 is a leap year)
                .add(received(child(1), "2024-03-09T10:00"))   // repeat
                .add(received(child(2), "2023-03-08T10:00"))   // 366 days before 2024-03-08
                .add(received(child(2), "2024-03-08T10:00"))   // not a repeat
                .add(received(child(3), "2024-03-08T09:00"))
                .add(received(child(3), "2024-03-08T10:00"));  // repeat: the same day, later
        Figure repeat = find(figures(MARCH_2024, f), "repeat-contacts");
        assertRatio(repeat, 2, 4);
    }

    @Test
    void aReReferralIsAReferralWhoseChildHadAnotherInThe12MonthsBeforeTheSameDateAYearEarlierIncluded() {
        FactsFixture f = new FactsFixture()
                .add(decided(child(1), "2023-03-14T09:00", "2023-03-15T10:00", "CSC_ASSESSMENT"))
                .add(decided(child(1), "2024-03-15T09:00", "2024-03-15T11:00", "CSC_ASSESSMENT"))     // exactly 12 months: counts
                .add(decided(child(2), "2023-03-13T09:00", "2023-03-14T10:00", "STRATEGY_DISCUSSION"))
                .add(decided(child(2), "2024-03-15T09:00", "2024-03-15T11:00", "CSC_ASSESSMENT"))     // 12 months and a day: no
                .add(decided(child(3), "2024-01-10T09:00", "2024-01-10T10:00", "NFA"))                // not a referral
                .add(decided(child(3), "2024-03-20T09:00", "2024-03-20T11:00", "CSC_ASSESSMENT"));   // no earlier referral
        assertRatio(find(figures(MARCH_2024, f), "re-referrals"), 1, 3);
    }

    @Test
    void reReferralsAcrossTheTwentyNinthOfFebruary() {
        Instant leapDay = london("2024-02-29T12:00");
        assertTrue(MetricDefinitions.withinReReferralWindow(london("2023-02-28T12:00"), leapDay), "29 Feb 2024 looks back to 28 Feb 2023");
        assertFalse(MetricDefinitions.withinReReferralWindow(london("2023-02-27T12:00"), leapDay));
        assertTrue(MetricDefinitions.withinReReferralWindow(leapDay, london("2025-02-28T12:00")), "28 Feb 2025 looks back to 28 Feb 2024");
        assertFalse(MetricDefinitions.withinReReferralWindow(leapDay, london("2025-03-01T12:00")), "1 Mar 2025 looks back to 1 Mar 2024");
        assertTrue(MetricDefinitions.withinReReferralWindow(london("2021-06-01T16:00"), london("2022-06-01T09:00")),
                "the same date a year later, even earlier in the day");
        assertFalse(MetricDefinitions.withinReReferralWindow(london("2022-06-01T09:00"), london("2022-06-01T09:00")),
                "not the referral itself");
        assertTrue(MetricDefinitions.withinRepeatWindow(london("2023-03-01T12:00"), london("2024-02-29T12:00")), "365 days in a leap year");
        assertFalse(MetricDefinitions.withinRepeatWindow(london("2023-02-28T12:00"), london("2024-02-29T12:00")), "366 days");
    }

    @Test
    void decisionTimelinessByRagTargetWithinOneWorkingDayAndHours() {
        FactsFixture f = new FactsFixture();
        // Monday 4 March 2024: RED due in 4 h, decided in 3 h
        Facts.Contact red = decided(child(1), "2024-03-04T09:00", "2024-03-04T12:00", "NFA");
        f.add(FactsFixture.with(red, "RED", london("2024-03-04T13:00"), "WBRI", null, null, null));
        // AMBER due in 24 h, decided in 30 h: late on RAG, late on one working day (Tuesday 09:00)
        Facts.Contact amber = decided(child(2), "2024-03-04T09:00", "2024-03-05T15:00", "NFA");
        f.add(FactsFixture.with(amber, "AMBER", london("2024-03-05T09:00"), "WBRI", null, null, null));
        // a contact on Friday 16:00, decided on Monday 15:00: within one working day (due Monday 16:00)
        Facts.Contact friday = decided(child(3), "2024-03-08T16:00", "2024-03-11T15:00", "NFA");
        f.add(FactsFixture.with(friday, "GREEN", london("2024-03-11T16:00"), "WBRI", null, null, null));
        // a decision on a weekend (Saturday 16 March) on a Saturday contact: due by the end of Monday
        Facts.Contact saturday = decided(child(4), "2024-03-16T10:00", "2024-03-16T14:00", "NFA");
        f.add(FactsFixture.with(saturday, "GREEN", london("2024-03-19T10:00"), "WBRI", null, null, null));
        // Thursday before Easter 2024 (Good Friday 29 March, Easter Monday 1 April): due Tuesday 2 April 10:00
        Facts.Contact easter = decided(child(5), "2024-03-28T10:00", "2024-03-28T11:00", "NFA");
        f.add(FactsFixture.with(easter, "GREEN", london("2024-03-31T10:00"), "WBRI", null, null, null));
        List<Figure> all = figures(MARCH_2024, f);
        assertRatio(find(all, "decision-timeliness"), 4, 5);
        assertRatio(find(all, "decision-one-working-day"), 4, 5);
        // hours: 3, 30, 71, 4, 1 -> sorted 1, 3, 4, 30, 71
        assertEquals(4.0, find(all, "decision-hours-median").value());
        assertEquals(5L, find(all, "decision-hours-median").numerator());
        assertEquals(71.0, find(all, "decision-hours-p90").value(), "nearest rank: the 5th of 5");
        List<Figure> byRag = MetricDefinitions.breakdown(Breakdown.RAG, MARCH_2024, LATER, f.facts(), WORKING_DAYS);
        assertRatio(find(byRag, "decision-timeliness", "AMBER"), 0, 1);
        assertEquals(30.0, find(byRag, "decision-hours-median", "AMBER").value());
        assertRatio(find(byRag, "decision-timeliness", "GREEN"), 3, 3);
    }

    @Test
    void oneWorkingDayOverBankHolidaysAndWeekends() {
        assertEquals(london("2024-04-02T10:00"), OneWorkingDay.due(london("2024-03-28T10:00"), WORKING_DAYS), "Easter");
        assertEquals(london("2024-03-11T16:00"), OneWorkingDay.due(london("2024-03-08T16:00"), WORKING_DAYS), "Friday to Monday");
        assertEquals(london("2024-03-18T23:59:59.999999999"), OneWorkingDay.due(london("2024-03-16T10:00"), WORKING_DAYS),
                "a Saturday contact: by the end of Monday");
        assertEquals(london("2024-04-02T23:59:59.999999999"), OneWorkingDay.due(london("2024-04-01T10:00"), WORKING_DAYS),
                "an Easter Monday contact: by the end of Tuesday");
        assertEquals(london("2026-12-29T09:00"), OneWorkingDay.due(london("2026-12-24T09:00"), WORKING_DAYS),
                "Christmas Eve to the 29th: Christmas, Boxing Day's substitute on the 28th");
        // the decision's own due time wins when triage stated it
        Facts.Contact stated = new Facts.Contact(java.util.UUID.randomUUID(), child(1), london("2024-03-04T09:00"), "5A",
                null, "GREEN", "5-9", "F", null, null, null, london("2024-03-04T10:00"), london("2024-03-04T11:00"),
                "NFA", false, null, null, null);
        assertFalse(!stated.authorisedAt().isAfter(MetricDefinitions.oneWorkingDayDue(stated, WORKING_DAYS)));
    }

    @Test
    void theBacklogIsTheOpenQueueAtTheEndOfThePeriodOrNow() {
        FactsFixture f = new FactsFixture();
        Facts.Contact overdue = FactsFixture.with(received(child(1), "2024-03-30T08:00"), "RED", london("2024-03-30T12:00"), null, null, null, null);
        Facts.Contact notYet = FactsFixture.with(received(child(2), "2024-03-31T20:00"), "GREEN", london("2024-04-03T20:00"), null, null, null, null);
        Facts.Contact decidedLater = decided(child(3), "2024-03-31T10:00", "2024-04-02T10:00", "NFA");
        f.add(overdue).add(notYet).add(decidedLater).add(decided(child(4), "2024-03-01T10:00", "2024-03-01T11:00", "NFA"));
        List<Figure> all = figures(MARCH_2024, f);
        assertEquals(3, find(all, "backlog").numerator());
        assertEquals(1, find(all, "backlog-overdue").numerator());
        assertEquals(39.0, find(all, "backlog-oldest-hours").value(), "30 March 08:00 GMT to 1 April 00:00 BST (clocks went forward on 31 March)");
        // now, in the middle of the period
        List<Figure> midway = MetricDefinitions.figures(MARCH_2024, london("2024-03-31T12:00"), f.facts(), null, WORKING_DAYS);
        assertEquals(2, find(midway, "backlog").numerator());
        List<Figure> byRag = MetricDefinitions.breakdown(Breakdown.RAG, MARCH_2024, LATER, f.facts(), WORKING_DAYS);
        assertEquals(1, find(byRag, "backlog-overdue", "RED").numerator());
        assertEquals(0, find(byRag, "backlog-overdue", "GREEN").numerator());
    }

    @Test
    void checksOnTimeAndResponseHoursByAgency() {
        Facts.Contact c = received(child(1), "2024-03-04T09:00");
        FactsFixture f = new FactsFixture().add(c)
                .check(c.contactId(), "police", "2024-03-04T09:00", "2024-03-04T17:00", "2024-03-04T11:00")
                .check(c.contactId(), "police", "2024-03-04T09:00", "2024-03-04T17:00", "2024-03-04T19:00")
                .check(c.contactId(), "health", "2024-03-04T09:00", "2024-03-04T17:00", "2024-03-04T10:00")
                .check(c.contactId(), "health", "2024-03-04T09:00", "2024-03-04T17:00", null);
        List<Figure> all = figures(MARCH_2024, f);
        assertRatio(find(all, "checks"), 2, 3);
        assertEquals(2.0, find(all, "checks-response-hours-median").value());
        List<Figure> byAgency = MetricDefinitions.breakdown(Breakdown.AGENCY, MARCH_2024, LATER, f.facts(), WORKING_DAYS);
        assertRatio(find(byAgency, "checks", "police"), 1, 2);
        assertEquals(6.0, find(byAgency, "checks-response-hours-median", "police").value());
        assertRatio(find(byAgency, "checks", "health"), 1, 1);
    }

    @Test
    void consentDistributionAndOverridesWithAReason() {
        FactsFixture f = new FactsFixture();
        f.add(FactsFixture.with(decided(child(1), "2024-03-04T09:00", "2024-03-04T10:00", "NFA"), "GREEN", null, null, "GIVEN", null, null));
        f.add(FactsFixture.with(decided(child(2), "2024-03-04T09:00", "2024-03-04T10:00", "NFA"), "GREEN", null, null, "OVERRIDDEN", true, null));
        f.add(FactsFixture.with(decided(child(3), "2024-03-04T09:00", "2024-03-04T10:00", "NFA"), "GREEN", null, null, "OVERRIDDEN", false, null));
        f.add(decided(child(4), "2024-03-04T09:00", "2024-03-04T10:00", "NFA"));
        List<Figure> all = figures(MARCH_2024, f);
        assertRatio(find(all, "consent.GIVEN"), 1, 4);
        assertRatio(find(all, "consent.OVERRIDDEN"), 2, 4);
        assertRatio(find(all, "consent.NOT_RECORDED"), 1, 4);
        assertRatio(find(all, "consent-overrides-with-reason"), 1, 2);
    }

    @Test
    void feedbackIsTheDecidedContactsWhoseReferrerWasTold() {
        FactsFixture f = new FactsFixture();
        f.add(FactsFixture.with(decided(child(1), "2024-03-04T09:00", "2024-03-04T10:00", "NFA"), "GREEN", null, null, null, null,
                london("2024-03-04T12:00")));
        f.add(FactsFixture.with(decided(child(2), "2024-03-04T09:00", "2024-03-04T10:00", "NFA"), "GREEN", null, null, null, null,
                london("2024-03-05T14:00")));
        f.add(decided(child(3), "2024-03-04T09:00", "2024-03-04T10:00", "NFA"));
        List<Figure> all = figures(MARCH_2024, f);
        assertRatio(find(all, "feedback"), 2, 3);
        assertEquals(15.0, find(all, "feedback-hours-median").value(), "median of 2 and 28 hours");
    }

    @Test
    void strategyDiscussionsOnTimeAndAttendance() {
        Facts.Contact c = decided(child(1), "2024-03-04T09:00", "2024-03-04T10:00", "STRATEGY_DISCUSSION");
        FactsFixture f = new FactsFixture().add(c)
                .discussion(c.contactId(), "2024-03-04T15:00", true,
                        Map.of("social-care", "ATTENDED", "police", "ATTENDED", "health", "ATTENDED", "education", "ATTENDED"))
                .discussion(c.contactId(), "2024-03-05T15:00", false,
                        Map.of("social-care", "ATTENDED", "police", "ATTENDED", "health", "SENT_INFORMATION"))
                .discussion(c.contactId(), "2024-04-05T15:00", true, Map.of());
        List<Figure> all = figures(MARCH_2024, f);
        assertRatio(find(all, "sd-timeliness"), 1, 2);
        assertRatio(find(all, "sd-attendance"), 1, 2);
        assertRatio(find(all, "sd-attendance.police"), 2, 2);
        assertRatio(find(all, "sd-attendance.health"), 1, 2);
        assertRatio(find(all, "sd-attendance.education"), 1, 1);
    }

    @Test
    void siblingsDiscussedTogetherAreOneMeetingEachChildKeepingItsRecord() {
        Facts.Contact amira = decided(child(1), "2024-03-04T09:00", "2024-03-04T10:00", "STRATEGY_DISCUSSION");
        Facts.Contact brother = decided(child(2), "2024-03-04T09:00", "2024-03-04T10:00", "STRATEGY_DISCUSSION");
        Facts.Contact alone = decided(child(3), "2024-03-06T09:00", "2024-03-06T10:00", "STRATEGY_DISCUSSION");
        java.util.UUID meeting = java.util.UUID.randomUUID();
        Map<String, String> all3 = Map.of("social-care", "ATTENDED", "police", "ATTENDED", "health", "ATTENDED");
        FactsFixture f = new FactsFixture().add(amira).add(brother).add(alone);
        f.discussions.add(new Facts.Discussion(meeting, amira.contactId(), london("2024-03-04T15:00"), true, true, all3, "S47_JOINT"));
        f.discussions.add(new Facts.Discussion(meeting, brother.contactId(), london("2024-03-04T15:00"), true, true, all3, "NFA"));
        f.discussion(alone.contactId(), "2024-03-07T15:00", false, Map.of("social-care", "ATTENDED", "police", "ATTENDED"));
        List<Figure> all = figures(MARCH_2024, f);
        assertRatio(find(all, "sd-timeliness"), 1, 2);
        assertRatio(find(all, "sd-attendance"), 1, 2);
        assertRatio(find(all, "sd-attendance.police"), 2, 2);
        assertRatio(find(all, "sd-attendance.health"), 1, 2);
        // one child's record late makes the meeting late
        List<Facts.Discussion> records = List.of(
                new Facts.Discussion(meeting, amira.contactId(), london("2024-03-04T15:00"), true, true, all3, "S47_JOINT"),
                new Facts.Discussion(meeting, brother.contactId(), london("2024-03-04T15:00"), false, true, all3, "NFA"));
        List<Facts.Discussion> meetings = MetricDefinitions.meetings(records);
        assertEquals(1, meetings.size());
        assertFalse(meetings.get(0).withinTarget());
        assertTrue(meetings.get(0).coreAgenciesPresent());
    }

    @Test
    void aWithdrawnEnquiryCountsNowhere() {
        Facts.Contact c = decided(child(1), "2024-03-04T09:00", "2024-03-04T10:00", "STRATEGY_DISCUSSION");
        LocalDate started = LocalDate.of(2024, 3, 5);
        LocalDate target = WORKING_DAYS.plusWorkingDays(started, 15);
        FactsFixture f = new FactsFixture().add(c).enquiry(c.contactId(), started, target, null);
        f.enquiries.add(new Facts.Enquiry(java.util.UUID.randomUUID(), c.contactId(), started, target, true, null, null,
                london("2024-03-06T10:00")));
        List<Figure> all = figures(MARCH_2024, f);
        assertEquals(1, find(all, "s47").numerator());
        assertEquals(1.0, find(all, "s47-rate").value());
        assertRatio(find(all, "s47-icpc"), 0, 1);
    }

    @Test
    void section47EnquiriesTheirRateAndIcpcs() {
        Facts.Contact c = decided(child(1), "2024-03-04T09:00", "2024-03-04T10:00", "STRATEGY_DISCUSSION");
        WorkingDays wd = WORKING_DAYS;
        LocalDate started = LocalDate.of(2024, 3, 5);
        LocalDate target = wd.plusWorkingDays(started, 15);
        assertEquals(LocalDate.of(2024, 3, 26), target);
        FactsFixture f = new FactsFixture().add(c)
                .enquiry(c.contactId(), started, target, LocalDate.of(2024, 3, 26))       // on target
                .enquiry(c.contactId(), started, target, null)
                .enquiry(c.contactId(), LocalDate.of(2024, 2, 20), LocalDate.of(2024, 3, 12), LocalDate.of(2024, 3, 13)); // late
        List<Figure> all = figures(MARCH_2024, f);
        assertEquals(2, find(all, "s47").numerator());
        assertEquals(2.0, find(all, "s47-rate").value());
        assertRatio(find(all, "s47-icpc"), 1, 2);
        assertEquals(2, find(all, "icpcs").numerator());
        assertRatio(find(all, "icpc-timeliness"), 1, 2);
    }

    @Test
    void hackneysPublishedRatiosRoundAsPublished() {
        assertEquals(29, Math.round(MetricDefinitions.percent(3_559, 12_313)));
        assertEquals(17, Math.round(MetricDefinitions.percent(605, 3_559)));
        assertEquals(32, Math.round(MetricDefinitions.percent(267, 825)));
    }

    @Test
    void medianAndNinetiethPercentile() {
        assertNull(MetricDefinitions.median(List.of()));
        assertEquals(2.0, MetricDefinitions.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, MetricDefinitions.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(9.0, MetricDefinitions.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 90));
        assertEquals(10.0, MetricDefinitions.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0), 90));
        assertEquals(5.0, MetricDefinitions.percentile(List.of(5.0), 90));
    }

    @Test
    void aBreakdownByAPersonalCharacteristicSuppressesSmallCounts() {
        FactsFixture f = new FactsFixture();
        for (int i = 0; i < 6; i++) {
            f.add(FactsFixture.with(decided(child(i), "2024-03-04T09:00", "2024-03-04T10:00", i < 3 ? "CSC_ASSESSMENT" : "NFA"),
                    "GREEN", null, "WBRI", null, null, null));
        }
        for (int i = 10; i < 12; i++) {
            f.add(FactsFixture.with(decided(child(i), "2024-03-04T09:00", "2024-03-04T10:00", "NFA"), "GREEN", null, "APKN", null, null, null));
        }
        for (int i = 20; i < 27; i++) {
            f.add(FactsFixture.with(decided(child(i), "2024-03-04T09:00", "2024-03-04T10:00", "NFA"), "GREEN", null, "BAFR", null, null, null));
        }
        List<Figure> byEthnicity = MetricDefinitions.breakdown(Breakdown.ETHNICITY, MARCH_2024, LATER, f.facts(), WORKING_DAYS);
        Figure small = find(byEthnicity, "contacts", "APKN");
        assertEquals("<5", small.display());
        assertNull(small.value());
        assertNull(small.numerator());
        assertEquals("ethnicity", small.breakdown());
        assertEquals("withheld", find(byEthnicity, "contacts", "WBRI").display(),
                "secondary suppression: the total (15) less the other groups would reveal the 2");
        assertNull(find(byEthnicity, "contacts", "WBRI").numerator());
        assertEquals(5, find(byEthnicity, "contacts", "BAFR").numerator(), "7, shown to the nearest 5");
        assertEquals(15, find(MetricDefinitions.figures(MARCH_2024, LATER, f.facts(), null, WORKING_DAYS), "contacts").numerator());
        Figure conversion = find(byEthnicity, "conversion", "WBRI");
        assertEquals("withheld", conversion.display(), "3 of 6 would reveal a count of 3");
        assertNull(conversion.numerator());
        assertNull(conversion.denominator(), "WBRI's 6 decided contacts are withheld: as the denominator they would "
                + "give back APKN's 2 (15 - 6 - 7)");
        assertNull(find(byEthnicity, "outcomes.NFA", "WBRI").denominator());
        assertNull(find(byEthnicity, "feedback", "WBRI").denominator());
        assertEquals(5L, find(byEthnicity, "conversion", "BAFR").denominator(), "7, to the nearest 5");
        assertTrue(byEthnicity.stream().noneMatch(x -> x.id().equals("contacts-rate")), "no population per group");
        // not a personal characteristic: no suppression, no rounding
        List<Figure> bySource = MetricDefinitions.breakdown(Breakdown.SOURCE, MARCH_2024, LATER, f.facts(), WORKING_DAYS);
        assertEquals(15, find(bySource, "contacts", "5A").numerator());
    }
}

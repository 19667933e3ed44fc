package org.mash.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class DisclosureControlTests {

    static Figure count(long n) {
        return new Figure("contacts", (double) n, n, null, Figure.COUNT, "d").inGroup("sex", "F");
    }

    static Figure percent(long n, long d) {
        return new Figure("conversion", MetricDefinitions.percent(n, d), n, d, Figure.PERCENT, "d").inGroup("sex", "F");
    }

    @Test
    void countsFromOneToFourAreShownAsLessThanFive() {
        for (long n = 1; n <= 4; n++) {
            Figure shown = DisclosureControl.apply(count(n));
            assertEquals("<5", shown.display());
            assertNull(shown.value());
            assertNull(shown.numerator());
            assertEquals("F", shown.group());
        }
        assertSame(count(0).numerator(), DisclosureControl.apply(count(0)).numerator());
        assertEquals(0L, DisclosureControl.apply(count(0)).numerator(), "nothing is not disclosive");
        assertEquals(5L, DisclosureControl.apply(count(5)).numerator());
        assertNull(DisclosureControl.apply(count(5)).display());
    }

    @Test
    void percentsThatWouldRevealASmallCountAreWithheld() {
        Figure smallNumerator = DisclosureControl.apply(percent(3, 50));
        assertEquals("withheld", smallNumerator.display());
        assertNull(smallNumerator.value());
        assertNull(smallNumerator.numerator());
        assertEquals(50L, smallNumerator.denominator());

        Figure smallDenominator = DisclosureControl.apply(percent(0, 4));
        assertEquals("withheld", smallDenominator.display());
        assertEquals(0L, smallDenominator.numerator());
        assertNull(smallDenominator.denominator());

        Figure fine = DisclosureControl.apply(percent(5, 50));
        assertEquals(10.0, fine.value());
        assertNull(fine.display());
        assertEquals(0.0, DisclosureControl.apply(percent(0, 50)).value());
    }

    @Test
    void hoursOverOneToFourChildrenAreWithheld() {
        Figure hours = new Figure("decision-hours-median", 3.5, 2, null, Figure.HOURS, "d").inGroup("ageBand", "0-4");
        assertEquals("withheld", DisclosureControl.apply(hours).display());
        assertNull(DisclosureControl.apply(hours).value());
        Figure enough = new Figure("decision-hours-median", 3.5, 7, null, Figure.HOURS, "d");
        assertEquals(3.5, DisclosureControl.apply(enough).value());
    }

    @Test
    void aLoneSuppressedCountTakesTheSmallestOtherWithIt() {
        java.util.List<Figure> shown = DisclosureControl.control(java.util.List.of(
                countIn("A", 3), countIn("B", 6), countIn("C", 9), countIn("D", 0)));
        assertEquals("<5", shown.get(0).display());
        assertEquals("withheld", shown.get(1).display(), "B, the smallest other non-zero group");
        assertNull(shown.get(1).numerator());
        assertEquals(10L, shown.get(2).numerator(), "9, shown to the nearest 5");
        assertEquals(0L, shown.get(3).numerator());
        // two suppressed already: neither can be worked out from the total
        java.util.List<Figure> two = DisclosureControl.control(java.util.List.of(
                countIn("A", 3), countIn("B", 2), countIn("C", 9)));
        assertEquals(10L, two.get(2).numerator());
        // the only other group is empty: it is withheld, so the total is not all the small group's
        java.util.List<Figure> alone = DisclosureControl.control(java.util.List.of(countIn("A", 3), countIn("B", 0)));
        assertEquals("withheld", alone.get(1).display());
    }

    @Test
    void aWithheldBaseTakesEveryFigureOfItsGroupBuiltOnIt() {
        // F: 3 contacts received (small), M: 6 (withheld to protect F), U: 9
        java.util.List<Figure> shown = DisclosureControl.control(java.util.List.of(
                countIn("F", 3), ratioIn("repeat-contacts", "F", 1, 3),
                countIn("M", 6), ratioIn("repeat-contacts", "M", 3, 6),
                countIn("U", 9), ratioIn("repeat-contacts", "U", 5, 9)));
        assertEquals("<5", shown.get(0).display());
        Figure repeatF = shown.get(1);
        assertEquals("withheld", repeatF.display());
        assertNull(repeatF.value());
        assertNull(repeatF.numerator());
        assertNull(repeatF.denominator());
        assertEquals("withheld", shown.get(2).display());
        Figure repeatM = shown.get(3);
        assertEquals("withheld", repeatM.display(), "M's 6 contacts would show as the denominator: 18 - 6 - 9 = F's 3");
        assertNull(repeatM.numerator());
        assertNull(repeatM.denominator());
        assertNull(repeatM.value());
        assertEquals(10L, shown.get(4).numerator(), "9, to the nearest 5");
        assertEquals(10L, shown.get(5).denominator());
        assertEquals(5L, shown.get(5).numerator());
        assertEquals(50.0, shown.get(5).value(), "worked out from the rounded numbers (5 of 10), not from 5 of 9");
    }

    @Test
    void aSmallNumeratorIsHiddenAndSoIsItsPercentage() {
        // 2 of 10 in F, 6 of 10 in M, 7 of 10 in U: F's 2 is hidden, and M's 6 (the smallest other) with it
        java.util.List<Figure> shown = DisclosureControl.control(java.util.List.of(
                ratioIn("conversion", "F", 2, 10), ratioIn("conversion", "M", 6, 10), ratioIn("conversion", "U", 7, 10)));
        assertEquals("withheld", shown.get(0).display());
        assertNull(shown.get(0).value());
        assertNull(shown.get(0).numerator());
        assertEquals(10L, shown.get(0).denominator(), "a denominator that reveals nothing stays");
        assertNull(shown.get(1).numerator());
        assertNull(shown.get(1).value());
        assertEquals(5L, shown.get(2).numerator(), "7, to the nearest 5");
        assertEquals(50.0, shown.get(2).value(), "5 of 10, not 7 of 10: the percentage tells no more than its numbers");
    }

    @Test
    void aLoneHiddenOutcomeWithinAGroupTakesAnotherWithIt() {
        // 12 decided in F: 2 NFA and 3 CSC_ASSESSMENT (small), 7 EARLY_HELP: with two hidden, 12 - 7 does not
        // reveal either; but with only NFA hidden, 15 - the others would
        java.util.List<Figure> shown = DisclosureControl.control(java.util.List.of(
                new Figure("outcomes", 12.0, 12, null, Figure.COUNT, "d").inGroup("sex", "F"),
                ratioIn("outcomes.NFA", "F", 2, 12), ratioIn("outcomes.EARLY_HELP", "F", 7, 12),
                ratioIn("outcomes.CSC_ASSESSMENT", "F", 3, 12)));
        assertNull(shown.get(1).numerator());
        assertNull(shown.get(3).numerator());
        assertEquals(5L, shown.get(2).numerator(), "two hidden: neither can be worked out (7, to the nearest 5)");
        java.util.List<Figure> one = DisclosureControl.control(java.util.List.of(
                new Figure("outcomes", 15.0, 15, null, Figure.COUNT, "d").inGroup("sex", "F"),
                ratioIn("outcomes.NFA", "F", 2, 15), ratioIn("outcomes.EARLY_HELP", "F", 7, 15),
                ratioIn("outcomes.CSC_ASSESSMENT", "F", 6, 15)));
        assertNull(one.get(1).numerator());
        assertNull(one.get(3).numerator(), "the smallest other outcome, else 15 - 7 - 6 = 2");
        assertEquals(5L, one.get(2).numerator());
    }

    @Test
    void everyNumberABreakdownShowsIsRoundedToTheNearestFive() {
        assertEquals(0L, DisclosureControl.roundToFive(0L), "none is none");
        assertEquals(5L, DisclosureControl.roundToFive(5L));
        assertEquals(5L, DisclosureControl.roundToFive(7L));
        assertEquals(10L, DisclosureControl.roundToFive(8L));
        assertEquals(10L, DisclosureControl.roundToFive(12L));
        assertEquals(15L, DisclosureControl.roundToFive(13L));
        assertEquals(5L, DisclosureControl.roundToFive(3L), "never rounded down to nothing (1 to 4 are withheld anyway)");
        assertNull(DisclosureControl.roundToFive(null));
        Figure hours = DisclosureControl.rounded(new Figure("decision-hours-median", 6.5, 9, null, Figure.HOURS, "d").inGroup("sex", "M"));
        assertEquals(6.5, hours.value(), "a median is not a count: it stays");
        assertEquals(10L, hours.numerator(), "over a rounded number of observations");
    }

    static Figure ratioIn(String id, String group, long n, long d) {
        return new Figure(id, MetricDefinitions.percent(n, d), n, d, Figure.PERCENT, "d").inGroup("sex", group);
    }

    static Figure countIn(String group, long n) {
        return new Figure("contacts", (double) n, n, null, Figure.COUNT, "d").inGroup("ethnicity", group);
    }
}

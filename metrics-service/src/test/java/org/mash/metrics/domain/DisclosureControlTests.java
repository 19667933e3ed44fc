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
        java.util.List<Figure> cells = DisclosureControl.apply(java.util.List.of(
                countIn("A", 3), countIn("B", 6), countIn("C", 9), countIn("D", 0)));
        java.util.List<Figure> shown = DisclosureControl.secondary(cells);
        assertEquals("<5", shown.get(0).display());
        assertEquals("withheld", shown.get(1).display(), "B, the smallest other non-zero group");
        assertNull(shown.get(1).numerator());
        assertEquals(9L, shown.get(2).numerator());
        assertEquals(0L, shown.get(3).numerator());
        // two suppressed already: neither can be worked out from the total
        java.util.List<Figure> two = DisclosureControl.secondary(DisclosureControl.apply(java.util.List.of(
                countIn("A", 3), countIn("B", 2), countIn("C", 9))));
        assertEquals(9L, two.get(2).numerator());
    }

    static Figure countIn(String group, long n) {
        return new Figure("contacts", (double) n, n, null, Figure.COUNT, "d").inGroup("ethnicity", group);
    }
}

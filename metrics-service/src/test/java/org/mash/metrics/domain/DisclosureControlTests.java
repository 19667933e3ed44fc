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
}

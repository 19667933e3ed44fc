package org.mash.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MetricDefinitionsTests {

    /** Hackney 2021/22 (MASH.md 2.4): 12,313 contacts; 3,559 referrals, reported as 29% conversion. */
    @Test
    void reproducesHackneysPublishedFiguresFor2021To22() {
        Figure contacts = MetricDefinitions.contacts(12_313);
        assertEquals(12_313.0, contacts.value());
        assertEquals(12_313, contacts.numerator());
        assertNull(contacts.denominator(), "a count has no denominator");
        assertEquals(Figure.COUNT, contacts.unit());

        Figure referrals = MetricDefinitions.referrals(3_559);
        assertEquals(3_559.0, referrals.value());

        Figure conversion = MetricDefinitions.conversion(3_559, 12_313);
        assertEquals(28.9, conversion.value());
        assertEquals(29, Math.round(conversion.value()), "the report rounds to 29%");
        assertEquals(3_559, conversion.numerator());
        assertEquals(12_313L, conversion.denominator());
        assertEquals(Figure.PERCENT, conversion.unit());

        assertEquals(825.0, MetricDefinitions.s47(825).value());
    }

    @Test
    void aPercentOfNothingHasNoValue() {
        Figure conversion = MetricDefinitions.conversion(0, 0);
        assertNull(conversion.value());
        assertEquals(0, conversion.numerator());
        assertEquals(0L, conversion.denominator());
    }

    @Test
    void percentsRoundHalfUpToOneDecimal() {
        assertEquals(50.0, MetricDefinitions.percent(1, 2));
        assertEquals(33.3, MetricDefinitions.percent(1, 3));
        assertEquals(66.7, MetricDefinitions.percent(2, 3));
        assertEquals(6.3, MetricDefinitions.percent(1, 16), "6.25 rounds half up, not to even");
        assertEquals(0.1, MetricDefinitions.percent(1, 2000), "0.05 rounds up");
        assertEquals(100.0, MetricDefinitions.percent(7, 7));
        assertEquals(0.0, MetricDefinitions.percent(0, 5));
    }

    @Test
    void countsCannotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> MetricDefinitions.contacts(-1));
        assertThrows(IllegalArgumentException.class, () -> MetricDefinitions.conversion(-1, 2));
    }

    @Test
    void everyFigureStatesItsDefinition() {
        assertEquals("contacts received in the period (by received date)", MetricDefinitions.contacts(0).definition());
        assertEquals("section 47 enquiries started in the period (by start date)", MetricDefinitions.s47(0).definition());
        assertEquals("contacts decided in the period whose outcome is a referral (CSC_ASSESSMENT or STRATEGY_DISCUSSION)"
                + " / contacts decided in the period", MetricDefinitions.conversion(0, 0).definition());
    }

    @org.junit.jupiter.api.Test
    void coreAgenciesArePresentWhenTheEventSaysSoOrAllThreeAttended() {
        java.util.Map<String, String> all = java.util.Map.of("social-care", "ATTENDED", "police", "ATTENDED", "health", "ATTENDED");
        java.util.Map<String, String> noHealth = java.util.Map.of("social-care", "ATTENDED", "police", "ATTENDED",
                "health", "SENT_INFORMATION");
        org.junit.jupiter.api.Assertions.assertTrue(MetricDefinitions.coreAgenciesPresent(null, all));
        org.junit.jupiter.api.Assertions.assertFalse(MetricDefinitions.coreAgenciesPresent(null, noHealth));
        org.junit.jupiter.api.Assertions.assertFalse(MetricDefinitions.coreAgenciesPresent(false, all));
        org.junit.jupiter.api.Assertions.assertFalse(MetricDefinitions.coreAgenciesPresent(null, null));
    }
}

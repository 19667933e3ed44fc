package org.mash.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChildRefTests {

    final ChildRef refs = new ChildRef("a-test-key-of-sufficient-length");
    static final LocalDate DOB = LocalDate.of(2016, 4, 2);

    @Test
    void theSameChildGivesTheSameRefWhateverTheSpelling() {
        assertEquals(refs.of(null, "Siobhán", "O'Brien-Smith", DOB, null), refs.of(null, "siobhan ", "OBrien Smith", DOB, null));
        assertEquals(refs.of("943 476 5919", "A", "B", DOB, null), refs.of("9434765919", "Other", "Name", null, null));
    }

    @Test
    void differentChildrenOrKeysGiveDifferentRefs() {
        assertNotEquals(refs.of(null, "Amira", "Khan", DOB, null), refs.of(null, "Amira", "Khan", DOB.plusDays(1), null));
        assertNotEquals(refs.of(null, "Amira", "Khan", DOB, null),
                new ChildRef("another-key-of-sufficient-length").of(null, "Amira", "Khan", DOB, null));
    }

    @Test
    void theRefRevealsNothing() {
        String ref = refs.of(null, "Amira", "Khan", DOB, null);
        assertTrue(ref.matches("[0-9a-f]{64}"));
        assertFalse(ref.contains("amira"));
        assertThrows(IllegalArgumentException.class, () -> new ChildRef("short"));
    }

    @Test
    void ageBands() {
        LocalDate on = LocalDate.of(2026, 11, 22);
        assertEquals("UNBORN", AgeBand.of(null, on));
        assertEquals("0-4", AgeBand.of(on.minusYears(4).plusDays(1), on));
        assertEquals("5-9", AgeBand.of(on.minusYears(5), on));
        assertEquals("10-15", AgeBand.of(DOB, on));
        assertEquals("16-17", AgeBand.of(on.minusYears(17), on));
    }
}

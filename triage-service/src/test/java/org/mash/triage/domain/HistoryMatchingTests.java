package org.mash.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mash.triage.domain.HistoryMatching.Band;
import org.mash.triage.domain.HistoryMatching.Match;
import org.mash.triage.domain.HistoryMatching.Person;

class HistoryMatchingTests {

    static final LocalDate DOB = LocalDate.of(2015, 3, 4);

    static Optional<Match> match(Person a, Person b) {
        return HistoryMatching.match(a, b);
    }

    @Test
    void onlyASuggestionCanBeConfirmedOrRejectedAndTheChoiceStands() {
        assertTrue(HistoryMatching.checkDecision(HistoryFlags.MatchStatus.SUGGESTED, null).isEmpty());
        Optional<Violation> again = HistoryMatching.checkDecision(HistoryFlags.MatchStatus.CONFIRMED, "practitioner");
        assertTrue(again.isPresent(), "a confirmed match is not rejected later");
        assertEquals("", again.get().field(), "a conflict with the match's state, not a bad field");
        assertEquals("suggested", again.get().rule());
        assertTrue(again.get().message().contains("CONFIRMED by practitioner"), again.get().message());
        assertTrue(HistoryMatching.checkDecision(HistoryFlags.MatchStatus.REJECTED, "manager").isPresent(),
                "nor a rejected one confirmed");
    }

    @Test
    void namesAreComparedWithoutCaseAccentsPunctuationOrSpaces() {
        assertEquals("zoeobriensmith", Names.normalise(" Zoë O'Brien-Smith "));
        assertEquals(Names.normalise("Siobhán"), Names.normalise("SIOBHAN"));
        assertEquals("", Names.normalise(null));
        assertEquals("N19GU", Names.postcode(" n1 9gu"));
        assertNull(Names.postcode("  "));
        assertEquals("9434765919", Names.nhsNumber("943 476 5919"));
        assertNull(Names.nhsNumber(null));
    }

    @Test
    void theSameNhsNumberIsCertainWhateverTheName() {
        Match m = match(new Person("943 476 5919", "Amira", "Khan", DOB, null),
                new Person("9434765919", "Amyra", "Kahn", null, null)).orElseThrow();
        assertEquals("NHS_NUMBER", m.method());
        assertEquals(1.0, m.confidence());
        assertEquals(Band.CERTAIN, m.band());
    }

    @Test
    void differentNhsNumbersAreDifferentChildrenEvenWithTheSameNameAndBirthday() {
        assertTrue(match(new Person("9434765919", "Amira", "Khan", DOB, "E81AA"),
                new Person("4010232137", "Amira", "Khan", DOB, "E81AA")).isEmpty());
    }

    @Test
    void nameAndDateOfBirthIsHighAndThePostcodeRaisesIt() {
        Person zoe = new Person(null, "Zoë", "O'Brien-Smith", DOB, "N1 9GU");
        Match samePostcode = match(zoe, new Person("9434765919", "zoe", "obrien smith", DOB, "n19gu")).orElseThrow();
        assertEquals("NAME_DOB_POSTCODE", samePostcode.method());
        assertEquals(0.9, samePostcode.confidence());
        assertEquals(Band.HIGH, samePostcode.band());
        Match moved = match(zoe, new Person(null, "Zoe", "OBrien Smith", DOB, "E8 1AA")).orElseThrow();
        assertEquals("NAME_DOB", moved.method());
        assertEquals(0.8, moved.confidence());
        assertEquals(Band.HIGH, moved.band());
    }

    @Test
    void aShortFormOfTheFirstNameIsMedium() {
        Match m = match(new Person(null, "Sam", "Patel", DOB, null), new Person(null, "Samantha", "Patel", DOB, null))
                .orElseThrow();
        assertEquals("SHORT_NAME_DOB", m.method());
        assertEquals(Band.MEDIUM, m.band());
        assertEquals(0.7, match(new Person(null, "Samantha", "Patel", DOB, "E81AA"),
                new Person(null, "Sam", "Patel", DOB, "E8 1AA")).orElseThrow().confidence());
        assertTrue(match(new Person(null, "Al", "Patel", DOB, null), new Person(null, "Alan", "Patel", DOB, null)).isEmpty(),
                "two letters is too short to be a short form");
    }

    @Test
    void withoutADateOfBirthOnlyTheFullNameAtTheSamePostcodeIsALowMatch() {
        Match m = match(new Person(null, "Imran", "Khan", null, "E8 1AA"), new Person(null, "imran", "KHAN", DOB.minusYears(30), "E81AA"))
                .orElseThrow();
        assertEquals("NAME_POSTCODE", m.method());
        assertEquals(Band.LOW, m.band());
        assertTrue(match(new Person(null, "Imran", "Khan", null, "E8 1AA"), new Person(null, "Imran", "Khan", null, "N1 9GU")).isEmpty());
        assertTrue(match(new Person(null, "Imran", "Khan", null, null), new Person(null, "Imran", "Khan", null, null)).isEmpty());
    }

    @Test
    void anythingLessIsNoMatch() {
        assertTrue(match(new Person(null, "Amira", "Khan", DOB, null), new Person(null, "Amira", "Khan", DOB.plusDays(1), null)).isEmpty());
        assertTrue(match(new Person(null, "Amira", "Khan", DOB, null), new Person(null, "Amira", "Patel", DOB, null)).isEmpty());
        assertTrue(match(new Person(null, "Amira", "Khan", DOB, null), new Person(null, "Bilal", "Khan", DOB, null)).isEmpty());
        assertTrue(match(new Person(null, "", "", DOB, null), new Person(null, "", "", DOB, null)).isEmpty());
    }

    @Test
    void bands() {
        assertEquals(Band.CERTAIN, HistoryMatching.band(1.0));
        assertEquals(Band.HIGH, HistoryMatching.band(0.8));
        assertEquals(Band.MEDIUM, HistoryMatching.band(0.6));
        assertEquals(Band.LOW, HistoryMatching.band(0.59));
    }
}

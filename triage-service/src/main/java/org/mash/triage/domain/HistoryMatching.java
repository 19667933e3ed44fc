package org.mash.triage.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a person named in a contact (the child, or a member of the household) is the same person as one named
 * in an earlier contact, and how sure that is (MASH.md 2.2: reviews cite missed history):
 * <ul>
 *   <li>both NHS numbers known: equal is the same person, with certainty ({@code NHS_NUMBER}, 1.0); different is
 *       a different person, whatever the names say;</li>
 *   <li>otherwise the normalised surname and the date of birth must be equal ({@link Names#normalise}), then:
 *       the same first name is {@code NAME_DOB} (0.8); a first name that starts the other (Sam / Samantha, at least
 *       three letters) is {@code SHORT_NAME_DOB} (0.6); the same postcode adds 0.1 and {@code _POSTCODE} to the
 *       method;</li>
 *   <li>when either date of birth is unknown (often so for fathers and other adults), the same first name, surname
 *       and postcode is {@code NAME_POSTCODE} (0.5);</li>
 *   <li>anything less is no match.</li>
 * </ul>
 * Bands: {@code CERTAIN} (1.0), {@code HIGH} (0.8 and over), {@code MEDIUM} (0.6 and over), {@code LOW}.
 * A match is a suggestion: the practitioner confirms or rejects it, and that choice stands: only a
 * {@code SUGGESTED} match can be decided ({@link #checkDecision}); a confirmed match is not rejected later, nor the
 * other way round (a second choice is a 409 conflict naming who decided, and when).
 */
public final class HistoryMatching {

    /** A person as the matching sees them; names and postcode are normalised on construction. */
    public record Person(String nhsNumber, String firstName, String lastName, LocalDate dateOfBirth, String postcode) {
        public Person {
            nhsNumber = Names.nhsNumber(nhsNumber);
            firstName = Names.normalise(firstName);
            lastName = Names.normalise(lastName);
            postcode = Names.postcode(postcode);
        }
    }

    public enum Band { CERTAIN, HIGH, MEDIUM, LOW }

    public record Match(String method, double confidence, Band band) {
    }

    private HistoryMatching() {
    }

    public static Optional<Match> match(Person subject, Person candidate) {
        if (subject.nhsNumber() != null && candidate.nhsNumber() != null) {
            return subject.nhsNumber().equals(candidate.nhsNumber())
                    ? Optional.of(new Match("NHS_NUMBER", 1.0, Band.CERTAIN)) : Optional.empty();
        }
        if (subject.lastName().isEmpty() || !subject.lastName().equals(candidate.lastName())) {
            return Optional.empty();
        }
        boolean samePostcode = subject.postcode() != null && subject.postcode().equals(candidate.postcode());
        if (subject.dateOfBirth() != null && candidate.dateOfBirth() != null) {
            if (!subject.dateOfBirth().equals(candidate.dateOfBirth())) {
                return Optional.empty();
            }
            String method;
            double confidence;
            if (!subject.firstName().isEmpty() && subject.firstName().equals(candidate.firstName())) {
                method = "NAME_DOB";
                confidence = 0.8;
            } else if (shortForm(subject.firstName(), candidate.firstName())) {
                method = "SHORT_NAME_DOB";
                confidence = 0.6;
            } else {
                return Optional.empty();
            }
            return Optional.of(samePostcode ? of(method + "_POSTCODE", confidence + 0.1) : of(method, confidence));
        }
        if (samePostcode && !subject.firstName().isEmpty() && subject.firstName().equals(candidate.firstName())) {
            return Optional.of(of("NAME_POSTCODE", 0.5));
        }
        return Optional.empty();
    }

    /** Whether a practitioner may confirm or reject a match that is {@code current} now: only a suggestion. */
    public static Optional<Violation> checkDecision(HistoryFlags.MatchStatus current, String decidedBy) {
        if (current == HistoryFlags.MatchStatus.SUGGESTED) {
            return Optional.empty();
        }
        return Optional.of(new Violation("", "suggested", "the match is already " + current
                + (decidedBy == null ? "" : " by " + decidedBy) + ": that choice stands"));
    }

    public static Band band(double confidence) {
        if (confidence >= 1.0) {
            return Band.CERTAIN;
        }
        if (confidence >= 0.8) {
            return Band.HIGH;
        }
        return confidence >= 0.6 ? Band.MEDIUM : Band.LOW;
    }

    private static Match of(String method, double confidence) {
        double rounded = Math.round(confidence * 100) / 100.0;
        return new Match(method, rounded, band(rounded));
    }

    private static boolean shortForm(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
            return false;
        }
        String shorter = a.length() < b.length() ? a : b;
        String longer = a.length() < b.length() ? b : a;
        return shorter.length() >= 3 && longer.startsWith(shorter);
    }
}

package org.mash.triage.domain.census;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A Children in Need census return as its XML has it (returns.md section 1), the parts a MASH owns and those a case
 * management system's import gives: one {@link Child} per child, one {@link Referral} ({@code CINdetails}) per
 * referral, one {@link Section47} per enquiry. Optional values are null; lists are never null.
 */
public record CinCensus(Header header, List<Child> children) {

    /** The header: the collection, the year (the year the census ends), the local authority and this file. */
    public record Header(int year, LocalDate referenceDate, String lea, String softwareCode, String release,
                         String serialNo, LocalDateTime dateTime) {
    }

    /** {@code ChildIdentifiers} and {@code ChildCharacteristics}, and the child's referrals in date order. */
    public record Child(String laChildId, String upn, String formerUpn, String upnUnknown, LocalDate birthDate,
                        LocalDate expectedBirthDate, String sex, LocalDate deathDate, String ethnicity,
                        List<String> disabilities, List<Referral> referrals) {

        public boolean unborn() {
            return birthDate == null && expectedBirthDate != null;
        }

        /** The birth date, or the expected one for an unborn child. */
        public LocalDate birthOrExpected() {
            return birthDate != null ? birthDate : expectedBirthDate;
        }
    }

    /**
     * {@code CINdetails}: one referral (episode). {@code referralNfa} is null only when it could not be derived (a
     * rule then says so). Closure and assessments come from the case system's import, when there is one.
     */
    public record Referral(LocalDate referralDate, String referralSource, String primaryNeed, LocalDate closureDate,
                           String reasonForClosure, List<Assessment> assessments, List<Section47> section47s,
                           Boolean referralNfa) {

        public boolean nfa() {
            return Boolean.TRUE.equals(referralNfa);
        }
    }

    /** {@code Assessments}: one assessment of the referral, as the case system's import gave it. */
    public record Assessment(LocalDate startDate, LocalDate authorisationDate) {
    }

    /** {@code Section47}: started on the date of the strategy discussion; the ICPC held, or not required. */
    public record Section47(LocalDate startDate, LocalDate icpcTarget, LocalDate icpcDate, boolean icpcNotRequired) {
    }
}

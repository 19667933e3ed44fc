package org.mash.contacts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    final ContactRules rules = new ContactRules(new ContactRules.Codes(
            Set.of("6", "2A", "9")::contains, Set.of("3A", "21")::contains, Set.of("WBRI", "APKN")::contains,
            Set.of("M", "F", "U")::contains, Set.of("NONE", "MOB")::contains, Set.of("UN1", "UN4")::contains));

    static ContactSubmission.Child child(LocalDate born, LocalDate expected, String nhs) {
        return child(born, expected, nhs, born == null ? "U" : "F", null, null);
    }

    static ContactSubmission.Child child(LocalDate born, LocalDate expected, String nhs, String sex, String upn, String upnUnknown) {
        return withDisabilities(born, expected, nhs, sex, upn, upnUnknown, null, null);
    }

    static ContactSubmission.Child withDisabilities(LocalDate born, LocalDate expected, String nhs, String sex, String upn,
                                                    String upnUnknown, String disability, List<String> disabilities) {
        return new ContactSubmission.Child("Amira", "Khan", null, born, expected, sex, "APKN", nhs, null,
                new ContactSubmission.Address("12 Example Road", null, "London", "E8 1AA"), null, null, disability, upn,
                upnUnknown, disabilities);
    }

    static ContactSubmission submission(String source, List<String> concerns, ContactSubmission.Consent consent,
                                        ContactSubmission.Child... children) {
        return submission(source, concerns, consent, List.of(MOTHER), null, false, null, children);
    }

    static final ContactSubmission.Person MOTHER = new ContactSubmission.Person("Sara", "Khan", null,
            ContactSubmission.Relationship.MOTHER, true, true, null, null);

    static ContactSubmission submission(String source, List<String> concerns, ContactSubmission.Consent consent,
                                        List<ContactSubmission.Person> household, String householdNotKnownReason,
                                        boolean immediateDanger, Boolean policeInformed, ContactSubmission.Child... children) {
        return new ContactSubmission(null, source,
                new ContactSubmission.Referrer("PC Patel", "Constable", "Police", null, null),
                List.of(children), household, householdNotKnownReason, concerns, "what happened", null, null, null,
                immediateDanger, policeInformed, consent);
    }

    static final ContactSubmission.Consent GIVEN = new ContactSubmission.Consent(ContactSubmission.ConsentStatus.GIVEN, null, null);

    List<String> fields(ContactSubmission s) {
        return rules.check(s, TODAY).stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void aCompleteContactBreaksNoRule() {
        assertEquals(List.of(), fields(submission("6", List.of("3A"), GIVEN, child(LocalDate.of(2016, 4, 2), null, "9434765919"))));
    }

    @Test
    void unknownCodesAreNamedByPath() {
        assertEquals(List.of("sourceCode:known-code", "concernCodes[1]:known-code"),
                fields(submission("99", List.of("3A", "ZZ"), GIVEN, child(LocalDate.of(2016, 4, 2), null, null))));
    }

    @Test
    void dateOfBirthInTheFutureIsRefused() {
        assertEquals(List.of("children[0].dateOfBirth:not-in-future"),
                fields(submission("6", List.of("3A"), GIVEN, child(TODAY.plusDays(1), null, null))));
    }

    @Test
    void aChildTurnsEighteenOnTheirBirthday() {
        ContactSubmission.Child seventeen = child(TODAY.minusYears(18).plusDays(1), null, null);
        ContactSubmission.Child eighteenToday = child(TODAY.minusYears(18), null, null);
        assertEquals(List.of("children[1].dateOfBirth:under-18"),
                fields(submission("6", List.of("3A"), GIVEN, seventeen, eighteenToday)));
    }

    @Test
    void anUnbornChildNeedsAnExpectedDateNotInThePast() {
        assertEquals(List.of(), fields(submission("6", List.of("3A"), GIVEN, child(null, TODAY.plusMonths(2), null))));
        assertEquals(List.of("children[0].expectedDateOfBirth:not-in-past"),
                fields(submission("6", List.of("3A"), GIVEN, child(null, TODAY.minusDays(1), null))));
        assertEquals(List.of("children[0].dateOfBirth:required"),
                fields(submission("6", List.of("3A"), GIVEN, child(null, null, null))));
    }

    @Test
    void anUnbornChildIsExpectedWithinNineMonthsAndHasSexUnknown() {
        assertEquals(List.of(), fields(submission("6", List.of("3A"), GIVEN, child(null, TODAY.plusMonths(9), null))));
        assertEquals(List.of("children[0].expectedDateOfBirth:within-9-months"),
                fields(submission("6", List.of("3A"), GIVEN, child(null, TODAY.plusMonths(9).plusDays(1), null))));
        assertEquals(List.of("children[0].sex:unborn-u"),
                fields(submission("6", List.of("3A"), GIVEN, child(null, TODAY.plusMonths(2), null, "F", null, null))));
        assertEquals(List.of(), fields(submission("6", List.of("3A"), GIVEN, child(LocalDate.of(2016, 4, 2), null, null, "F", null, null))),
                "a born child keeps the sex given");
    }

    @Test
    void aUpnIsValidOrTheReasonItIsUnknownIsAKnownCodeNeverBoth() {
        LocalDate born = LocalDate.of(2016, 4, 2);
        assertEquals(List.of(), fields(submission("6", List.of("3A"), GIVEN, child(born, null, null, "F", "M201123424001", null))));
        assertEquals(List.of(), fields(submission("6", List.of("3A"), GIVEN, child(born, null, null, "F", null, "UN4"))));
        assertEquals(List.of("children[0].upn:upn-check-letter"),
                fields(submission("6", List.of("3A"), GIVEN, child(born, null, null, "F", "A201123424001", null))));
        assertEquals(List.of("children[0].upnUnknown:known-code"),
                fields(submission("6", List.of("3A"), GIVEN, child(born, null, null, "F", null, "UN9"))));
        assertEquals(List.of("children[0].upnUnknown:exclusive"),
                fields(submission("6", List.of("3A"), GIVEN, child(born, null, null, "F", "M201123424001", "UN4"))));
    }

    @Test
    void disabilitiesAreKnownCodesEachOnceAndNoneStandsAlone() {
        LocalDate born = LocalDate.of(2016, 4, 2);
        java.util.function.Function<ContactSubmission.Child, List<String>> check =
                c -> fields(submission("6", List.of("3A"), GIVEN, c));
        assertEquals(List.of(), check.apply(withDisabilities(born, null, null, "F", null, null, null, List.of("NONE"))));
        assertEquals(List.of(), check.apply(withDisabilities(born, null, null, "F", null, null, null, List.of("MOB"))));
        assertEquals(List.of(), check.apply(withDisabilities(born, null, null, "F", null, null, "MOB", null)),
                "the single code of older clients still works");
        assertEquals(List.of(), check.apply(withDisabilities(born, null, null, "F", null, null, "MOB", List.of("MOB"))));
        assertEquals(List.of("children[0].disabilities[1]:known-code"),
                check.apply(withDisabilities(born, null, null, "F", null, null, null, List.of("MOB", "XYZ"))));
        assertEquals(List.of("children[0].disabilities[1]:unique"),
                check.apply(withDisabilities(born, null, null, "F", null, null, null, List.of("MOB", "MOB"))), "rule 8794");
        assertEquals(List.of("children[0].disabilities:none-alone"),
                check.apply(withDisabilities(born, null, null, "F", null, null, null, List.of("NONE", "MOB"))), "rule 8790");
        assertEquals(List.of("children[0].disabilities:not-empty"),
                check.apply(withDisabilities(born, null, null, "F", null, null, null, List.of())));
        assertEquals(List.of("children[0].disability:in-disabilities"),
                check.apply(withDisabilities(born, null, null, "F", null, null, "NONE", List.of("MOB"))));
        assertEquals(List.of("children[0].disability:known-code"),
                check.apply(withDisabilities(born, null, null, "F", null, null, "XYZ", null)));
    }

    @Test
    void nhsNumberMustPassItsCheckDigit() {
        assertEquals(List.of("children[0].nhsNumber:nhs-number-check-digit"),
                fields(submission("6", List.of("3A"), GIVEN, child(LocalDate.of(2016, 4, 2), null, "9434765918"))));
    }

    @Test
    void theHouseholdIsNamedOrTheReasonItCannotBeIsGiven() {
        ContactSubmission.Child amira = child(LocalDate.of(2016, 4, 2), null, null);
        assertEquals(List.of("household:required-or-reason"),
                fields(submission("6", List.of("3A"), GIVEN, List.of(), null, false, null, amira)));
        assertEquals(List.of(), fields(submission("9", List.of("3A"), GIVEN, List.of(), "anonymous caller did not know", false, null, amira)));
        ContactSubmission.Person unbornFather = new ContactSubmission.Person("Imran", "Khan", TODAY.plusDays(3),
                ContactSubmission.Relationship.FATHER, true, true, null, null);
        assertEquals(List.of("household[0].dateOfBirth:not-in-future"),
                fields(submission("6", List.of("3A"), GIVEN, List.of(unbornFather), null, false, null, amira)));
    }

    @Test
    void aChildInImmediateDangerMeansThePoliceWereCalledFirst() {
        ContactSubmission.Child amira = child(LocalDate.of(2016, 4, 2), null, null);
        assertEquals(List.of("policeInformed:police-first"),
                fields(submission("2A", List.of("3A"), GIVEN, List.of(MOTHER), null, true, null, amira)));
        assertEquals(List.of(), fields(submission("2A", List.of("3A"), GIVEN, List.of(MOTHER), null, true, true, amira)));
    }

    @Test
    void partnersSubmitOnlineAndMashStaffRecordCallsAndEmails() {
        assertTrue(ContactAccess.checkChannel(Set.of("referrer"), null).isEmpty());
        assertTrue(ContactAccess.checkChannel(Set.of("referrer"), ContactSubmission.Channel.WEB).isEmpty());
        assertEquals("channel", ContactAccess.checkChannel(Set.of("referrer"), ContactSubmission.Channel.PHONE).orElseThrow().field());
        assertTrue(ContactAccess.checkChannel(Set.of("mash-practitioner"), ContactSubmission.Channel.PHONE).isEmpty());
        assertEquals("channel", ContactAccess.checkChannel(Set.of("mash-practitioner"), ContactSubmission.Channel.API).orElseThrow().field());
    }

    @Test
    void consentNotSoughtNeedsAReason() {
        ContactSubmission.Consent noReason = new ContactSubmission.Consent(ContactSubmission.ConsentStatus.NOT_SOUGHT, " ", null);
        ContactSubmission.Consent withReason = new ContactSubmission.Consent(ContactSubmission.ConsentStatus.NOT_SOUGHT,
                "would place the child at risk", null);
        assertEquals(List.of("consent.reason:required-when-not-sought"),
                fields(submission("6", List.of("3A"), noReason, child(LocalDate.of(2016, 4, 2), null, null))));
        assertTrue(fields(submission("6", List.of("3A"), withReason, child(LocalDate.of(2016, 4, 2), null, null))).isEmpty());
    }
}

package org.mash.contacts.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.mash.platform.codes.Upn;

/**
 * The rules a contact must meet beyond its shape: known codes, a child (born, under 18, or unborn with an expected
 * date at most nine months ahead and sex U), a valid NHS number, a valid UPN or a known reason it is unknown (as the
 * Children in Need census checks them), and a reason whenever consent was not sought. Pure: the code lists and
 * today's date are given.
 */
public final class ContactRules {

    /** The code lists a contact refers to, as predicates "is this a known code". */
    public record Codes(Predicate<String> source, Predicate<String> concern, Predicate<String> ethnicity,
                        Predicate<String> sex, Predicate<String> disability, Predicate<String> upnUnknown) {
    }

    /** How far ahead an expected date of birth may be (census rule 8530): a pregnancy is at most nine months. */
    static final int EXPECTED_BIRTH_MONTHS_AHEAD = 9;

    private final Codes codes;

    public ContactRules(Codes codes) {
        this.codes = codes;
    }

    public List<Violation> check(ContactSubmission submission, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (!codes.source().test(submission.sourceCode())) {
            violations.add(new Violation("sourceCode", "known-code",
                    "'" + submission.sourceCode() + "' is not a referral source code (see /api/v1/codes/referral-source)"));
        }
        List<String> concerns = submission.concernCodes();
        for (int i = 0; i < concerns.size(); i++) {
            if (!codes.concern().test(concerns.get(i))) {
                violations.add(new Violation("concernCodes[" + i + "]", "known-code",
                        "'" + concerns.get(i) + "' is not a concern factor code (see /api/v1/codes/concern-factor)"));
            }
        }
        for (int i = 0; i < submission.children().size(); i++) {
            checkChild("children[" + i + "]", submission.children().get(i), today, violations);
        }
        List<ContactSubmission.Person> household = submission.household() == null ? List.of() : submission.household();
        if (household.isEmpty() && isBlank(submission.householdNotKnownReason())) {
            violations.add(new Violation("household", "required-or-reason",
                    "name the parents or carers and the other people in the household (fathers and adult males too), "
                            + "or say in householdNotKnownReason why you cannot"));
        }
        for (int i = 0; i < household.size(); i++) {
            LocalDate born = household.get(i).dateOfBirth();
            if (born != null && born.isAfter(today)) {
                violations.add(new Violation("household[" + i + "].dateOfBirth", "not-in-future",
                        "the date of birth " + born + " is in the future"));
            }
        }
        if (Boolean.TRUE.equals(submission.immediateDanger()) && !Boolean.TRUE.equals(submission.policeInformed())) {
            violations.add(new Violation("policeInformed", "police-first",
                    "a child in immediate danger: call the police on 999 first, then send this contact with policeInformed true"));
        }
        ContactSubmission.Consent consent = submission.consent();
        if (consent.status() == ContactSubmission.ConsentStatus.NOT_SOUGHT && isBlank(consent.reason())) {
            violations.add(new Violation("consent.reason", "required-when-not-sought",
                    "say why consent was not sought (for example: seeking it would put the child at risk)"));
        }
        return violations;
    }

    private void checkChild(String path, ContactSubmission.Child child, LocalDate today, List<Violation> violations) {
        LocalDate born = child.dateOfBirth();
        LocalDate expected = child.expectedDateOfBirth();
        if (born == null && expected == null) {
            violations.add(new Violation(path + ".dateOfBirth", "required",
                    "give the date of birth, or the expected date of birth for an unborn child"));
        }
        if (born != null && expected != null) {
            violations.add(new Violation(path + ".expectedDateOfBirth", "exclusive",
                    "give either a date of birth or an expected date of birth, not both"));
        }
        if (born != null && born.isAfter(today)) {
            violations.add(new Violation(path + ".dateOfBirth", "not-in-future",
                    "the date of birth " + born + " is in the future; for an unborn child use expectedDateOfBirth"));
        }
        if (born != null && !born.isAfter(today) && Period.between(born, today).getYears() >= 18) {
            violations.add(new Violation(path + ".dateOfBirth", "under-18",
                    "the child is 18 or over: contacts about adults go to adult social care"));
        }
        if (expected != null && expected.isBefore(today)) {
            violations.add(new Violation(path + ".expectedDateOfBirth", "not-in-past",
                    "the expected date of birth " + expected + " has passed: give the date of birth"));
        }
        if (expected != null && expected.isAfter(today.plusMonths(EXPECTED_BIRTH_MONTHS_AHEAD))) {
            violations.add(new Violation(path + ".expectedDateOfBirth", "within-9-months",
                    "the expected date of birth " + expected + " is more than nine months away"));
        }
        if (born == null && expected != null && child.sex() != null && !"U".equals(child.sex())) {
            violations.add(new Violation(path + ".sex", "unborn-u",
                    "an unborn child's sex is U (unknown) until they are born (census rule 8750)"));
        }
        if (!codes.sex().test(child.sex())) {
            violations.add(new Violation(path + ".sex", "known-code", "'" + child.sex() + "' is not a sex code (M, F, U)"));
        }
        if (child.ethnicity() != null && !codes.ethnicity().test(child.ethnicity())) {
            violations.add(new Violation(path + ".ethnicity", "known-code",
                    "'" + child.ethnicity() + "' is not an ethnicity code (see /api/v1/codes/ethnicity)"));
        }
        disabilities(child, path, violations);
        if (child.upn() != null) {
            Upn.check(child.upn()).ifPresent(f -> violations.add(new Violation(path + ".upn", f.rule(), f.message())));
            if (child.upnUnknown() != null) {
                violations.add(new Violation(path + ".upnUnknown", "exclusive",
                        "give either the UPN or the reason it is not known, not both"));
            }
        }
        if (child.upnUnknown() != null && !codes.upnUnknown().test(child.upnUnknown())) {
            violations.add(new Violation(path + ".upnUnknown", "known-code",
                    "'" + child.upnUnknown() + "' is not a reason a UPN is unknown (UN1 to UN7, see /api/v1/codes/upn-unknown)"));
        }
        if (child.nhsNumber() != null && !NhsNumber.isValid(child.nhsNumber())) {
            violations.add(new Violation(path + ".nhsNumber", "nhs-number-check-digit",
                    "'" + child.nhsNumber() + "' is not a valid NHS number (10 digits with a modulus 11 check digit)"));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * A child's disabilities as the census checks them: known codes (8540), {@code NONE} never with another (8790),
     * no code twice (8794); the older single {@code disability}, if sent with the list, one of it.
     */
    private void disabilities(ContactSubmission.Child child, String path, List<Violation> violations) {
        if (child.disabilities() == null) {
            if (child.disability() != null && !codes.disability().test(child.disability())) {
                violations.add(new Violation(path + ".disability", "known-code",
                        "'" + child.disability() + "' is not a disability code (see /api/v1/codes/disability)"));
            }
            return;
        }
        List<String> list = child.disabilities();
        if (list.isEmpty()) {
            violations.add(new Violation(path + ".disabilities", "not-empty",
                    "give at least one disability code, NONE when the child has none (or leave the list out when not known)"));
        }
        for (int i = 0; i < list.size(); i++) {
            String code = list.get(i);
            if (!codes.disability().test(code)) {
                violations.add(new Violation(path + ".disabilities[" + i + "]", "known-code",
                        "'" + code + "' is not a disability code (see /api/v1/codes/disability)"));
            } else if (list.indexOf(code) < i) {
                violations.add(new Violation(path + ".disabilities[" + i + "]", "unique",
                        "'" + code + "' is given twice (census rule 8794)"));
            }
        }
        if (list.contains("NONE") && list.size() > 1) {
            violations.add(new Violation(path + ".disabilities", "none-alone",
                    "NONE means no disability: it cannot be given with another code (census rule 8790)"));
        }
        if (child.disability() != null && !list.contains(child.disability())) {
            violations.add(new Violation(path + ".disability", "in-disabilities",
                    "give the disabilities as the list only; '" + child.disability() + "' is not in it"));
        }
    }
}

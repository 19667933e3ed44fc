package org.mash.triage.domain.census;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the facts a MASH holds become a child of the Children in Need census (docs/returns.md, field by field). Plain
 * rules, no store: the service gathers the facts, this decides what the return says.
 */
public final class CensusMapping {

    /**
     * What one contact said about the child (contacts oldest first: a later contact's value wins). The name and
     * postcode are for the daily data flow only: the census carries neither.
     */
    public record ContactFacts(String upn, String upnUnknown, LocalDate birthDate, LocalDate expectedBirthDate,
                               String sex, String ethnicity, List<String> disabilities, String firstName, String surname,
                               String postcode) {

        public ContactFacts(String upn, String upnUnknown, LocalDate birthDate, LocalDate expectedBirthDate, String sex,
                            String ethnicity, List<String> disabilities) {
            this(upn, upnUnknown, birthDate, expectedBirthDate, sex, ethnicity, disabilities, null, null, null);
        }
    }

    /** A section 47 enquiry as the strategy-discussion service's events told it. */
    public record EnquiryFacts(String id, LocalDate startedOn, LocalDate icpcTarget, LocalDate icpcHeldOn,
                               Boolean icpcRequired, LocalDate concludedOn, boolean withdrawn) {

        public EnquiryFacts(LocalDate startedOn, LocalDate icpcTarget, LocalDate icpcHeldOn, Boolean icpcRequired,
                            boolean withdrawn) {
            this(null, startedOn, icpcTarget, icpcHeldOn, icpcRequired, null, withdrawn);
        }
    }

    /**
     * A contact the front door passed to social care: the date it was passed (authorised), its source, the primary
     * need, whether it went to a strategy discussion and what that decided for the child (the latest decision; null
     * until held), its enquiries, and what the case system's import gave (closure, assessments), if anything.
     */
    public record ReferralFacts(String id, LocalDate referralDate, String source, String primaryNeed,
                                boolean strategyDiscussion, String discussionOutcome, List<EnquiryFacts> enquiries,
                                LocalDate closureDate, String closureReason, List<CinCensus.Assessment> assessments) {

        public ReferralFacts(LocalDate referralDate, String source, String primaryNeed, boolean strategyDiscussion,
                             String discussionOutcome, List<EnquiryFacts> enquiries, LocalDate closureDate,
                             String closureReason, List<CinCensus.Assessment> assessments) {
            this(null, referralDate, source, primaryNeed, strategyDiscussion, discussionOutcome, enquiries, closureDate,
                    closureReason, assessments);
        }
    }

    /** A child's contacts (oldest first), referrals, and the death date the case system's import gave, if any. */
    public record ChildFacts(String laChildId, List<ContactFacts> contacts, List<ReferralFacts> referrals,
                             LocalDate deathDate) {
    }

    /** Ethnicity not yet obtained: what the census takes when no contact gave one (rule 4220). */
    public static final String NOT_OBTAINED = "NOBT";

    private CensusMapping() {
    }

    /**
     * The child as the census for {@code year} returns them, or empty when they had no referral in the year and none
     * open at its start (not closed before it, not NFA).
     */
    public static Optional<CinCensus.Child> child(ChildFacts facts, CensusYear year) {
        List<CinCensus.Referral> referrals = facts.referrals().stream()
                .sorted(Comparator.comparing(ReferralFacts::referralDate))
                .filter(r -> inReturn(r, year))
                .map(r -> referral(r, year))
                .toList();
        if (referrals.isEmpty()) {
            return Optional.empty();
        }
        Identity who = identity(facts.contacts());
        return Optional.of(new CinCensus.Child(facts.laChildId(), who.upn(), null, who.upnUnknown(), who.birthDate(),
                who.expectedBirthDate(), who.sex(), facts.deathDate(), who.ethnicity(), who.disabilities(), referrals));
    }

    /**
     * Who the child is, as the returns say it: each value the latest contact gave (a UPN or the reason it is unknown
     * from the latest contact that gave either, never both); once born, no expected date and the sex given, while
     * unborn {@code U}; {@value #NOT_OBTAINED} when no contact gave an ethnicity; no disabilities (empty) when none
     * gave a list.
     */
    public record Identity(String upn, String upnUnknown, LocalDate birthDate, LocalDate expectedBirthDate, String sex,
                           String ethnicity, List<String> disabilities, String firstName, String surname,
                           String postcode) {
    }

    public static Identity identity(List<ContactFacts> contacts) {
        ContactFacts upnGiven = latest(contacts, c -> c.upn() != null || c.upnUnknown() != null ? c : null);
        LocalDate born = latest(contacts, ContactFacts::birthDate);
        LocalDate expected = born == null ? latest(contacts, ContactFacts::expectedBirthDate) : null;
        String sex = born == null && expected != null ? "U" : latest(contacts, ContactFacts::sex);
        String ethnicity = latest(contacts, ContactFacts::ethnicity);
        List<String> disabilities = latest(contacts, ContactFacts::disabilities);
        return new Identity(upnGiven == null ? null : upnGiven.upn(),
                upnGiven == null || upnGiven.upn() != null ? null : upnGiven.upnUnknown(), born, expected, sex,
                ethnicity == null ? NOT_OBTAINED : ethnicity, disabilities == null ? List.of() : List.copyOf(disabilities),
                latest(contacts, ContactFacts::firstName), latest(contacts, ContactFacts::surname),
                latest(contacts, ContactFacts::postcode));
    }

    /**
     * {@code ReferralNFA}: true when the referral was accepted but nothing followed in social care: it went to a strategy
     * discussion that decided no further action (or action by another agency, {@code OTHER}) and no section 47 enquiry
     * stands. A referral to an assessment, or a discussion not decided yet or deciding an assessment or enquiry, is not.
     */
    public static boolean referralNfa(ReferralFacts r) {
        if (!r.strategyDiscussion() || r.enquiries().stream().anyMatch(e -> !e.withdrawn())) {
            return false;
        }
        return "NFA".equals(r.discussionOutcome()) || "OTHER".equals(r.discussionOutcome());
    }

    private static boolean inReturn(ReferralFacts r, CensusYear year) {
        if (r.referralDate().isAfter(year.referenceDate())) {
            return false;
        }
        if (!r.referralDate().isBefore(year.start())) {
            return true;
        }
        return !referralNfa(r) && (r.closureDate() == null || !r.closureDate().isBefore(year.start()));
    }

    private static CinCensus.Referral referral(ReferralFacts r, CensusYear year) {
        LocalDate end = year.referenceDate();
        List<CinCensus.Section47> s47 = new ArrayList<>();
        r.enquiries().stream().filter(e -> !e.withdrawn() && !e.startedOn().isAfter(end))
                .sorted(Comparator.comparing(EnquiryFacts::startedOn))
                .forEach(e -> {
                    LocalDate icpc = e.icpcHeldOn() != null && !e.icpcHeldOn().isAfter(end) ? e.icpcHeldOn() : null;
                    s47.add(new CinCensus.Section47(e.startedOn(), e.icpcTarget(), icpc,
                            icpc == null && Boolean.FALSE.equals(e.icpcRequired())));
                });
        boolean closedInReturn = r.closureDate() != null && !r.closureDate().isAfter(end);
        List<CinCensus.Assessment> assessments = r.assessments().stream()
                .filter(a -> !a.startDate().isAfter(end))
                .map(a -> a.authorisationDate() != null && a.authorisationDate().isAfter(end)
                        ? new CinCensus.Assessment(a.startDate(), null) : a)
                .sorted(Comparator.comparing(CinCensus.Assessment::startDate)).toList();
        return new CinCensus.Referral(r.referralDate(), r.source(), r.primaryNeed(),
                closedInReturn ? r.closureDate() : null, closedInReturn ? r.closureReason() : null, assessments,
                List.copyOf(s47), referralNfa(r));
    }

    /** The latest contact's value, or null when no contact gave one. */
    private static <T> T latest(List<ContactFacts> contacts, Function<ContactFacts, T> value) {
        for (int i = contacts.size() - 1; i >= 0; i--) {
            T v = value.apply(contacts.get(i));
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}

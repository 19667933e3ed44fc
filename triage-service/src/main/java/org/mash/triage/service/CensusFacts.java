package org.mash.triage.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mash.triage.domain.Outcome;
import org.mash.triage.domain.census.CensusMapping;
import org.mash.triage.domain.census.CinCensus;
import org.mash.triage.repository.CaseDiscussion;
import org.mash.triage.repository.CaseEnquiry;
import org.mash.triage.repository.CaseSystemAssessment;
import org.mash.triage.repository.CaseSystemEpisode;
import org.mash.triage.repository.TriageCase;

/**
 * Gathers what the census says of each child from the store: every contact of every child with a referral authorised
 * by the end of the year, the discussions and enquiries of those referrals. Three queries for the whole return; what
 * the facts mean for the return is {@link CensusMapping}'s.
 */
final class CensusFacts {

    /** The columns of a case the census reads (never the contact's free text). */
    @RegisterForReflection
    record CaseRow(UUID id, UUID childId, String childLocalId, OffsetDateTime receivedAt, OffsetDateTime authorisedAt,
                   Outcome decidedOutcome, String sourceCode, String proposedPrimaryNeed, String childUpn,
                   String childUpnUnknown, LocalDate childDateOfBirth, LocalDate childExpectedBirth, String childSex,
                   String childEthnicity, String childDisabilities, String childFirstName, String childLastName,
                   String childAddress) {
    }

    /** A child's facts, and the record's id (for the access log). */
    record Child(UUID childId, CensusMapping.ChildFacts facts) {
    }

    static final List<Outcome> REFERRALS = Arrays.stream(Outcome.values()).filter(Outcome::isReferral).toList();

    private CensusFacts() {
    }

    /** What the store holds of the referrals: their discussions, enquiries, and what the case system's import gave. */
    private record Referrals(List<CaseDiscussion> discussions, List<CaseEnquiry> enquiries, List<CaseSystemEpisode> episodes,
                             List<CaseSystemAssessment> assessments, Map<UUID, LocalDate> deaths) {
    }

    /** Every child with a referral authorised before {@code end} (the instant the year ends), in local id order. */
    static Uni<List<Child>> load(OffsetDateTime end, ZoneId zone) {
        String referralCases = "caseId in (select r.id from TriageCase r where r.decidedOutcome in ?1 and r.authorisedAt < ?2)";
        String referredChildren = "select r.childId from TriageCase r where r.decidedOutcome in ?1 and r.authorisedAt < ?2";
        return TriageCase.<TriageCase>find("childId in (" + referredChildren + ") and receivedAt < ?2 "
                        + "order by childLocalId, receivedAt, id", REFERRALS, end)
                .project(CaseRow.class).list()
                .chain(cases -> CaseDiscussion.<CaseDiscussion>list(referralCases, REFERRALS, end)
                        .chain(d -> CaseEnquiry.<CaseEnquiry>list(referralCases, REFERRALS, end)
                                .chain(e -> CaseSystemEpisode.<CaseSystemEpisode>list(referralCases, REFERRALS, end)
                                        .chain(ep -> CaseSystemAssessment.<CaseSystemAssessment>list(referralCases, REFERRALS, end)
                                                .chain(a -> org.mash.triage.repository.Child.<org.mash.triage.repository.Child>list(
                                                        "deathDate is not null and id in (" + referredChildren + ")", REFERRALS, end)
                                                        .map(dead -> new Referrals(d, e, ep, a, dead.stream().collect(
                                                                Collectors.toMap(c -> c.id, c -> c.deathDate))))))))
                        .map(referrals -> children(cases, referrals, end, zone)));
    }

    private static List<Child> children(List<CaseRow> cases, Referrals store, OffsetDateTime end, ZoneId zone) {
        Map<UUID, CaseDiscussion> latestDiscussion = store.discussions().stream().collect(Collectors.toMap(d -> d.caseId,
                d -> d, (a, b) -> held(a).isAfter(held(b)) ? a : b));
        Map<UUID, List<CaseEnquiry>> enquiriesOf = store.enquiries().stream().collect(Collectors.groupingBy(e -> e.caseId));
        Map<UUID, CaseSystemEpisode> episodes = store.episodes().stream().collect(Collectors.toMap(e -> e.caseId, e -> e));
        Map<UUID, List<CinCensus.Assessment>> assessments = store.assessments().stream().collect(Collectors.groupingBy(
                a -> a.caseId, Collectors.mapping(a -> new CinCensus.Assessment(a.startDate, a.authorisationDate),
                        Collectors.toList())));
        Map<UUID, List<CaseRow>> byChild = new LinkedHashMap<>();
        for (CaseRow c : cases) {
            byChild.computeIfAbsent(c.childId(), k -> new ArrayList<>()).add(c);
        }
        List<Child> children = new ArrayList<>();
        byChild.forEach((childId, rows) -> {
            List<CensusMapping.ContactFacts> contacts = rows.stream().map(CensusFacts::contact).toList();
            List<CensusMapping.ReferralFacts> referrals = rows.stream()
                    .filter(r -> r.decidedOutcome() != null && r.decidedOutcome().isReferral()
                            && r.authorisedAt() != null && r.authorisedAt().isBefore(end))
                    .map(r -> referral(r, latestDiscussion.get(r.id()), enquiriesOf.getOrDefault(r.id(), List.of()),
                            episodes.get(r.id()), assessments.getOrDefault(r.id(), List.of()), zone))
                    .toList();
            children.add(new Child(childId, new CensusMapping.ChildFacts(rows.get(0).childLocalId(), contacts, referrals,
                    store.deaths().get(childId))));
        });
        return children;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The postcode of the address the contact gave (kept as its JSON), or null. */
    private static String postcode(String addressJson) {
        if (addressJson == null) {
            return null;
        }
        try {
            return JSON.readTree(addressJson).path("postcode").asText(null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    private static OffsetDateTime held(CaseDiscussion d) {
        return d.heldAt != null ? d.heldAt : d.openedAt != null ? d.openedAt : OffsetDateTime.MIN;
    }

    private static CensusMapping.ContactFacts contact(CaseRow c) {
        List<String> disabilities = c.childDisabilities() == null ? null : List.of(c.childDisabilities().split(","));
        return new CensusMapping.ContactFacts(c.childUpn(), c.childUpnUnknown(), c.childDateOfBirth(),
                c.childExpectedBirth(), c.childSex(), c.childEthnicity(), disabilities, c.childFirstName(),
                c.childLastName(), postcode(c.childAddress()));
    }

    private static CensusMapping.ReferralFacts referral(CaseRow c, CaseDiscussion discussion, List<CaseEnquiry> enquiries,
                                                        CaseSystemEpisode episode, List<CinCensus.Assessment> assessments,
                                                        ZoneId zone) {
        List<CensusMapping.EnquiryFacts> s47 = enquiries.stream().sorted(Comparator.comparing(e -> e.startedOn))
                .map(e -> new CensusMapping.EnquiryFacts(e.enquiryId.toString(), e.startedOn, e.icpcTarget, e.icpcHeldOn,
                        e.icpcRequired, e.concludedOn, e.withdrawnAt != null))
                .toList();
        return new CensusMapping.ReferralFacts(c.id().toString(), c.authorisedAt().atZoneSameInstant(zone).toLocalDate(), c.sourceCode(),
                c.proposedPrimaryNeed(), c.decidedOutcome() == Outcome.STRATEGY_DISCUSSION,
                discussion == null ? null : discussion.outcome, s47, episode == null ? null : episode.closureDate,
                episode == null ? null : episode.closureReason, assessments);
    }
}

package org.mash.triage.domain.dataflow;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.mash.triage.domain.census.CensusMapping;
import org.mash.triage.domain.census.CensusYear;

/**
 * The department's daily per-child data (returns.md section 2) for the parts a MASH owns: a child's record as the
 * data flow sends it, who is in the cohort, and what to send given what was last sent (the full record the first
 * time; then the identifiers, the full child details and only the episodes and enquiries that changed, a removed one
 * marked {@code purge}; a child record that no longer exists purged whole). Records are ordered maps of JSON values
 * with empty values left out: the service writes them as JSON.
 */
public final class DataFlowRecords {

    private static final String EPISODES = "social_care_episodes";
    private static final String ENQUIRIES = "section_47_assessments";
    private static final String EPISODE_ID = "social_care_episode_id";
    private static final String ENQUIRY_ID = "section_47_assessment_id";

    private DataFlowRecords() {
    }

    /**
     * Whether the child is in the data flow's cohort on {@code today}: aged 25 or under, with activity (a referral,
     * a closure, an enquiry's start, end or conference) since the 1 April on or before the day 24 months back.
     */
    public static boolean inCohort(CensusMapping.ChildFacts facts, LocalDate today) {
        CensusMapping.Identity who = CensusMapping.identity(facts.contacts());
        if (who.birthDate() != null && Period.between(who.birthDate(), today).getYears() > 25) {
            return false;
        }
        LocalDate since = CensusYear.of(today.minusMonths(24)).start();
        return facts.referrals().stream().flatMap(r -> Stream.concat(Stream.of(r.referralDate(), r.closureDate()),
                        r.enquiries().stream().flatMap(e -> Stream.of(e.startedOn(), e.concludedOn(), e.icpcHeldOn()))))
                .filter(Objects::nonNull).anyMatch(d -> !d.isBefore(since));
    }

    /** The child's whole record. */
    public static Map<String, Object> full(CensusMapping.ChildFacts facts) {
        CensusMapping.Identity who = CensusMapping.identity(facts.contacts());
        Map<String, Object> details = new LinkedHashMap<>();
        put(details, "unique_pupil_number", who.upn());
        put(details, "unique_pupil_number_unknown_reason", who.upnUnknown());
        put(details, "first_name", who.firstName());
        put(details, "surname", who.surname());
        put(details, "date_of_birth", who.birthDate());
        put(details, "expected_date_of_birth", who.expectedBirthDate());
        put(details, "sex", who.sex());
        put(details, "ethnicity", who.ethnicity());
        if (!who.disabilities().isEmpty()) {
            details.put("disabilities", who.disabilities());
        }
        put(details, "postcode", who.postcode());
        details.put("purge", false);
        List<Object> episodes = new ArrayList<>();
        facts.referrals().stream().sorted(java.util.Comparator.comparing(CensusMapping.ReferralFacts::referralDate))
                .forEach(r -> episodes.add(episode(r)));
        Map<String, Object> record = identifiers(facts.laChildId(), false);
        record.put("child_details", details);
        if (!episodes.isEmpty()) {
            record.put(EPISODES, episodes);
        }
        return record;
    }

    /** A child whose record no longer exists (merged into another, or left without a referral): deleted. */
    public static Map<String, Object> purged(String laChildId) {
        return identifiers(laChildId, true);
    }

    /**
     * What to send for a child whose record was {@code previous} when last sent and is {@code current} now: the whole
     * record if never sent, nothing (null) if unchanged, else the identifiers, the full child details and the changed
     * episodes (each with its changed enquiries), a removed episode or enquiry as its id with {@code purge}.
     */
    public static Map<String, Object> update(Map<String, Object> previous, Map<String, Object> current) {
        if (previous == null) {
            return current;
        }
        if (previous.equals(current)) {
            return null;
        }
        Map<String, Object> out = identifiers((String) current.get("la_child_id"), false);
        out.put("child_details", current.get("child_details"));
        List<Object> episodes = changed(list(previous, EPISODES), list(current, EPISODES), EPISODE_ID, (before, now) -> {
            Map<String, Object> episode = new LinkedHashMap<>(now);
            episode.remove(ENQUIRIES);
            List<Object> enquiries = changed(list(before, ENQUIRIES), list(now, ENQUIRIES), ENQUIRY_ID, (b, n) -> n);
            if (!enquiries.isEmpty()) {
                episode.put(ENQUIRIES, enquiries);
            }
            return episode;
        });
        if (!episodes.isEmpty()) {
            out.put(EPISODES, episodes);
        }
        return out;
    }

    private static Map<String, Object> episode(CensusMapping.ReferralFacts r) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put(EPISODE_ID, r.id());
        put(e, "referral_date", r.referralDate());
        put(e, "referral_source", r.source());
        e.put("referral_no_further_action_flag", CensusMapping.referralNfa(r));
        put(e, "closure_date", r.closureDate());
        put(e, "closure_reason", r.closureDate() == null ? null : r.closureReason());
        e.put("purge", false);
        List<Object> enquiries = new ArrayList<>();
        r.enquiries().stream().filter(q -> !q.withdrawn())
                .sorted(java.util.Comparator.comparing(CensusMapping.EnquiryFacts::startedOn))
                .forEach(q -> enquiries.add(enquiry(q)));
        if (!enquiries.isEmpty()) {
            e.put(ENQUIRIES, enquiries);
        }
        return e;
    }

    private static Map<String, Object> enquiry(CensusMapping.EnquiryFacts q) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(ENQUIRY_ID, q.id());
        put(s, "start_date", q.startedOn());
        // the inverse of ICPCnotRequired, left out while undecided
        Boolean required = q.icpcHeldOn() != null ? Boolean.TRUE : q.icpcRequired();
        if (required != null) {
            s.put("icpc_required_flag", required);
        }
        put(s, "icpc_date", q.icpcHeldOn());
        put(s, "end_date", q.concludedOn());
        s.put("purge", false);
        return s;
    }

    /** Items of {@code now} new or changed since {@code before} (as {@code change} makes them), then removed ones purged. */
    private static List<Object> changed(List<Map<String, Object>> before, List<Map<String, Object>> now, String idKey,
                                        java.util.function.BinaryOperator<Map<String, Object>> change) {
        Map<Object, Map<String, Object>> earlier = new LinkedHashMap<>();
        before.forEach(item -> earlier.put(item.get(idKey), item));
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> item : now) {
            Map<String, Object> was = earlier.remove(item.get(idKey));
            if (was == null) {
                out.add(item);
            } else if (!was.equals(item)) {
                out.add(change.apply(was, item));
            }
        }
        earlier.keySet().forEach(id -> {
            Map<String, Object> gone = new LinkedHashMap<>();
            gone.put(idKey, id);
            gone.put("purge", true);
            out.add(gone);
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> record, String key) {
        Object value = record.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static Map<String, Object> identifiers(String laChildId, boolean purge) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("la_child_id", laChildId);
        record.put("mis_child_id", laChildId);
        record.put("purge", purge);
        return record;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value instanceof LocalDate date ? date.toString() : value);
        }
    }

    /** Splits records into the calls the receiver takes: at most {@code size} each. */
    public static <T> List<List<T>> batches(List<T> records, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i += size) {
            out.add(List.copyOf(records.subList(i, Math.min(records.size(), i + size))));
        }
        return out;
    }
}

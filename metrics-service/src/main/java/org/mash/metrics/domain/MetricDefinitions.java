package org.mash.metrics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.mash.platform.time.WorkingDays;

/**
 * Every figure of MASH.md 2.4, computed from {@link Facts}: what counts, in one place. Each figure states
 * its numerator, denominator and a one-line definition, published with it.
 *
 * <p>Which day a fact falls on: contacts by received time, decisions (and referrals) by authorisation time,
 * checks by response time, strategy discussions by the time held, section 47 enquiries by start date,
 * ICPCs by the day held; all on the London calendar ({@link Period}).
 */
public final class MetricDefinitions {

    public static final String CONTACTS = "contacts";
    public static final String CONTACTS_RATE = "contacts-rate";
    public static final String REFERRALS = "referrals";
    public static final String CONVERSION = "conversion";
    public static final String OUTCOMES = "outcomes";
    public static final String REPEAT_CONTACTS = "repeat-contacts";
    public static final String RE_REFERRALS = "re-referrals";
    public static final String DECISION_TIMELINESS = "decision-timeliness";
    public static final String DECISION_ONE_WORKING_DAY = "decision-one-working-day";
    public static final String DECISION_HOURS_MEDIAN = "decision-hours-median";
    public static final String DECISION_HOURS_P90 = "decision-hours-p90";
    public static final String BACKLOG = "backlog";
    public static final String BACKLOG_OVERDUE = "backlog-overdue";
    public static final String BACKLOG_OLDEST_HOURS = "backlog-oldest-hours";
    public static final String CHECKS = "checks";
    public static final String CHECKS_HOURS_MEDIAN = "checks-response-hours-median";
    public static final String CHECKS_OVERDUE = "checks-overdue";
    public static final String CONSENT = "consent";
    public static final String CONSENT_OVERRIDES = "consent-overrides-with-reason";
    public static final String FEEDBACK = "feedback";
    public static final String FEEDBACK_HOURS_MEDIAN = "feedback-hours-median";
    public static final String SD_TIMELINESS = "sd-timeliness";
    public static final String SD_ATTENDANCE = "sd-attendance";
    public static final String S47 = "s47";
    public static final String S47_RATE = "s47-rate";
    public static final String S47_ICPC = "s47-icpc";
    public static final String ICPCS = "icpcs";
    public static final String ICPC_TIMELINESS = "icpc-timeliness";

    public static final String CONTACTS_DEFINITION = "contacts received in the period (by received date)";
    public static final String CONTACTS_RATE_DEFINITION =
            "contacts received in the period per 10,000 children (the configured child population)";
    public static final String REFERRALS_DEFINITION =
            "contacts decided in the period whose outcome is a referral (CSC_ASSESSMENT or STRATEGY_DISCUSSION)";
    public static final String CONVERSION_DEFINITION =
            "contacts decided in the period whose outcome is a referral (CSC_ASSESSMENT or STRATEGY_DISCUSSION) / contacts decided in the period";
    public static final String OUTCOMES_DEFINITION = "contacts decided in the period (by authorisation date), any outcome";
    public static final String REPEAT_CONTACTS_DEFINITION =
            "contacts received in the period whose child had another contact received in the 365 days before / contacts received in the period";
    public static final String RE_REFERRALS_DEFINITION =
            "referrals in the period whose child had another referral in the 12 months before (same date a year earlier included) / referrals in the period";
    public static final String DECISION_TIMELINESS_DEFINITION =
            "contacts decided in the period by their RAG due time / contacts decided in the period";
    public static final String DECISION_ONE_WORKING_DAY_DEFINITION =
            "contacts decided in the period within one working day of receipt (England and Wales) / contacts decided in the period";
    public static final String DECISION_HOURS_MEDIAN_DEFINITION =
            "median hours from receipt to authorised decision, over the contacts decided in the period";
    public static final String DECISION_HOURS_P90_DEFINITION =
            "90th percentile (nearest rank) of hours from receipt to authorised decision, over the contacts decided in the period";
    public static final String BACKLOG_DEFINITION =
            "contacts received and not yet decided at the end of the period (or now, if sooner)";
    public static final String BACKLOG_OVERDUE_DEFINITION =
            "contacts undecided and past their RAG due time at the end of the period (or now, if sooner)";
    public static final String BACKLOG_OLDEST_HOURS_DEFINITION =
            "age in hours of the oldest undecided contact at the end of the period (or now, if sooner), over the open contacts";
    public static final String CHECKS_DEFINITION =
            "partner checks answered in the period by their due time / partner checks answered in the period";
    public static final String CHECKS_HOURS_MEDIAN_DEFINITION =
            "median hours from request to answer, over the partner checks answered in the period";
    public static final String CHECKS_OVERDUE_DEFINITION = "partner checks first found past their due time unanswered in the period";
    public static final String CONSENT_OVERRIDES_DEFINITION =
            "contacts decided in the period with consent overridden and the reason and manager's authorisation recorded / contacts decided in the period with consent overridden";
    public static final String FEEDBACK_DEFINITION =
            "contacts decided in the period whose referrer has been told the outcome / contacts decided in the period";
    public static final String FEEDBACK_HOURS_MEDIAN_DEFINITION =
            "median hours from authorised decision to the referrer being told, over the contacts decided in the period whose referrer was told";
    public static final String SD_TIMELINESS_DEFINITION =
            "strategy discussions (meetings: siblings discussed together count once) held in the period within their convening target / strategy discussions held in the period";
    public static final String SD_ATTENDANCE_DEFINITION =
            "strategy discussions (meetings: siblings discussed together count once) held in the period with social care, police and health all attending / strategy discussions held in the period";
    public static final String S47_DEFINITION = "section 47 enquiries started in the period (by start date)";
    public static final String S47_RATE_DEFINITION =
            "section 47 enquiries started in the period per 10,000 children (the configured child population)";
    public static final String S47_ICPC_DEFINITION =
            "section 47 enquiries started in the period that led to an initial child protection conference (held, or concluded as required) / section 47 enquiries started in the period";
    public static final String ICPCS_DEFINITION = "initial child protection conferences held in the period (by the day held)";
    public static final String ICPC_TIMELINESS_DEFINITION =
            "initial child protection conferences held in the period by their target (strategy discussion + 15 working days) / ICPCs held in the period";

    /** The outcomes of a triage decision (MASH.md 2.2), in the order published. */
    public static final List<String> DECISION_OUTCOMES = List.of("NFA", "INFORMATION_AND_ADVICE", "EARLY_HELP",
            "CSC_ASSESSMENT", "STRATEGY_DISCUSSION", "EXISTING_CASE", "OTHER_COUNCIL");
    /** The consent statuses of a decision; a decision that does not state one counts as NOT_RECORDED. */
    public static final List<String> CONSENT_STATUSES = List.of("NOT_RECORDED", "SOUGHT", "GIVEN", "REFUSED",
            "NOT_SOUGHT", "OVERRIDDEN");
    /** The agencies every strategy discussion needs (sd-attendance): social care, police and health. */
    public static final List<String> CORE_AGENCIES = List.of("social-care", "police", "health");
    /** How far before a period the facts must reach for repeat contacts and re-referrals. */
    public static final Duration LOOKBACK = Duration.ofDays(400);

    private MetricDefinitions() {
    }

    // ------------------------------------------------------------------------------------------------
    // The figures of a period
    // ------------------------------------------------------------------------------------------------

    /**
     * The headline figures of {@code period} as they stand at {@code now}. {@code facts} must hold every fact
     * of the period, and contacts from {@link #LOOKBACK} before it (for repeat contacts and re-referrals) and
     * those still open at its end (for the backlog). Rates per 10,000 only when {@code childPopulation} is given.
     */
    public static List<Figure> figures(Period period, Instant now, Facts facts, Long childPopulation, WorkingDays workingDays) {
        History history = History.of(facts.contacts());
        return compute(period, now, facts.contacts(), facts.checks(), facts.discussions(), facts.enquiries(), history,
                childPopulation, workingDays);
    }

    /**
     * The same figures for each group of {@code breakdown} (no rates per 10,000: the population is not known
     * per group), each tagged with the dimension and group. Groups with nothing in them are left out. Repeat
     * contacts and re-referrals look at the child's whole history, whichever group earlier contacts fell in.
     * By a personal characteristic, {@link DisclosureControl} applies.
     */
    public static List<Figure> breakdown(Breakdown breakdown, Period period, Instant now, Facts facts, WorkingDays workingDays) {
        History history = History.of(facts.contacts());
        Map<UUID, Facts.Contact> byId = new HashMap<>();
        facts.contacts().forEach(c -> byId.put(c.contactId(), c));
        Map<String, List<Facts.Contact>> contacts = group(facts.contacts(), breakdown::groupsOf);
        Map<String, List<Facts.Check>> checks = group(facts.checks(), k -> breakdown == Breakdown.AGENCY
                ? Set.of(k.agency() == null ? Breakdown.UNKNOWN_GROUP : k.agency())
                : breakdown.groupsOf(byId.get(k.contactId())));
        Map<String, List<Facts.Discussion>> discussions = group(facts.discussions(), d -> breakdown.groupsOf(byId.get(d.contactId())));
        Map<String, List<Facts.Enquiry>> enquiries = group(facts.enquiries(), e -> breakdown.groupsOf(byId.get(e.contactId())));
        Set<String> groups = new TreeSet<>();
        groups.addAll(contacts.keySet());
        groups.addAll(checks.keySet());
        groups.addAll(discussions.keySet());
        groups.addAll(enquiries.keySet());
        List<Figure> out = new ArrayList<>();
        for (String g : groups) {
            List<Figure> figures = compute(period, now, contacts.getOrDefault(g, List.of()), checks.getOrDefault(g, List.of()),
                    discussions.getOrDefault(g, List.of()), enquiries.getOrDefault(g, List.of()), history, null, workingDays);
            if (figures.stream().allMatch(f -> f.numerator() == 0 && (f.denominator() == null || f.denominator() == 0))) {
                continue;
            }
            for (Figure f : figures) {
                Figure tagged = f.inGroup(breakdown.parameter(), g);
                out.add(tagged);
            }
        }
        // ethnicity, sex and age band put each child in one group: small numbers are hidden, with every figure
        // built on them and whatever would give them back by differencing against the headline
        return breakdown.personal() ? DisclosureControl.control(out) : out;
    }

    private static List<Figure> compute(Period period, Instant now, List<Facts.Contact> contacts, List<Facts.Check> checks,
                                        List<Facts.Discussion> discussions, List<Facts.Enquiry> enquiries, History history,
                                        Long childPopulation, WorkingDays workingDays) {
        Instant start = period.start().toInstant();
        Instant end = period.endExclusive().toInstant();
        Predicate<Instant> in = t -> t != null && !t.isBefore(start) && t.isBefore(end);
        Predicate<LocalDate> onDay = d -> d != null && period.contains(d);
        List<Figure> out = new ArrayList<>();

        // contacts, referrals, conversion, outcomes
        List<Facts.Contact> received = contacts.stream().filter(c -> in.test(c.receivedAt())).toList();
        List<Facts.Contact> decided = contacts.stream().filter(c -> in.test(c.authorisedAt())).toList();
        List<Facts.Contact> referrals = decided.stream().filter(Facts.Contact::isReferral).toList();
        out.add(contacts(received.size()));
        if (childPopulation != null) {
            out.add(per10000(CONTACTS_RATE, received.size(), childPopulation, CONTACTS_RATE_DEFINITION));
        }
        out.add(referrals(referrals.size()));
        out.add(conversion(referrals.size(), decided.size()));
        out.add(count(OUTCOMES, decided.size(), OUTCOMES_DEFINITION));
        for (String outcome : DECISION_OUTCOMES) {
            out.add(ratio(OUTCOMES + "." + outcome, decided, c -> outcome.equals(c.outcome()),
                    "contacts decided in the period with outcome " + outcome + " / contacts decided in the period"));
        }

        // repeat contacts and re-referrals
        out.add(ratio(REPEAT_CONTACTS, received, history::repeatContact, REPEAT_CONTACTS_DEFINITION));
        out.add(ratio(RE_REFERRALS, referrals, history::reReferral, RE_REFERRALS_DEFINITION));

        // decision timeliness
        List<Facts.Contact> decidedWithDue = decided.stream().filter(c -> c.dueAt() != null).toList();
        out.add(ratio(DECISION_TIMELINESS, decidedWithDue, c -> !c.authorisedAt().isAfter(c.dueAt()), DECISION_TIMELINESS_DEFINITION));
        List<Facts.Contact> decidedWithReceipt = decided.stream().filter(c -> c.receivedAt() != null).toList();
        out.add(ratio(DECISION_ONE_WORKING_DAY, decidedWithReceipt,
                c -> !c.authorisedAt().isAfter(oneWorkingDayDue(c, workingDays)), DECISION_ONE_WORKING_DAY_DEFINITION));
        List<Double> decisionHours = decidedWithReceipt.stream().map(c -> hours(c.receivedAt(), c.authorisedAt())).toList();
        out.add(hoursFigure(DECISION_HOURS_MEDIAN, median(decisionHours), decisionHours.size(), DECISION_HOURS_MEDIAN_DEFINITION));
        out.add(hoursFigure(DECISION_HOURS_P90, percentile(decisionHours, 90), decisionHours.size(), DECISION_HOURS_P90_DEFINITION));

        // backlog, at the end of the period or now if sooner
        Instant asAt = now.isBefore(end) ? now : end;
        List<Facts.Contact> open = contacts.stream().filter(c -> openAt(c, asAt)).toList();
        out.add(count(BACKLOG, open.size(), BACKLOG_DEFINITION));
        out.add(count(BACKLOG_OVERDUE, open.stream().filter(c -> c.dueAt() != null && c.dueAt().isBefore(asAt)).count(),
                BACKLOG_OVERDUE_DEFINITION));
        out.add(hoursFigure(BACKLOG_OLDEST_HOURS, open.stream().map(c -> hours(c.receivedAt(), asAt))
                .max(Comparator.naturalOrder()).orElse(null), open.size(), BACKLOG_OLDEST_HOURS_DEFINITION));

        // partner checks
        List<Facts.Check> answered = checks.stream().filter(k -> in.test(k.respondedAt())).toList();
        out.add(ratio(CHECKS, answered, MetricDefinitions::answeredOnTime, CHECKS_DEFINITION));
        List<Double> checkHours = answered.stream().filter(k -> k.requestedAt() != null)
                .map(k -> hours(k.requestedAt(), k.respondedAt())).toList();
        out.add(hoursFigure(CHECKS_HOURS_MEDIAN, median(checkHours), checkHours.size(), CHECKS_HOURS_MEDIAN_DEFINITION));
        out.add(count(CHECKS_OVERDUE, checks.stream().filter(k -> in.test(k.overdueFlaggedAt())).count(), CHECKS_OVERDUE_DEFINITION));

        // consent
        for (String status : CONSENT_STATUSES) {
            out.add(ratio(CONSENT + "." + status, decided, c -> status.equals(consentStatus(c)),
                    "contacts decided in the period with consent " + status + " / contacts decided in the period"));
        }
        List<Facts.Contact> overridden = decided.stream().filter(c -> "OVERRIDDEN".equals(c.consentStatus())).toList();
        out.add(ratio(CONSENT_OVERRIDES, overridden, c -> Boolean.TRUE.equals(c.consentOverrideReasonRecorded()),
                CONSENT_OVERRIDES_DEFINITION));

        // referrer feedback
        out.add(ratio(FEEDBACK, decided, c -> c.informedAt() != null, FEEDBACK_DEFINITION));
        List<Double> feedbackHours = decided.stream().filter(c -> c.informedAt() != null)
                .map(c -> Math.max(0, hours(c.authorisedAt(), c.informedAt()))).toList();
        out.add(hoursFigure(FEEDBACK_HOURS_MEDIAN, median(feedbackHours), feedbackHours.size(), FEEDBACK_HOURS_MEDIAN_DEFINITION));

        // strategy discussions
        // per meeting: the records of siblings discussed together (one discussionId) count once
        List<Facts.Discussion> held = meetings(discussions.stream().filter(d -> in.test(d.heldAt())).toList());
        out.add(ratio(SD_TIMELINESS, held, d -> Boolean.TRUE.equals(d.withinTarget()), SD_TIMELINESS_DEFINITION));
        out.add(ratio(SD_ATTENDANCE, held, d -> coreAgenciesPresent(d.coreAgenciesPresent(), d.attendance()), SD_ATTENDANCE_DEFINITION));
        Set<String> agencies = new TreeSet<>(CORE_AGENCIES);
        held.forEach(d -> agencies.addAll(d.attendance().keySet()));
        for (String agency : agencies) {
            // a core agency is expected at every discussion; another only where it was invited
            List<Facts.Discussion> expected = CORE_AGENCIES.contains(agency) ? held
                    : held.stream().filter(d -> d.attendance().containsKey(agency)).toList();
            out.add(ratio(SD_ATTENDANCE + "." + agency, expected, d -> "ATTENDED".equals(d.attendance().get(agency)),
                    "strategy discussions held in the period that " + agency + " attended / those held in the period "
                            + (CORE_AGENCIES.contains(agency) ? "(a core agency: all of them)" : "to which " + agency + " was invited")));
        }

        // section 47 enquiries and ICPCs
        // a withdrawn enquiry (the decision superseded out of section 47) counts nowhere
        List<Facts.Enquiry> started = enquiries.stream().filter(e -> !e.withdrawn() && onDay.test(e.startedOn())).toList();
        out.add(s47(started.size()));
        if (childPopulation != null) {
            out.add(per10000(S47_RATE, started.size(), childPopulation, S47_RATE_DEFINITION));
        }
        out.add(ratio(S47_ICPC, started, MetricDefinitions::ledToIcpc, S47_ICPC_DEFINITION));
        List<Facts.Enquiry> icpcs = enquiries.stream().filter(e -> !e.withdrawn() && onDay.test(e.icpcHeldOn())).toList();
        out.add(count(ICPCS, icpcs.size(), ICPCS_DEFINITION));
        out.add(ratio(ICPC_TIMELINESS, icpcs, MetricDefinitions::icpcWithinTarget, ICPC_TIMELINESS_DEFINITION));
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // The rules of single facts
    // ------------------------------------------------------------------------------------------------

    /** Open (in the queue) at {@code asAt}: received before it and not decided before it. */
    public static boolean openAt(Facts.Contact c, Instant asAt) {
        return c.receivedAt() != null && c.receivedAt().isBefore(asAt)
                && (c.authorisedAt() == null || !c.authorisedAt().isBefore(asAt));
    }

    /** The one-working-day due time as triage stated it, or else by the same rule ({@link OneWorkingDay}). */
    public static Instant oneWorkingDayDue(Facts.Contact c, WorkingDays workingDays) {
        return c.oneWorkingDayDueAt() != null ? c.oneWorkingDayDueAt() : OneWorkingDay.due(c.receivedAt(), workingDays);
    }

    /** A check answered by its due time: as triage stated it, or else answered no later than due. */
    public static boolean answeredOnTime(Facts.Check k) {
        if (k.withinDue() != null) {
            return k.withinDue();
        }
        return k.dueAt() != null && !k.respondedAt().isAfter(k.dueAt());
    }

    public static String consentStatus(Facts.Contact c) {
        return c.consentStatus() == null ? "NOT_RECORDED" : c.consentStatus();
    }

    /**
     * The meetings among one child's discussion records each: siblings reported together share one discussion
     * (one {@code discussionId}) and each child has its own record, but the meeting counts once. It was within
     * its target, or had the core agencies present, only if every child's record says so (they normally agree:
     * one meeting, one due time, one attendance).
     */
    public static List<Facts.Discussion> meetings(List<Facts.Discussion> records) {
        Map<UUID, List<Facts.Discussion>> byMeeting = new TreeMap<>();
        records.forEach(d -> byMeeting.computeIfAbsent(d.discussionId(), k -> new ArrayList<>()).add(d));
        List<Facts.Discussion> out = new ArrayList<>();
        byMeeting.values().forEach(children -> {
            if (children.size() == 1) {
                out.add(children.get(0));
                return;
            }
            Facts.Discussion first = children.stream()
                    .min(Comparator.comparing((Facts.Discussion d) -> d.heldAt()).thenComparing(d -> String.valueOf(d.contactId())))
                    .orElseThrow();
            boolean withinTarget = children.stream().allMatch(d -> Boolean.TRUE.equals(d.withinTarget()));
            boolean corePresent = children.stream().allMatch(d -> coreAgenciesPresent(d.coreAgenciesPresent(), d.attendance()));
            out.add(new Facts.Discussion(first.discussionId(), first.contactId(), first.heldAt(), withinTarget, corePresent,
                    first.attendance(), first.outcome()));
        });
        return out;
    }

    /** An enquiry leads to an ICPC when the conference was held, or the enquiry concluded that one is required. */
    public static boolean ledToIcpc(Facts.Enquiry e) {
        return e.icpcHeldOn() != null || Boolean.TRUE.equals(e.icpcRequired());
    }

    /** Held by the target: as the event stated it, or else held on or before the target date. */
    public static boolean icpcWithinTarget(Facts.Enquiry e) {
        if (e.icpcWithinTarget() != null) {
            return e.icpcWithinTarget();
        }
        return e.icpcTargetDate() != null && !e.icpcHeldOn().isAfter(e.icpcTargetDate());
    }

    /**
     * Whether a held discussion had social care, police and health all present: as the event states it, or,
     * from an event that does not state it, whether all three attended.
     */
    public static boolean coreAgenciesPresent(Boolean stated, Map<String, String> attendance) {
        if (stated != null) {
            return stated;
        }
        return attendance != null && CORE_AGENCIES.stream().allMatch(a -> "ATTENDED".equals(attendance.get(a)));
    }

    /**
     * Repeat contact: the child's previous contact was received at most 365 days before, counted in London
     * calendar days (a previous contact 365 days earlier counts, 366 does not).
     */
    public static boolean withinRepeatWindow(Instant previous, Instant current) {
        LocalDate before = day(previous);
        return previous.isBefore(current) && !before.isBefore(day(current).minusDays(365));
    }

    /**
     * Re-referral (DfE): the child's previous referral was within the 12 months before, on the London calendar:
     * on or after the same date a year earlier. Exactly 12 months apart (2021-06-01 then 2022-06-01) counts; a
     * day more does not. A referral on 29 February looks back to 28 February; one on 28 February or
     * 1 March of the next year looks back to 28 February and 1 March, so a 29 February referral counts for the first only.
     */
    public static boolean withinReReferralWindow(Instant previous, Instant current) {
        return previous.isBefore(current) && !day(previous).isBefore(day(current).minusYears(1));
    }

    /** The contact history of each child (by childRef): which contacts are repeats and which referrals re-referrals. */
    public static final class History {
        private final Set<UUID> repeats;
        private final Set<UUID> reReferrals;

        private History(Set<UUID> repeats, Set<UUID> reReferrals) {
            this.repeats = repeats;
            this.reReferrals = reReferrals;
        }

        public static History of(List<Facts.Contact> contacts) {
            return new History(
                    flagged(contacts.stream().filter(c -> c.receivedAt() != null).toList(), Facts.Contact::receivedAt,
                            MetricDefinitions::withinRepeatWindow),
                    flagged(contacts.stream().filter(Facts.Contact::isReferral).toList(), Facts.Contact::authorisedAt,
                            MetricDefinitions::withinReReferralWindow));
        }

        public boolean repeatContact(Facts.Contact c) {
            return repeats.contains(c.contactId());
        }

        public boolean reReferral(Facts.Contact c) {
            return reReferrals.contains(c.contactId());
        }

        /** The contacts whose child's latest earlier one (by {@code time}) is within the window. */
        private static Set<UUID> flagged(List<Facts.Contact> contacts, Function<Facts.Contact, Instant> time,
                                         java.util.function.BiPredicate<Instant, Instant> within) {
            Map<String, List<Facts.Contact>> byChild = new HashMap<>();
            contacts.stream().filter(c -> c.childRef() != null)
                    .forEach(c -> byChild.computeIfAbsent(c.childRef(), k -> new ArrayList<>()).add(c));
            Set<UUID> out = new HashSet<>();
            for (List<Facts.Contact> list : byChild.values()) {
                list.sort(Comparator.comparing(time));
                Instant previous = null;
                for (Facts.Contact c : list) {
                    Instant t = time.apply(c);
                    if (previous != null && within.test(previous, t)) {
                        out.add(c.contactId());
                    }
                    if (previous == null || previous.isBefore(t)) {
                        previous = t;
                    }
                }
            }
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Figures from counts
    // ------------------------------------------------------------------------------------------------

    public static Figure contacts(long received) {
        return count(CONTACTS, received, CONTACTS_DEFINITION);
    }

    public static Figure referrals(long referrals) {
        return count(REFERRALS, referrals, REFERRALS_DEFINITION);
    }

    public static Figure conversion(long referrals, long decided) {
        return new Figure(CONVERSION, percent(referrals, decided), referrals, decided, Figure.PERCENT, CONVERSION_DEFINITION);
    }

    public static Figure s47(long started) {
        return count(S47, started, S47_DEFINITION);
    }

    /** 100 × numerator / denominator, rounded half-up to one decimal place; null when the denominator is 0. */
    public static Double percent(long numerator, long denominator) {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + numerator + "/" + denominator);
        }
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP).doubleValue();
    }

    /** 10,000 × count / population to 1 dp (half up); null without a population. */
    public static Figure per10000(String id, long count, long population, String definition) {
        if (population <= 0) {
            throw new IllegalArgumentException("the child population must be positive: " + population);
        }
        Double value = BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(population), 1, RoundingMode.HALF_UP).doubleValue();
        return new Figure(id, value, count, population, Figure.PER_10000, definition);
    }

    /** The median: the middle value, or the mean of the two middle values; null for none. */
    public static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The {@code p}th percentile by nearest rank: the smallest value with at least p% of values at or below it. */
    public static Double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static <T> Figure ratio(String id, List<T> denominator, Predicate<T> counts, String definition) {
        long n = denominator.stream().filter(counts).count();
        return new Figure(id, percent(n, denominator.size()), n, (long) denominator.size(), Figure.PERCENT, definition);
    }

    private static Figure hoursFigure(String id, Double hours, long observations, String definition) {
        return new Figure(id, hours == null ? null : round1(hours), observations, null, Figure.HOURS, definition);
    }

    private static Figure count(String id, long n, String definition) {
        if (n < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + n);
        }
        return new Figure(id, (double) n, n, null, Figure.COUNT, definition);
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 3_600_000.0;
    }

    private static double round1(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static LocalDate day(Instant t) {
        return t.atZone(Period.ZONE).toLocalDate();
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, Set<String>> groupsOf) {
        Map<String, List<T>> out = new TreeMap<>();
        for (T item : items) {
            for (String g : groupsOf.apply(item)) {
                out.computeIfAbsent(g, k -> new ArrayList<>()).add(item);
            }
        }
        return out;
    }
}

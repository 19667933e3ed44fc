package org.mash.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mash.metrics.domain.FactsFixture.child;
import static org.mash.metrics.domain.FactsFixture.decided;
import static org.mash.metrics.domain.FactsFixture.london;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mash.platform.time.WorkingDays;

/**
 * An attacker with the headline figures and a breakdown by a personal characteristic tries to recover a
 * withheld number: by differencing every figure of the breakdown against the headline total, using every figure
 * that shows the same quantity (the contacts received are also the denominator of repeat-contacts; the contacts
 * decided the denominator of conversion, outcomes.*, consent.*, feedback ...), and the categories that add up to
 * a quantity (outcomes.* and consent.* to the contacts decided). Nothing withheld comes back.
 */
class DisclosureDifferencingTests {

    static final WorkingDays WORKING_DAYS = WorkingDays.englandAndWales();
    static final Period MARCH_2024 = Period.month(YearMonth.of(2024, 3));
    static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");
    static final List<String> OUTCOMES = MetricDefinitions.DECISION_OUTCOMES;
    static final List<String> CONSENT = List.of("GIVEN", "REFUSED", "NOT_SOUGHT", "OVERRIDDEN");

    /** 3 children are F (a small group), 6 are M and 9 U; each decided, some with checks, discussions, enquiries. */
    static Facts facts() {
        FactsFixture f = new FactsFixture();
        int n = 0;
        for (Map.Entry<String, Integer> group : Map.of("F", 3, "M", 6, "U", 9).entrySet()) {
            for (int i = 0; i < group.getValue(); i++, n++) {
                Facts.Contact c = decided(child(n), "2024-03-04T09:00", "2024-03-04T1" + (i % 8) + ":00", OUTCOMES.get(n % OUTCOMES.size()));
                c = new Facts.Contact(c.contactId(), c.childRef(), c.receivedAt(), c.sourceCode(), c.concernCodes(), c.rag(),
                        c.ageBand(), group.getKey(), c.ethnicity(), c.agency(), c.dueAt(), c.oneWorkingDayDueAt(),
                        c.authorisedAt(), c.outcome(), c.referral(), CONSENT.get(n % CONSENT.size()), n % 2 == 0,
                        n % 3 == 0 ? null : london("2024-03-05T09:00"));
                f.add(c);
                if (i % 2 == 0) {
                    // a repeat contact of the same child, received earlier
                    f.add(decided(c.childRef(), "2024-01-10T09:00", "2024-01-10T12:00", "NFA"));
                    f.contacts.set(f.contacts.size() - 1, withSex(f.contacts.get(f.contacts.size() - 1), group.getKey()));
                }
                f.check(c.contactId(), "police", "2024-03-04T10:00", "2024-03-05T10:00", i % 3 == 0 ? "2024-03-06T10:00" : "2024-03-04T15:00");
                if (i < 5) {
                    f.discussion(c.contactId(), "2024-03-06T10:00", i % 2 == 0,
                            Map.of("social-care", "ATTENDED", "police", "ATTENDED", "health", i == 1 ? "DECLINED" : "ATTENDED"));
                    f.enquiry(c.contactId(), LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 28),
                            i % 2 == 0 ? LocalDate.of(2024, 3, 20) : null);
                }
            }
        }
        return f.facts();
    }

    static Facts.Contact withSex(Facts.Contact c, String sex) {
        return new Facts.Contact(c.contactId(), c.childRef(), c.receivedAt(), c.sourceCode(), c.concernCodes(), c.rag(),
                c.ageBand(), sex, c.ethnicity(), c.agency(), c.dueAt(), c.oneWorkingDayDueAt(), c.authorisedAt(), c.outcome(),
                c.referral(), c.consentStatus(), c.consentOverrideReasonRecorded(), c.informedAt());
    }

    /** What the attacker knows is one quantity, whichever figure shows it. */
    static String quantity(Figure f, boolean numerator) {
        String id = f.id();
        if (numerator) {
            return switch (id) {
                case "contacts" -> "received";
                case "outcomes", "decision-hours-median", "decision-hours-p90" -> "decided";
                case "referrals", "conversion" -> "referrals";
                case "s47" -> "s47-started";
                case "feedback-hours-median" -> "feedback.n";
                case "backlog-oldest-hours" -> "backlog.n";
                case "checks-response-hours-median" -> "checks.d";
                case "consent.OVERRIDDEN" -> "consent-overrides-with-reason.d";
                default -> id + ".n";
            };
        }
        if (id.startsWith("outcomes.") || id.startsWith("consent.")) {
            return "decided";
        }
        return switch (id) {
            case "repeat-contacts" -> "received";
            case "conversion", "feedback", "decision-timeliness", "decision-one-working-day" -> "decided";
            case "re-referrals" -> "referrals";
            case "sd-timeliness", "sd-attendance", "sd-attendance.social-care", "sd-attendance.police", "sd-attendance.health" -> "held";
            case "s47-icpc" -> "s47-started";
            case "icpc-timeliness" -> "icpcs.n";
            default -> id + ".d";
        };
    }

    /** The quantities each group shows, by any figure. */
    static Map<String, Map<String, Long>> shown(List<Figure> figures) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (Figure f : figures) {
            String g = f.group() == null ? "(headline)" : f.group();
            Map<String, Long> known = out.computeIfAbsent(g, k -> new HashMap<>());
            if (f.numerator() != null) {
                known.put(quantity(f, true), f.numerator());
            }
            if (f.denominator() != null && !Figure.PER_10000.equals(f.unit())) {
                known.put(quantity(f, false), f.denominator());
            }
        }
        return out;
    }

    /** Every non-zero quantity the attacker works out that the breakdown did not show. */
    static List<String> attack(List<Figure> headline, List<Figure> breakdown) {
        Map<String, Long> total = shown(headline).get("(headline)");
        Map<String, Map<String, Long>> shown = shown(breakdown);
        Map<String, Map<String, Long>> known = new TreeMap<>();
        shown.forEach((g, q) -> known.put(g, new HashMap<>(q)));
        Set<String> quantities = new java.util.TreeSet<>(total.keySet());
        shown.values().forEach(q -> quantities.addAll(q.keySet()));
        boolean changed = true;
        while (changed) {
            changed = false;
            // the headline total less every other group
            for (String q : quantities) {
                List<String> unknown = known.keySet().stream().filter(g -> !known.get(g).containsKey(q)).toList();
                if (unknown.size() == 1 && total.containsKey(q)) {
                    long rest = known.values().stream().mapToLong(v -> v.getOrDefault(q, 0L)).sum();
                    known.get(unknown.get(0)).put(q, total.get(q) - rest);
                    changed = true;
                }
            }
            // categories adding up to a quantity, within a group
            for (Map<String, Long> k : known.values()) {
                for (List<String> family : List.of(
                        OUTCOMES.stream().map(o -> "outcomes." + o + ".n").toList(),
                        MetricDefinitions.CONSENT_STATUSES.stream().map(s -> s.equals("OVERRIDDEN")
                                ? "consent-overrides-with-reason.d" : "consent." + s + ".n").toList())) {
                    List<String> unknown = family.stream().filter(m -> !k.containsKey(m)).toList();
                    long sum = family.stream().mapToLong(m -> k.getOrDefault(m, 0L)).sum();
                    if (unknown.size() == 1 && k.containsKey("decided")) {
                        k.put(unknown.get(0), k.get("decided") - sum);
                        changed = true;
                    } else if (unknown.isEmpty() && !k.containsKey("decided")) {
                        k.put("decided", sum);
                        changed = true;
                    }
                }
                List<String> referrals = List.of("outcomes.CSC_ASSESSMENT.n", "outcomes.STRATEGY_DISCUSSION.n");
                List<String> unknown = referrals.stream().filter(m -> !k.containsKey(m)).toList();
                if (unknown.size() == 1 && k.containsKey("referrals")) {
                    k.put(unknown.get(0), k.get("referrals") - referrals.stream().mapToLong(m -> k.getOrDefault(m, 0L)).sum());
                    changed = true;
                } else if (unknown.isEmpty() && !k.containsKey("referrals")) {
                    k.put("referrals", referrals.stream().mapToLong(k::get).sum());
                    changed = true;
                }
            }
        }
        List<String> recovered = new ArrayList<>();
        known.forEach((g, k) -> k.forEach((q, v) -> {
            if (!shown.get(g).containsKey(q) && v != 0) {
                recovered.add(g + " " + q + " = " + v);
            }
        }));
        return recovered;
    }

    @Test
    void noWithheldNumberComesBackByDifferencingEveryFigureAgainstTheHeadline() {
        Facts facts = facts();
        List<Figure> headline = MetricDefinitions.figures(MARCH_2024, LATER, facts, null, WORKING_DAYS);
        List<Figure> bySex = MetricDefinitions.breakdown(Breakdown.SEX, MARCH_2024, LATER, facts, WORKING_DAYS);
        // the small group is there, and withheld
        Figure contactsF = bySex.stream().filter(f -> f.id().equals("contacts") && "F".equals(f.group())).findFirst().orElseThrow();
        assertEquals("<5", contactsF.display());
        assertEquals(18, headline.stream().filter(f -> f.id().equals("contacts")).findFirst().orElseThrow().numerator(),
                "18 children, half of them with an earlier contact in January (not in March)");
        assertEquals(List.of(), attack(headline, bySex), "withheld numbers worked out from the published ones");
    }

    @Test
    void theAttackWorksOnNumbersLeftShown() {
        // the attacker is not toothless: with the count secondarily withheld for M still shown as the denominator
        // of M's repeat-contacts (the reviewer's case), it gets F's hidden count back: 18 - 6 - 9
        Figure contactsF = new Figure("contacts", null, null, null, Figure.COUNT, "d", "sex", "F", "<5");
        Figure repeatF = new Figure("repeat-contacts", null, null, null, Figure.PERCENT, "d", "sex", "F", "withheld");
        Figure contactsM = new Figure("contacts", null, null, null, Figure.COUNT, "d", "sex", "M", "withheld");
        Figure repeatM = new Figure("repeat-contacts", 50.0, 3L, 6L, Figure.PERCENT, "d", "sex", "M", null);
        Figure contactsU = new Figure("contacts", 9.0, 9L, null, Figure.COUNT, "d", "sex", "U", null);
        List<Figure> headline = List.of(new Figure("contacts", 18.0, 18, null, Figure.COUNT, "d"));
        List<String> recovered = attack(headline, List.of(contactsF, repeatF, contactsM, repeatM, contactsU));
        assertTrue(recovered.contains("F received = 3"), recovered.toString());
        assertNull(contactsF.numerator());
    }

    /** March 2024: 3 boys a day, and girls on a few days only (1 to 3 on a day), all decided the day they came. */
    static Facts scatteredGirls() {
        FactsFixture f = new FactsFixture();
        int n = 0;
        for (int day = 1; day <= 31; day++) {
            int girls = day % 5 == 0 ? 1 : day % 7 == 0 ? 2 : day % 11 == 0 ? 3 : 0;
            for (int i = 0; i < 3 + girls; i++, n++) {
                String at = String.format("2024-03-%02dT09:00", day);
                Facts.Contact c = decided(child(n), at, at.replace("T09", "T12"), OUTCOMES.get(n % OUTCOMES.size()));
                f.add(withSex(c, i < girls ? "F" : "M"));
            }
        }
        return f.facts();
    }

    /**
     * What a figure tells of one of its true numbers: exactly 0; 1 to 4 ({@code <5}); within 2 of a rounded one; or
     * nothing (withheld); null when the figure has no such number.
     */
    static long[] interval(Figure f, boolean numerator) {
        Long shown = numerator ? f.numerator() : f.denominator();
        if (shown == null) {
            if (numerator && "<5".equals(f.display())) {
                return new long[] {1, 4};
            }
            boolean hasIt = numerator || Figure.PERCENT.equals(f.unit());
            return f.display() != null && hasIt ? new long[] {0, Long.MAX_VALUE / 4} : null;
        }
        if (shown == 0) {
            return new long[] {0, 0};
        }
        return new long[] {Math.max(5, shown - 2), shown + 2};
    }

    @Test
    void noCountFrom1To4ComesBackByDifferencingAnyTwoPeriods() {
        Facts facts = scatteredGirls();
        LocalDate first = LocalDate.of(2024, 3, 1);
        // every period of whole days in March, and what each shows of every number of the breakdown by sex
        Map<String, Map<String, long[]>> known = new HashMap<>();
        Map<String, Long> trueGirls = new HashMap<>();
        for (int a = 0; a < 31; a++) {
            for (int b = a; b < 31; b++) {
                Period period = Period.custom(first.plusDays(a), first.plusDays(b));
                Map<String, long[]> numbers = new HashMap<>();
                for (Figure f : MetricDefinitions.breakdown(Breakdown.SEX, period, LATER, facts, WORKING_DAYS)) {
                    if (f.display() == null && f.numerator() != null) {
                        assertEquals(0, f.numerator() % 5, "every number shown is rounded: " + f);
                        assertTrue(f.denominator() == null || f.denominator() % 5 == 0, "every number shown is rounded: " + f);
                        if (Figure.PERCENT.equals(f.unit()) && f.denominator() != null) {
                            assertEquals(MetricDefinitions.percent(f.numerator(), f.denominator()), f.value(),
                                    "a percentage tells no more than its rounded numbers: " + f);
                        }
                        if (Figure.COUNT.equals(f.unit())) {
                            assertEquals(f.numerator().doubleValue(), f.value(), "a count is its rounded number: " + f);
                        }
                    }
                    for (boolean numerator : new boolean[] {true, false}) {
                        long[] range = interval(f, numerator);
                        if (range != null) {
                            numbers.put(f.group() + " " + f.id() + (numerator ? ".n" : ".d"), range);
                        }
                    }
                }
                known.put(a + ".." + b, numbers);
                trueGirls.put(a + ".." + b, facts.contacts().stream().filter(c -> "F".equals(c.sex()) && inRange(c, period)).count());
            }
        }
        int pairs = 0;
        int exposedBeforeRounding = 0;
        for (int a = 0; a < 31; a++) {
            for (int b = a; b < 31; b++) {
                for (int c = a; c <= b; c++) {
                    for (int d = c; d <= b; d++) {
                        if (c == a && d == b) {
                            continue;
                        }
                        // the outer period less the inner: the days between
                        Map<String, long[]> outer = known.get(a + ".." + b);
                        Map<String, long[]> inner = known.get(c + ".." + d);
                        for (Map.Entry<String, long[]> number : outer.entrySet()) {
                            long[] in = inner.getOrDefault(number.getKey(), new long[] {0, 0});
                            long low = Math.max(0, number.getValue()[0] - in[1]);
                            long high = number.getValue()[1] - in[0];
                            assertTrue(!(low == high && low >= 1 && low <= 4), "periods " + a + ".." + b + " less " + c + ".." + d
                                    + " pin " + number.getKey() + " to " + low);
                        }
                        long girlsOuter = trueGirls.get(a + ".." + b);
                        long girlsInner = trueGirls.get(c + ".." + d);
                        long[] shownOuter = outer.get("F contacts.n");
                        long[] shownInner = inner.getOrDefault("F contacts.n", new long[] {0, 0});
                        if (shownOuter != null) {
                            assertTrue(shownOuter[0] - shownInner[1] <= girlsOuter - girlsInner
                                    && girlsOuter - girlsInner <= shownOuter[1] - shownInner[0], "the attacker reasons rightly");
                        }
                        if (girlsOuter >= 5 && girlsInner >= 5 && girlsOuter - girlsInner <= 4 && girlsOuter > girlsInner) {
                            exposedBeforeRounding++; // both shown exactly before the rule: their difference was a count of 1 to 4
                        }
                        pairs++;
                    }
                }
            }
        }
        assertEquals(45_880, pairs, "every nested pair of periods in the month");
        assertTrue(exposedBeforeRounding > 1000, "the attack had something to find: " + exposedBeforeRounding);
    }

    static boolean inRange(Facts.Contact c, Period period) {
        LocalDate day = c.receivedAt().atZone(Period.ZONE).toLocalDate();
        return !day.isBefore(period.from()) && !day.isAfter(period.to());
    }
}

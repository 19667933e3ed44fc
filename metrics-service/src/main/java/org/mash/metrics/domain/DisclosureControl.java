package org.mash.metrics.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statistical disclosure control for figures broken down by a personal characteristic (ethnicity, sex,
 * age band), as usual for published children's data. It works on the <em>quantities</em> the figures are built
 * from, not figure by figure: one quantity (a base) appears in several figures of a group, e.g. the contacts
 * received are the {@code contacts} count and the denominator of {@code repeat-contacts}; the contacts decided are
 * the {@code outcomes} count and the denominator of {@code conversion}, {@code outcomes.*}, {@code consent.*} and
 * {@code feedback}; the discussions held the denominator of every {@code sd-*} ratio; and so on
 * ({@link #numeratorBase}, {@link #denominatorBase}). A quantity of a group is hidden:
 * <ol>
 *   <li>(primary) when it is from 1 to 4;</li>
 *   <li>(secondary, across groups) when exactly one group's value of that quantity is hidden: the smallest other
 *       group's value (non-zero if there is one) is hidden too, so the headline total less the other groups does
 *       not give it back;</li>
 *   <li>(within a group) when a base is hidden, every figure of the group built on it is hidden whole (its
 *       numerator too); and where categories add up to a shown base ({@code outcomes.*} and {@code consent.*} to
 *       the contacts decided, {@code outcomes.CSC_ASSESSMENT} and {@code .STRATEGY_DISCUSSION} to the referrals)
 *       and exactly one is hidden, the smallest other is hidden too; quantities normally equal (the contacts decided
 *       and those of them with a receipt or due time) are hidden together;</li>
 * </ol>
 * repeated until nothing more is hidden. A figure shows no number that is hidden: a count is shown as {@code <5}
 * (from 1 to 4) or {@code withheld}; a percent or rate with a hidden numerator or denominator has no value and is
 * {@code withheld}, keeping only the number that is not hidden; hours over a hidden number of observations are
 * {@code withheld} (they describe individual children).
 *
 * <p><b>Across periods</b> the rules above cannot hold on their own: the same breakdown for two overlapping periods
 * (a month and the month less its first day; the year to date today and yesterday) differenced would give back a
 * count of 1 to 4 for the days between. So every number a breakdown by a personal characteristic shows is
 * <em>rounded to the nearest 5</em> ({@link #rounded}: 0 stays 0, 8 to 12 show as 10), and its percentages are
 * worked out from the rounded numbers. A published count then only says the true one lies within 2 of it, so the
 * difference of any two is only known within 4 either way: it can never be pinned to a count from 1 to 4 (nor to
 * 0), whatever periods are asked for ({@code DisclosureDifferencingTests}). The headline figures, and breakdowns by
 * source, concern, RAG or agency, are not about a child's characteristics and stay exact.
 */
public final class DisclosureControl {

    public static final String SMALL_COUNT = "<5";
    public static final String WITHHELD = "withheld";

    /** Categories that add up to a quantity: the outcomes and the consent statuses (to the contacts decided). */
    static final List<java.util.function.Predicate<String>> FAMILIES = List.of(
            base -> base.startsWith(MetricDefinitions.OUTCOMES + "."),
            base -> base.startsWith(MetricDefinitions.CONSENT + "."),
            // the referrals: CSC_ASSESSMENT and STRATEGY_DISCUSSION
            Set.of(MetricDefinitions.OUTCOMES + ".CSC_ASSESSMENT", MetricDefinitions.OUTCOMES + ".STRATEGY_DISCUSSION")::contains);
    /**
     * Quantities that are normally equal (every decided contact has a receipt time and a due time; every answered
     * check a request time): one hidden and another shown would give it away, so they are hidden together.
     */
    static final List<Set<String>> ALIKE = List.of(Set.of("decided", "decided-with-receipt", "decided-with-due"),
            Set.of("checks-answered", MetricDefinitions.CHECKS_HOURS_MEDIAN));

    private DisclosureControl() {
    }

    /** Whether a count would identify: 1 to 4. */
    public static boolean small(Long n) {
        return n != null && n >= 1 && n <= 4;
    }

    /** Primary suppression of one figure on its own (small numbers only). */
    public static Figure apply(Figure figure) {
        return show(figure, small(figure.numerator()), small(figure.denominator()));
    }

    public static List<Figure> apply(List<Figure> figures) {
        return figures.stream().map(DisclosureControl::apply).toList();
    }

    /**
     * Disclosure control of a whole breakdown whose groups do not overlap: {@code figures} as computed (numbers
     * not yet hidden), each tagged with its group. Returns them in the same order with the hidden numbers removed.
     */
    public static List<Figure> control(List<Figure> figures) {
        // the value of each quantity in each group
        Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
        for (Figure f : figures) {
            Map<String, Long> group = cells.computeIfAbsent(f.group(), k -> new LinkedHashMap<>());
            if (f.numerator() != null) {
                group.merge(numeratorBase(f.id()), f.numerator(), Math::max);
            }
            if (f.denominator() != null && !Figure.PER_10000.equals(f.unit())) {
                group.merge(denominatorBase(f.id()), f.denominator(), Math::max);
            }
        }
        Map<String, Set<String>> hidden = new HashMap<>();
        cells.forEach((g, values) -> {
            Set<String> h = new HashSet<>();
            values.forEach((base, n) -> {
                if (small(n)) {
                    h.add(base);
                }
            });
            hidden.put(g, h);
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            // a hidden base takes every figure built on it, whole
            for (Figure f : figures) {
                Set<String> h = hidden.get(f.group());
                if (f.numerator() != null && f.denominator() != null && h.contains(denominatorBase(f.id()))) {
                    changed |= h.add(numeratorBase(f.id()));
                }
            }
            // quantities normally equal go together
            for (Map.Entry<String, Map<String, Long>> group : cells.entrySet()) {
                Set<String> h = hidden.get(group.getKey());
                for (Set<String> alike : ALIKE) {
                    if (alike.stream().anyMatch(h::contains)) {
                        for (String base : alike) {
                            if (group.getValue().containsKey(base)) {
                                changed |= h.add(base);
                            }
                        }
                    }
                }
            }
            // across groups: a lone hidden value would be the total less the others
            Set<String> bases = new HashSet<>();
            cells.values().forEach(v -> bases.addAll(v.keySet()));
            for (String base : bases) {
                List<String> groups = cells.keySet().stream().filter(g -> cells.get(g).containsKey(base)).toList();
                List<String> hiddenGroups = groups.stream().filter(g -> hidden.get(g).contains(base)).toList();
                if (hiddenGroups.size() == 1 && cells.get(hiddenGroups.get(0)).get(base) > 0) {
                    changed |= hideSmallest(groups.stream().filter(g -> !hidden.get(g).contains(base))
                            .map(g -> Map.entry(g, cells.get(g).get(base))).toList())
                            .map(g -> hidden.get(g).add(base)).orElse(false);
                }
            }
            // within a group: a lone hidden category would be the base less the others
            for (Map.Entry<String, Map<String, Long>> group : cells.entrySet()) {
                Set<String> h = hidden.get(group.getKey());
                for (java.util.function.Predicate<String> family : FAMILIES) {
                    List<Map.Entry<String, Long>> members = group.getValue().entrySet().stream()
                            .filter(e -> family.test(e.getKey())).toList();
                    List<Map.Entry<String, Long>> hiddenMembers = members.stream().filter(e -> h.contains(e.getKey())).toList();
                    if (hiddenMembers.size() == 1 && hiddenMembers.get(0).getValue() > 0) {
                        changed |= hideSmallest(members.stream().filter(e -> !h.contains(e.getKey())).toList())
                                .map(h::add).orElse(false);
                    }
                }
            }
        }
        return figures.stream().map(f -> {
            Set<String> h = hidden.get(f.group());
            return rounded(show(f, f.numerator() != null && h.contains(numeratorBase(f.id())),
                    f.denominator() != null && !Figure.PER_10000.equals(f.unit()) && h.contains(denominatorBase(f.id()))));
        }).toList();
    }

    /** A count as a breakdown by a personal characteristic shows it: to the nearest 5 (0 stays 0; 1 to 4 are never shown). */
    public static Long roundToFive(Long n) {
        if (n == null || n == 0) {
            return n;
        }
        return Math.max(5, Math.round(n / 5.0) * 5);
    }

    /**
     * The figure with every number it shows rounded to the nearest 5 and its value worked out from them: a count is
     * its rounded count, a percent 100 × rounded numerator / rounded denominator; hours (a median, a percentile, an
     * age) are kept, over a rounded number of observations. A breakdown has no rate per 10,000 (no population per group).
     */
    static Figure rounded(Figure f) {
        Long numerator = roundToFive(f.numerator());
        Long denominator = Figure.PER_10000.equals(f.unit()) ? f.denominator() : roundToFive(f.denominator());
        Double value = f.value();
        if (f.display() == null) {
            value = switch (f.unit()) {
                case Figure.COUNT -> numerator == null ? null : numerator.doubleValue();
                case Figure.PERCENT -> numerator == null || denominator == null ? null
                        : MetricDefinitions.percent(numerator, denominator);
                case Figure.HOURS -> f.value();
                default -> throw new IllegalArgumentException("no rounding rule for unit " + f.unit() + " in a breakdown");
            };
        }
        return new Figure(f.id(), value, numerator, denominator, f.unit(), f.definition(), f.breakdown(), f.group(), f.display());
    }

    /** The smallest of {@code candidates}, a non-zero one if there is one. */
    private static java.util.Optional<String> hideSmallest(List<Map.Entry<String, Long>> candidates) {
        return candidates.stream()
                .min(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue() == 0 ? 1 : 0)
                        .thenComparing(Map.Entry::getValue).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    private static Figure show(Figure f, boolean numeratorHidden, boolean denominatorHidden) {
        if (!numeratorHidden && !denominatorHidden) {
            return f;
        }
        return switch (f.unit()) {
            case Figure.COUNT -> f.withheld(null, null, small(f.numerator()) ? SMALL_COUNT : WITHHELD);
            case Figure.PERCENT, Figure.PER_10000 -> f.withheld(numeratorHidden ? null : f.numerator(),
                    denominatorHidden ? null : f.denominator(), WITHHELD);
            case Figure.HOURS -> f.withheld(null, null, WITHHELD);
            default -> throw new IllegalArgumentException("no disclosure rule for unit " + f.unit());
        };
    }

    /** The quantity a figure's numerator is: shared by the figures that count the same things. */
    public static String numeratorBase(String id) {
        return switch (id) {
            case MetricDefinitions.CONTACTS, MetricDefinitions.CONTACTS_RATE -> "received";
            case MetricDefinitions.OUTCOMES -> "decided";
            case MetricDefinitions.REFERRALS, MetricDefinitions.CONVERSION -> "referrals";
            case MetricDefinitions.DECISION_HOURS_MEDIAN, MetricDefinitions.DECISION_HOURS_P90 -> "decided-with-receipt";
            case MetricDefinitions.BACKLOG, MetricDefinitions.BACKLOG_OLDEST_HOURS -> "backlog";
            case MetricDefinitions.FEEDBACK, MetricDefinitions.FEEDBACK_HOURS_MEDIAN -> "informed";
            case MetricDefinitions.S47, MetricDefinitions.S47_RATE -> "s47-started";
            case MetricDefinitions.ICPCS -> "icpcs";
            default -> id;
        };
    }

    /** The quantity a ratio's denominator is (its base). */
    public static String denominatorBase(String id) {
        if (id.startsWith(MetricDefinitions.OUTCOMES + ".") || id.startsWith(MetricDefinitions.CONSENT + ".")) {
            return "decided";
        }
        if (id.startsWith(MetricDefinitions.SD_ATTENDANCE + ".")
                && !MetricDefinitions.CORE_AGENCIES.contains(id.substring(MetricDefinitions.SD_ATTENDANCE.length() + 1))) {
            return id + "/invited";
        }
        return switch (id) {
            case MetricDefinitions.REPEAT_CONTACTS -> "received";
            case MetricDefinitions.CONVERSION, MetricDefinitions.FEEDBACK -> "decided";
            case MetricDefinitions.RE_REFERRALS -> "referrals";
            case MetricDefinitions.DECISION_TIMELINESS -> "decided-with-due";
            case MetricDefinitions.DECISION_ONE_WORKING_DAY -> "decided-with-receipt";
            case MetricDefinitions.CONSENT_OVERRIDES -> MetricDefinitions.CONSENT + ".OVERRIDDEN";
            case MetricDefinitions.CHECKS -> "checks-answered";
            case MetricDefinitions.SD_TIMELINESS, MetricDefinitions.SD_ATTENDANCE -> "held";
            case MetricDefinitions.S47_ICPC -> "s47-started";
            case MetricDefinitions.ICPC_TIMELINESS -> "icpcs";
            default -> id.startsWith(MetricDefinitions.SD_ATTENDANCE + ".") ? "held" : id + "/";
        };
    }
}

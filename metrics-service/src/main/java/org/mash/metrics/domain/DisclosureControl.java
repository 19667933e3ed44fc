package org.mash.metrics.domain;

import java.util.List;

/**
 * Statistical disclosure control for figures broken down by a personal characteristic (ethnicity, sex,
 * age band), as usual for published children's data:
 * <ul>
 *   <li>a count from 1 to 4 is shown as {@code <5} (no value, no numerator); 0 and 5 or more are shown;</li>
 *   <li>a percent or rate whose numerator or denominator is from 1 to 4 is withheld ({@code withheld}: no value,
 *       and the small number hidden), since it would reveal the small count;</li>
 *   <li>hours (median, percentile, age) over 1 to 4 observations are withheld: they describe individual children.</li>
 * </ul>
 * Secondary suppression ({@link #secondary}): where a characteristic puts each child in one group, a count
 * suppressed in a single group could be worked out from the total less the other groups, so the smallest other
 * non-zero group of that figure is withheld too.
 */
public final class DisclosureControl {

    public static final String SMALL_COUNT = "<5";
    public static final String WITHHELD = "withheld";

    private DisclosureControl() {
    }

    /** Whether a count would identify: 1 to 4. */
    public static boolean small(Long n) {
        return n != null && n >= 1 && n <= 4;
    }

    public static Figure apply(Figure figure) {
        return switch (figure.unit()) {
            case Figure.COUNT -> small(figure.numerator()) ? figure.withheld(null, null, SMALL_COUNT) : figure;
            case Figure.PERCENT, Figure.PER_10000 -> small(figure.numerator()) || small(figure.denominator())
                    ? figure.withheld(small(figure.numerator()) ? null : figure.numerator(),
                            small(figure.denominator()) ? null : figure.denominator(), WITHHELD)
                    : figure;
            case Figure.HOURS -> small(figure.numerator()) ? figure.withheld(null, null, WITHHELD) : figure;
            default -> throw new IllegalArgumentException("no disclosure rule for unit " + figure.unit());
        };
    }

    public static List<Figure> apply(List<Figure> figures) {
        return figures.stream().map(DisclosureControl::apply).toList();
    }

    /**
     * For the counts of a breakdown whose groups do not overlap (already through {@link #apply}): where exactly
     * one group of a figure is suppressed, withholds the smallest other group with a non-zero count as well.
     */
    public static List<Figure> secondary(List<Figure> figures) {
        java.util.Map<String, List<Figure>> byId = new java.util.LinkedHashMap<>();
        figures.stream().filter(f -> Figure.COUNT.equals(f.unit()))
                .forEach(f -> byId.computeIfAbsent(f.id(), k -> new java.util.ArrayList<>()).add(f));
        java.util.Set<Figure> alsoWithheld = new java.util.HashSet<>();
        for (List<Figure> cells : byId.values()) {
            if (cells.stream().filter(f -> f.display() != null).count() != 1) {
                continue;
            }
            cells.stream().filter(f -> f.display() == null && f.numerator() != null && f.numerator() > 0)
                    .min(java.util.Comparator.comparing(Figure::numerator))
                    .ifPresent(alsoWithheld::add);
        }
        return figures.stream().map(f -> alsoWithheld.contains(f) ? f.withheld(null, null, WITHHELD) : f).toList();
    }
}

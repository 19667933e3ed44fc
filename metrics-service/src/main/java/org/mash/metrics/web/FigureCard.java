package org.mash.metrics.web;

import java.text.NumberFormat;
import java.util.Locale;
import org.mash.metrics.domain.Figure;

/**
 * A figure as the dashboard shows it: its name, its value in its unit (or {@code <5} / withheld, as disclosure control
 * decided), and what it counts (numerator, denominator, definition), shown beside it and on hover.
 */
public record FigureCard(String id, String label, String shown, String ofWhat, String definition, String group) {

    static FigureCard of(Figure f) {
        return new FigureCard(f.id(), label(f.id()), shown(f), ofWhat(f), f.definition(), f.group());
    }

    /** {@code decision-hours-p90} reads "Decision hours (90th percentile)"; {@code outcomes.EARLY_HELP} "Outcomes: early help". */
    static String label(String id) {
        int dot = id.indexOf('.');
        if (dot > 0) {
            return label(id.substring(0, dot)) + ": " + id.substring(dot + 1).replace('_', ' ').toLowerCase(Locale.UK);
        }
        String words = id.replace("sd-", "strategy discussion ").replace("s47", "section 47").replace("icpc", "ICPC")
                .replace("-p90", " (90th percentile)").replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String shown(Figure f) {
        if (f.display() != null) {
            return f.display();
        }
        if (f.value() == null) {
            return "none yet";
        }
        NumberFormat number = NumberFormat.getNumberInstance(Locale.UK);
        number.setMaximumFractionDigits(1);
        return switch (f.unit()) {
            case Figure.PERCENT -> number.format(f.value()) + "%";
            case Figure.HOURS -> number.format(f.value()) + " h";
            case Figure.PER_10000 -> number.format(f.value()) + " per 10,000";
            default -> number.format(f.value());
        };
    }

    static String ofWhat(Figure f) {
        if (f.display() != null && f.numerator() == null) {
            return "withheld: a small number that could identify a child";
        }
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.UK);
        if (f.numerator() == null) {
            return "";
        }
        if (Figure.HOURS.equals(f.unit())) {
            return "over " + count.format(f.numerator()) + " observations";
        }
        return f.denominator() == null ? count.format(f.numerator()) + " counted"
                : count.format(f.numerator()) + " of " + count.format(f.denominator());
    }
}

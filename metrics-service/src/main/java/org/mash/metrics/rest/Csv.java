package org.mash.metrics.rest;

import java.util.List;
import org.mash.metrics.domain.Figure;
import org.mash.metrics.events.MetricsEvents;

/**
 * Figures as CSV (RFC 4180): a header row, one row per figure, fields separated by commas, lines ended by
 * CRLF; a field holding a comma, a double quote, CR or LF is enclosed in double quotes, with each double quote
 * doubled. Empty fields stand for nothing (no denominator, a withheld value).
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    static final List<String> HEADER = List.of("period", "from", "to", "asOf", "id", "breakdown", "group", "value",
            "display", "numerator", "denominator", "unit", "definition");

    private Csv() {
    }

    public static String figures(MetricsEvents.PeriodV1 period, Object asOf, List<Figure> figures) {
        StringBuilder out = new StringBuilder();
        row(out, HEADER);
        for (Figure f : figures) {
            row(out, List.of(period.label(), period.from().toString(), period.to().toString(), String.valueOf(asOf), f.id(),
                    text(f.breakdown()), text(f.group()), f.value() == null ? "" : number(f.value()), text(f.display()),
                    f.numerator() == null ? "" : f.numerator().toString(),
                    f.denominator() == null ? "" : f.denominator().toString(), text(f.unit()), text(f.definition())));
        }
        return out.toString();
    }

    /** One field, quoted if it must be. */
    public static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

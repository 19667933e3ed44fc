package org.mash.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write times and durations ({@code inject:show}): in the hub's zone, in words a person reads. */
@Named("show")
@ApplicationScoped
public class Show {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final PagesConfig config;

    public Show(PagesConfig config) {
        this.config = config;
    }

    /** A moment as the hub's clock shows it, e.g. "Tue 1 Dec 2026, 14:05"; empty for none. */
    public String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(at.atZoneSameInstant(config.zone()));
    }

    /** The moment as machines read it, for {@code <time datetime>}. */
    public String iso(OffsetDateTime at) {
        return at == null ? "" : at.toInstant().toString();
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** Time left until a due time in words: "3 h 20 min left", or "overdue by 1 d 2 h". */
    public String timeLeft(long minutesLeft) {
        return minutesLeft >= 0 ? duration(minutesLeft) + " left" : "overdue by " + duration(-minutesLeft);
    }

    static String duration(long minutes) {
        long days = minutes / (24 * 60);
        long hours = (minutes % (24 * 60)) / 60;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + mins + " min" : mins + " min";
    }

    /** Whether a code (an enum, or its name) is the one named: templates compare enums with names this way. */
    public boolean is(Object code, String name) {
        return code != null && String.valueOf(code).equals(name);
    }

    /** Items of a list, comma-separated. */
    public String list(java.util.Collection<?> items) {
        return items == null ? "" : String.join(", ", items.stream().map(String::valueOf).toList());
    }

    /** A code in words: {@code STRATEGY_DISCUSSION} is "Strategy discussion". */
    public String words(Object code) {
        if (code == null) {
            return "";
        }
        String text = code.toString().replace('_', ' ').toLowerCase(Locale.UK);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

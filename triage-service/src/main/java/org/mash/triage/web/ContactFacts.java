package org.mash.triage.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The contact as received, every field of it, as labelled lines for the case page: "Child 1 · date of birth". The
 * case page shows the referrer's record whole rather than a selection, so nothing they said is hidden from the
 * practitioner.
 */
public final class ContactFacts {

    public record Fact(String label, String value) {
    }

    private ContactFacts() {
    }

    public static List<Fact> of(Object contact) {
        List<Fact> facts = new ArrayList<>();
        flatten("", contact, facts);
        return facts;
    }

    private static void flatten(String label, Object value, List<Fact> facts) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(join(label, words(String.valueOf(k))), v, facts));
        } else if (value instanceof List<?> list) {
            if (list.stream().allMatch(v -> !(v instanceof Map<?, ?>) && !(v instanceof List<?>))) {
                facts.add(new Fact(label, String.join(", ", list.stream().map(String::valueOf).toList())));
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                flatten(join(singular(label), String.valueOf(i + 1)), list.get(i), facts);
            }
        } else if (value != null) {
            facts.add(new Fact(label, String.valueOf(value)));
        }
    }

    private static String join(String label, String part) {
        if (label.isEmpty()) {
            return capitalise(part);
        }
        return part.matches("\\d+") ? label + " " + part : label + " · " + part;
    }

    private static String singular(String label) {
        return label.equals("Children") ? "Child" : label.endsWith("s") ? label.substring(0, label.length() - 1) : label;
    }

    /** {@code dateOfBirth} reads "date of birth"; {@code nhsNumber} "NHS number". */
    static String words(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.UK);
        return spaced.replace("nhs ", "NHS ").replace("gp ", "GP ");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

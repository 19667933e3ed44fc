package org.mash.triage.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How names and postcodes are compared when matching a child's history (and hashed into the pseudonymous
 * {@link ChildRef}): case, accents, punctuation and spaces do not count, so "Zoë O'Brien-Smith" and
 * "zoe obrien smith" are the same name, and "n1 9gu" is the postcode "N19GU".
 */
public final class Names {

    private Names() {
    }

    /** Lower case, accents and punctuation removed, no spaces: "O'Brien-Smith " and "obrien smith" give "obriensmith". */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").replaceAll("[\\s-]+", " ").trim()
                .replace(" ", "");
    }

    /** Upper case without spaces or punctuation, or null when there is none: " e8 1aa" gives "E81AA". */
    public static String postcode(String postcode) {
        if (postcode == null) {
            return null;
        }
        String p = postcode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return p.isEmpty() ? null : p;
    }

    /** NHS number digits only, or null. */
    public static String nhsNumber(String nhs) {
        if (nhs == null) {
            return null;
        }
        String digits = nhs.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }
}

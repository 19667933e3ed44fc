package org.mash.triage.domain;

/**
 * The concern as strategy-discussion participants first see it: the start of the referrer's description, at
 * most {@link #MAX_LENGTH} characters, cut at a word. The full record stays in triage.
 */
public final class ConcernSummary {

    public static final int MAX_LENGTH = 500;

    private ConcernSummary() {
    }

    public static String of(String description) {
        String text = description == null ? "" : description.strip();
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_LENGTH - 1);
        return text.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1) + "…";
    }
}

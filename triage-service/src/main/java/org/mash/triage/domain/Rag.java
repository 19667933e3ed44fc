package org.mash.triage.domain;

/** How urgently the MASH must decide: red within hours, amber within a day, green within three days. */
public enum Rag {
    RED, AMBER, GREEN;

    /**
     * The rating suggested from the contact before a practitioner confirms it: a child in immediate danger,
     * or a referrer asking for an immediate response, is RED; a same-day request is AMBER; anything else GREEN.
     */
    public static Rag suggest(boolean immediateDanger, String referrerUrgency) {
        if (immediateDanger || "IMMEDIATE".equals(referrerUrgency)) {
            return RED;
        }
        return "SAME_DAY".equals(referrerUrgency) ? AMBER : GREEN;
    }
}

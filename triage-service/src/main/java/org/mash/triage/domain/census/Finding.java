package org.mash.triage.domain.census;

/**
 * A validation rule of the census the return breaks: the department's rule number, whether it is an error (must be
 * fixed) or a query (fix or explain), the child it is about (the local child id; null for the header or the whole
 * return) and what it says. Never personal data beyond the local child id.
 */
public record Finding(String rule, Severity severity, String laChildId, String message) {

    public enum Severity {
        /** Must be fixed before the return is accepted. */
        ERROR,
        /** Fix, or explain to the department. */
        QUERY
    }

    static Finding error(String rule, String laChildId, String message) {
        return new Finding(rule, Severity.ERROR, laChildId, message);
    }

    static Finding query(String rule, String laChildId, String message) {
        return new Finding(rule + "Q", Severity.QUERY, laChildId, message);
    }
}

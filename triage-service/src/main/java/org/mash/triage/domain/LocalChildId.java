package org.mash.triage.domain;

import java.util.regex.Pattern;

/**
 * A child's local id, the same for the child across every contact: the returns' LAchildID, letters and digits, at
 * most 20 characters. This installation numbers its children {@code C000000001}, {@code C000000002}, ... in the order
 * their records are made; an id is never reused, nor changed when contacts are linked to the child later.
 */
public final class LocalChildId {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9]{1,20}");

    private LocalChildId() {
    }

    /** The id of the {@code number}th child record. */
    public static String of(long number) {
        if (number < 1 || number > 999_999_999L) {
            throw new IllegalArgumentException("a child record number is 1 to 999,999,999, not " + number);
        }
        return String.format("C%09d", number);
    }

    /** Whether {@code id} has the shape of a local child id (what a request may name). */
    public static boolean valid(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}

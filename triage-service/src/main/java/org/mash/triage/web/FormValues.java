package org.mash.triage.web;

import java.util.Arrays;
import org.mash.platform.web.Feedback;

/** Reading a form's text fields as the API's types: a value that is not one is refused, naming the field. */
final class FormValues {

    private FormValues() {
    }

    /** An empty field is no value (the API then says it is required where it is). */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (text(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw Feedback.unreadable(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Integer integer(String field, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw Feedback.unreadable(field, "'" + value + "' is not a whole number");
        }
    }
}

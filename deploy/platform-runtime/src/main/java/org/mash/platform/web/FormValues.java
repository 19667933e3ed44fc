package org.mash.platform.web;

import java.util.Arrays;

/** Reading a form's text fields as the API's types: a value that is not one is refused, naming the field. */
public final class FormValues {

    private FormValues() {
    }

    /** An empty field is no value (the API then says it is required where it is). */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (text(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw Feedback.unreadable(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static java.time.LocalDate date(String field, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw Feedback.unreadable(field, "'" + value + "' is not a date (year-month-day, e.g. 2016-04-02)");
        }
    }

    public static Integer integer(String field, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw Feedback.unreadable(field, "'" + value + "' is not a whole number");
        }
    }

    /** An identifier carried in a field's name or value (e.g. a child's contact id). */
    public static java.util.UUID uuid(String field, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw Feedback.unreadable(field, "'" + value + "' is not an identifier");
        }
    }
}

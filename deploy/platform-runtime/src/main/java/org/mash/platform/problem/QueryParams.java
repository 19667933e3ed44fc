package org.mash.platform.problem;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads optional query parameters so that a bad value is a 400 problem naming the parameter, not the
 * 404 that JAX-RS gives when it cannot convert one.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static OffsetDateTime dateTime(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "date-time", "'" + value + "' is not an ISO 8601 date-time with offset, e.g. 2026-11-20T09:00:00Z");
        }
    }

    public static java.util.UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "uuid", "'" + value + "' is not a UUID");
        }
    }

    /** {@code true} or {@code false} (any case); null when absent. JAX-RS would read "maybe" as false. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw invalid(name, "boolean", "'" + value + "' is not true or false");
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "one-of", "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static ProblemException invalid(String name, String rule, String message) {
        return ProblemException.invalid(List.of(new Problem.FieldError(name, rule, message)));
    }
}

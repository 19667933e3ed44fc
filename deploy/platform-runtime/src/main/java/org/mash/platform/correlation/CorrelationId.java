package org.mash.platform.correlation;

import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * The correlation id that follows one piece of work across services: from the {@code X-Correlation-Id}
 * request header (or a new one), into every log line ({@code %X{correlationId}}), into the events the
 * request causes (CloudEvents extension {@code correlationid} and Kafka header {@code correlation-id}),
 * and from there into the consumers' logs.
 */
public final class CorrelationId {

    public static final String HTTP_HEADER = "X-Correlation-Id";
    public static final String KAFKA_HEADER = "correlation-id";
    public static final String MDC_KEY = "correlationId";

    private CorrelationId() {
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    public static void set(String id) {
        if (id == null || id.isBlank()) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, id);
        }
    }

    /** The one shape a correlation id may have: a UUID, which cannot carry a name, a date of birth or any other text. */
    private static final java.util.regex.Pattern SHAPE =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * The given id if it is an opaque token of the fixed shape (a UUID), else a new one: the id is copied into every
     * log line and into the events of the pseudonymous topics, so a caller's free text (e.g. a child's name and date
     * of birth) must never become one.
     */
    public static String acceptOrCreate(String candidate) {
        String id = opaque(candidate);
        return id != null ? id : UUID.randomUUID().toString();
    }

    /** The id if it has the fixed shape (lower-cased), else null. */
    public static String opaque(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches() ? candidate.toLowerCase(java.util.Locale.ROOT) : null;
    }
}

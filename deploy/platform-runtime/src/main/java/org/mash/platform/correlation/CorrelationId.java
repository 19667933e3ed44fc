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

    /** The given id if it is a sane token, else a new one (so a caller cannot inject text into our logs). */
    public static String acceptOrCreate(String candidate) {
        if (candidate != null && candidate.matches("[A-Za-z0-9._:-]{1,100}")) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }
}

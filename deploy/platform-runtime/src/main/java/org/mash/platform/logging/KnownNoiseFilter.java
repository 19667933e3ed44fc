package org.mash.platform.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops two warnings Hibernate Reactive logs for every transaction that runs a native insert, update or upsert
 * (the inbox, the outbox relay, the metrics fact store): "closing shared session with unprocessed transaction
 * completion actions" (HHH90010101) and "closing session with unprocessed clean up bulk operations, forcing their
 * execution" (HHH90010108). The actions it means are second-level-cache invalidations after a bulk statement; no
 * service uses a second-level cache, and Hibernate runs them anyway. Logged at 2 lines per event, they buried
 * real warnings and slowed a rebuild of the metrics. Every other message, of that logger too, passes.
 * Set on a handler with {@code quarkus.log.console.filter=mash-known-noise}.
 */
@LoggingFilter(name = "mash-known-noise")
public final class KnownNoiseFilter implements Filter {

    static final String LOGGER = "org.hibernate.orm.session";
    private static final List<String> NOISE = List.of(
            "Closing shared session with unprocessed transaction completion actions",
            "Closing session with unprocessed clean up bulk operations");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!LOGGER.equals(record.getLoggerName()) || record.getMessage() == null) {
            return true;
        }
        String message = record.getMessage();
        return NOISE.stream().noneMatch(message::contains);
    }
}

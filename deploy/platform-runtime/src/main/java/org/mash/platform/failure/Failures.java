package org.mash.platform.failure;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Sorts a failure into what another try can mend and what it cannot. Plain Java: it reads only the exception chain
 * (class names and SQLSTATE codes, so no driver type is needed here).
 *
 * <ul>
 *   <li><b>Transient</b>: the database, the network or a lock will come back. The connection was refused, lost or
 *       timed out; the server is shutting down or out of resources (SQLSTATE classes 08, 53, 57, 58); a
 *       serialization failure or deadlock (class 40); a lock not available (55P03); a lost race on a version
 *       (optimistic lock). Worth retrying for as long as it takes.</li>
 *   <li><b>Permanent</b>: everything else, such as a value the column cannot hold (class 22), a broken constraint
 *       (class 23), a bug. Another try gives the same answer, so after a few tries the record is set aside.</li>
 * </ul>
 */
public final class Failures {

    /** What another try can do about a failure. */
    public enum Kind { TRANSIENT, PERMANENT }

    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03", "55006", "25P03");
    private static final Set<String> TRANSIENT_CLASS_NAMES = Set.of(
            "org.hibernate.StaleObjectStateException",
            "org.hibernate.StaleStateException",
            "jakarta.persistence.OptimisticLockException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.PessimisticLockException",
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.http.ConnectionPoolTooBusyException",
            "io.vertx.core.impl.NoStackTraceTimeoutException",
            "io.vertx.core.VertxException$NoStackTraceTimeoutException",
            "io.netty.channel.ConnectTimeoutException");
    /** Phrases of the Vert.x SQL client for a connection gone, which it reports without a SQLSTATE. */
    private static final Set<String> CONNECTION_LOST = Set.of(
            "connection was closed", "connection refused", "connection reset", "failed to read any response",
            "pool closed", "timeout", "connection is closed", "broken pipe", "connection is not active",
            "current status: closed");

    private Failures() {
    }

    public static Kind kind(Throwable failure) {
        // several failures at once (a lost connection, then the rollback that failed on it): transient if any is
        if (failure instanceof io.smallrye.mutiny.CompositeException composite) {
            return composite.getCauses().stream().anyMatch(Failures::isTransient) ? Kind.TRANSIENT : Kind.PERMANENT;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t != failure && t instanceof io.smallrye.mutiny.CompositeException composite) {
                return kind(composite);
            }
            String state = sqlState(t);
            if (state != null && state.length() == 5) {
                if (TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_SQL_STATES.contains(state)) {
                    return Kind.TRANSIENT;
                }
                // a definite answer from the database: the statement itself is at fault
                return Kind.PERMANENT;
            }
            if (t instanceof IOException || t instanceof TimeoutException || t instanceof java.net.ConnectException
                    || isA(t, TRANSIENT_CLASS_NAMES)) {
                return Kind.TRANSIENT;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (t.getClass().getName().startsWith("io.vertx.") && CONNECTION_LOST.stream().anyMatch(message::contains)) {
                return Kind.TRANSIENT;
            }
        }
        return Kind.PERMANENT;
    }

    public static boolean isTransient(Throwable failure) {
        return kind(failure) == Kind.TRANSIENT;
    }

    /**
     * The SQLSTATE a failure carries, from the reactive client ({@code DatabaseException#getSqlState}) or Hibernate
     * ({@code JDBCException#getSQLState}, {@code SQLException#getSQLState}); null if none.
     */
    public static String sqlState(Throwable t) {
        if (t instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        for (String getter : new String[] {"getSqlState", "getSQLState"}) {
            try {
                java.lang.reflect.Method m = t.getClass().getMethod(getter);
                if (m.getReturnType() == String.class && m.getParameterCount() == 0) {
                    Object state = m.invoke(t);
                    if (state != null) {
                        return state.toString();
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // not a database failure
            }
        }
        return null;
    }

    /** One line saying what went wrong, for a log, a dead letter or a parked event: the innermost useful message. */
    public static String reason(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable last = null;
        for (Throwable t = failure; t != null && t != last; t = t.getCause()) {
            last = t;
            String message = t.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message) < 0) {
                if (text.length() > 0) {
                    text.append(" <- ");
                }
                text.append(t.getClass().getSimpleName()).append(": ").append(message);
            }
        }
        String reason = text.length() == 0 ? failure.getClass().getName() : text.toString();
        return reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    }

    private static boolean isA(Throwable t, Set<String> names) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (names.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}

package org.mash.platform.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.DatabaseException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.mash.platform.events.MalformedEventException;

class FailuresTests {

    /** What the PostgreSQL client throws, with the SQLSTATE the server sent. */
    static final class Db extends DatabaseException {
        Db(String message, String sqlState) {
            super(message, 0, sqlState, null);
        }
    }

    @Test
    void anOutageALostConnectionOrALockIsTransient() {
        assertEquals(Failures.Kind.TRANSIENT, Failures.kind(new PersistenceException("down", new ConnectException("refused"))));
        assertEquals(Failures.Kind.TRANSIENT, Failures.kind(new Db("could not serialize access", "40001")));
        assertEquals(Failures.Kind.TRANSIENT, Failures.kind(new Db("deadlock detected", "40P01")));
        assertEquals(Failures.Kind.TRANSIENT, Failures.kind(new Db("canceling statement due to lock timeout", "55P03")));
        assertEquals(Failures.Kind.TRANSIENT, Failures.kind(new Db("terminating connection due to administrator command", "57P01")));
        assertEquals(Failures.Kind.TRANSIENT, Failures.kind(new Db("the database system is starting up", "57P03")));
        assertEquals(Failures.Kind.TRANSIENT, Failures.kind(new Db("too many connections", "53300")));
        assertEquals(Failures.Kind.TRANSIENT, Failures.kind(new Db("connection failure", "08006")));
        assertEquals(Failures.Kind.TRANSIENT, Failures.kind(new RuntimeException(new OptimisticLockException("stale"))));
        assertEquals(Failures.Kind.TRANSIENT, Failures.kind(new io.vertx.core.VertxException("Connection was closed")));
        assertEquals(Failures.Kind.TRANSIENT, Failures.kind(new java.util.concurrent.TimeoutException()));
    }

    /** Seen in the chaos run while PostgreSQL restarted: the lost connection, then the rollback that failed on it. */
    @Test
    void aLostConnectionAmongSeveralFailuresIsTransient() {
        RuntimeException lost = new org.hibernate.HibernateException(
                new io.vertx.core.impl.NoStackTraceThrowable("Connection is not active now, current status: CLOSED"));
        RuntimeException rollback = new IllegalStateException("HR000090: Live transaction detected while closing the connection");
        assertEquals(Failures.Kind.TRANSIENT, Failures.kind(new io.smallrye.mutiny.CompositeException(lost, rollback)));
        assertEquals(Failures.Kind.PERMANENT, Failures.kind(new io.smallrye.mutiny.CompositeException(
                new NullPointerException(), new IllegalStateException("a bug"))));
    }

    @Test
    void aValueTheColumnCannotHoldABrokenConstraintOrABugIsPermanent() {
        assertEquals(Failures.Kind.PERMANENT, Failures.kind(new PersistenceException("insert failed",
                new Db("value too long for type character varying(12)", "22001"))));
        assertEquals(Failures.Kind.PERMANENT, Failures.kind(new Db("invalid byte sequence for encoding UTF8: 0x00", "22021")));
        assertEquals(Failures.Kind.PERMANENT, Failures.kind(new Db("duplicate key value", "23505")));
        assertEquals(Failures.Kind.PERMANENT, Failures.kind(new Db("relation does not exist", "42P01")));
        assertEquals(Failures.Kind.PERMANENT, Failures.kind(new NullPointerException()));
        assertEquals(Failures.Kind.PERMANENT, Failures.kind(new MalformedEventException("not a CloudEvent")));
    }

    /** Hibernate's wrapper carries the SQLSTATE itself, not the client's exception (seen with a postcode too long). */
    @Test
    void theStateHibernateReportsCounts() {
        java.sql.SQLException sql = new java.sql.SQLException("value too long", "22001");
        assertEquals(Failures.Kind.PERMANENT, Failures.kind(new org.hibernate.exception.DataException("insert", sql)));
        java.sql.SQLException gone = new java.sql.SQLException("connection lost", "08003");
        assertEquals(Failures.Kind.TRANSIENT, Failures.kind(new org.hibernate.exception.JDBCConnectionException("select", gone)));
    }

    @Test
    void theReasonNamesEveryLevelOnce() {
        String reason = Failures.reason(new PersistenceException("insert failed", new Db("value too long", "22001")));
        assertTrue(reason.contains("PersistenceException: insert failed"), reason);
        assertTrue(reason.contains("value too long"), reason);
    }
}

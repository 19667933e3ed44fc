package org.mash.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.DatabaseException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.mash.platform.events.MalformedEventException;

class InboxRetryTests {

    /** What the PostgreSQL client throws, with the SQLSTATE the server sent. */
    static final class Db extends DatabaseException {
        Db(String message, int code, String sqlState, java.sql.SQLException cause) {
            super(message, code, sqlState, cause);
        }
    }

    @Test
    void aTransientFailureIsRetried() {
        assertTrue(Inbox.retryable(new PersistenceException("down", new ConnectException("refused"))));
        assertTrue(Inbox.retryable(new Db("could not serialize access", 0, "40001", null)));
        assertTrue(Inbox.retryable(new Db("deadlock detected", 0, "40P01", null)));
    }

    @Test
    void dataTheDatabaseCanNeverTakeGoesToTheDeadLetterTopic() {
        assertFalse(Inbox.retryable(new PersistenceException("insert failed",
                new Db("value too long for type character varying(20)", 0, "22001", null))));
        assertFalse(Inbox.retryable(new Db("numeric field overflow", 0, "22003", null)));
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopic() {
        assertFalse(Inbox.retryable(new MalformedEventException("not a CloudEvent")));
    }
}

package org.mash.platform.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class KnownNoiseFilterTests {

    private final KnownNoiseFilter filter = new KnownNoiseFilter();

    @Test
    void theTwoBulkCleanupWarningsOfHibernateAreDropped() {
        assertFalse(filter.isLoggable(record(KnownNoiseFilter.LOGGER,
                "HHH90010101: Closing shared session with unprocessed transaction completion actions")));
        assertFalse(filter.isLoggable(record(KnownNoiseFilter.LOGGER,
                "HHH90010108: Closing session with unprocessed clean up bulk operations, forcing their execution")));
    }

    @Test
    void everythingElsePasses() {
        assertTrue(filter.isLoggable(record(KnownNoiseFilter.LOGGER, "HHH000000: something that matters")));
        assertTrue(filter.isLoggable(record("org.mash.platform.inbox.Inbox",
                "Closing shared session with unprocessed transaction completion actions")));
        assertTrue(filter.isLoggable(record(KnownNoiseFilter.LOGGER, null)));
    }

    private static LogRecord record(String logger, String message) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName(logger);
        return record;
    }
}

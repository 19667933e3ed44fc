package org.mash.triage.events;

/** Shares the personal-data check with tests in other packages. */
public final class ContactEventsConsumerTestsAccess {
    private ContactEventsConsumerTestsAccess() {
    }

    public static void assertNoPersonalData(String json) {
        ContactEventsConsumerTests.assertNoPersonalData(json);
    }
}

package org.mash.triage.events;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.KafkaAccessAssertions;

/**
 * Kafka as a control for triage-service: it signs in as itself and the broker lets it use exactly the topics and groups
 * docs/events.md gives it (deploy/kafka-broker KafkaAccess); the rest is refused by the broker, not by convention.
 */
@QuarkusTest
class KafkaAccessTests {

    private static final String SERVICE = "triage-service";

    @Test
    void itsChannelsUseExactlyTheTopicsAndGroupsItIsGranted() throws Exception {
        KafkaAccessAssertions.assertChannelsMatchGrant(SERVICE);
    }

    @Test
    void itCannotForgeContactsOrStrategyEventsNorReadAnotherServicesDeadLetters() {
        KafkaAccessAssertions.assertWriteRefused(SERVICE, "mash.contacts.v1");
        KafkaAccessAssertions.assertWriteRefused(SERVICE, "mash.strategy.v1");
        KafkaAccessAssertions.assertReadRefused(SERVICE, "mash.strategy-discussion-service.dlq");
        KafkaAccessAssertions.assertReadRefused(SERVICE, "mash.metrics.v1");
    }

    @Test
    void aWrongPasswordDoesNotGetIn() {
        KafkaAccessAssertions.assertWrongPasswordRefused(SERVICE);
    }
}

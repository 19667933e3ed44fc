package org.mash.metrics.events;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.KafkaAccessAssertions;

/**
 * Kafka as a control for metrics-service: it signs in as itself and the broker lets it use exactly the topics and groups
 * docs/events.md gives it (deploy/kafka-broker KafkaAccess); the rest is refused by the broker, not by convention.
 */
@QuarkusTest
class KafkaAccessTests {

    private static final String SERVICE = "metrics-service";

    @Test
    void itsChannelsUseExactlyTheTopicsAndGroupsItIsGranted() throws Exception {
        KafkaAccessAssertions.assertChannelsMatchGrant(SERVICE);
    }

    @Test
    void itIsRefusedEveryTopicThatCarriesAChildsIdentity() {
        // the full contact records, the hand-off with the child's identity, and the dead letters of their readers
        KafkaAccessAssertions.assertReadRefused(SERVICE, "mash.contacts.v1");
        KafkaAccessAssertions.assertReadRefused(SERVICE, "mash.triage.strategy-handoff.v1");
        KafkaAccessAssertions.assertReadRefused(SERVICE, "mash.triage-service.dlq");
        KafkaAccessAssertions.assertReadRefused(SERVICE, "mash.strategy-discussion-service.dlq");
    }

    @Test
    void itCannotForgeTheEventsItCountsNorUseAnotherServicesGroup() {
        KafkaAccessAssertions.assertWriteRefused(SERVICE, "mash.triage.v1");
        KafkaAccessAssertions.assertGroupRefused(SERVICE, "mash.triage.v1", "contacts-service");
    }

    @Test
    void aWrongPasswordDoesNotGetIn() {
        KafkaAccessAssertions.assertWrongPasswordRefused(SERVICE);
    }
}

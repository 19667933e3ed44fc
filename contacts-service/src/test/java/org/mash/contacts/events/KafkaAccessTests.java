package org.mash.contacts.events;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.KafkaAccessAssertions;

/**
 * Kafka as a control for contacts-service: it signs in as itself and the broker lets it use exactly the topics and groups
 * docs/events.md gives it (deploy/kafka-broker KafkaAccess); the rest is refused by the broker, not by convention.
 */
@QuarkusTest
class KafkaAccessTests {

    private static final String SERVICE = "contacts-service";

    @Test
    void itsChannelsUseExactlyTheTopicsAndGroupsItIsGranted() throws Exception {
        KafkaAccessAssertions.assertChannelsMatchGrant(SERVICE);
    }

    @Test
    void itCannotReadTheContactRecordsItPublishesNorTheHandOff() {
        KafkaAccessAssertions.assertReadRefused(SERVICE, "mash.contacts.v1");
        KafkaAccessAssertions.assertReadRefused(SERVICE, "mash.triage.strategy-handoff.v1");
    }

    @Test
    void itCannotForgeTriageDecisionsNorUseTriagesGroup() {
        KafkaAccessAssertions.assertWriteRefused(SERVICE, "mash.triage.v1");
        KafkaAccessAssertions.assertGroupRefused(SERVICE, "mash.triage.v1", "triage-service");
    }

    @Test
    void aWrongPasswordDoesNotGetIn() {
        KafkaAccessAssertions.assertWrongPasswordRefused(SERVICE);
    }
}

package org.mash.contacts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mash.contacts.rest.ContactResourceTests;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.KafkaTestBroker;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;

/** A 201 means the contact's event will reach Kafka, even if the broker is down when the contact arrives. */
@QuarkusTest
class BrokerOutageTests {

    @Test
    void aContactAcceptedWhileKafkaIsDownIsPublishedExactlyOnceWhenKafkaIsBack() {
        String contactId;
        KafkaTestBroker.stopBroker();
        try {
            contactId = ContactResourceTests.submit(DemoUsers.policeReferrer(), ContactResourceTests.TWO_SIBLINGS);
            assertEquals(1, PostgresTestDatabase.count("select count(*) from contact where id = ?::uuid", contactId),
                    "committed before answering");
            assertEquals(1, PostgresTestDatabase.count(
                    "select count(*) from outbox_event where message_key = ? and published_at is null", contactId),
                    "its event waits in the outbox");
        } finally {
            KafkaTestBroker.restartBroker();
        }
        String id = contactId;
        KafkaTestClient.awaitRecords("mash.contacts.v1", r -> id.equals(r.key()), 1, Duration.ofSeconds(90));
        assertEquals(1, KafkaTestClient.readAll("mash.contacts.v1", r -> id.equals(r.key()), Duration.ofSeconds(5)).size(),
                "published once");
        assertEquals(0, PostgresTestDatabase.count(
                "select count(*) from outbox_event where message_key = ? and published_at is null", id));
    }
}

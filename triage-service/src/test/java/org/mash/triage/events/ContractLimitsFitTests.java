package org.mash.triage.events;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.ContractEvents;
import org.mash.platform.testing.ContractLimits;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;

/**
 * The consumer's side of the contract's limits: the largest contact the published schema allows (every string at its
 * maxLength, of the characters that grow most when triage lower-cases names and upper-cases postcodes; every list at
 * its maxItems) is stored, so nothing the contacts service accepts can stop this consumer. The contacts service's
 * {@code ContractLimitsTests} refuses one character more, from the same schema.
 */
@QuarkusTest
class ContractLimitsFitTests {

    @Test
    void theLargestContactTheContractAllowsIsStored() {
        String type = "mash.contacts.contact-received.v1";
        ObjectNode data = ContractLimits.largestExample(type);
        String contactId = UUID.randomUUID().toString();
        data.put("contactId", contactId);
        data.put("receivedAt", OffsetDateTime.now().minusMinutes(1).toString());
        KafkaTestClient.send("mash.contacts.v1", contactId,
                ContractEvents.envelope(type, "/mash/contacts-service", contactId, data));
        await().atMost(Duration.ofSeconds(30)).until(() -> PostgresTestDatabase.count(
                "select count(*) from triage_case where contact_id = ?", UUID.fromString(contactId)) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> PostgresTestDatabase.count(
                "select count(*) from household_member m join triage_case c on c.id = m.case_id where c.contact_id = ?",
                UUID.fromString(contactId)) == 30);
    }
}

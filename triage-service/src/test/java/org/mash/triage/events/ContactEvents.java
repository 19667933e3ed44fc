package org.mash.triage.events;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.mash.platform.testing.ContractEvents;
import org.mash.platform.testing.KafkaTestClient;

/** Contacts as the contacts service publishes them, built from the published schema example. */
public final class ContactEvents {

    private ContactEvents() {
    }

    /** Publishes a contact-received event for a new contact; returns the contact id. */
    public static String publishContact(boolean immediateDanger, String urgency) {
        String contactId = UUID.randomUUID().toString();
        String event = contactReceived(contactId, immediateDanger, urgency);
        KafkaTestClient.send("mash.contacts.v1", contactId, event);
        return contactId;
    }

    /** Publishes a contact received at {@code receivedAt}; returns the contact id. */
    public static String publishContactReceivedAt(OffsetDateTime receivedAt) {
        String contactId = java.util.UUID.randomUUID().toString();
        Map<String, Object> fields = new HashMap<>();
        fields.put("contactId", contactId);
        fields.put("immediateDanger", false);
        fields.put("referrerUrgency", null);
        fields.put("receivedAt", receivedAt.toString());
        String type = "mash.contacts.contact-received.v1";
        KafkaTestClient.send("mash.contacts.v1", contactId,
                ContractEvents.envelope(type, "/mash/contacts-service", contactId, ContractEvents.data(type, fields)));
        return contactId;
    }

    public static String contactReceived(String contactId, boolean immediateDanger, String urgency) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("contactId", contactId);
        fields.put("immediateDanger", immediateDanger);
        fields.put("referrerUrgency", urgency);
        fields.put("receivedAt", OffsetDateTime.now().minusMinutes(5).toString());
        String type = "mash.contacts.contact-received.v1";
        return ContractEvents.envelope(type, "/mash/contacts-service", contactId, ContractEvents.data(type, fields));
    }
}

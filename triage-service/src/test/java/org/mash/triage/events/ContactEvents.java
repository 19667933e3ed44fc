package org.mash.triage.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.mash.platform.testing.EventSchemas;
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

    public static String contactReceived(String contactId, boolean immediateDanger, String urgency) {
        ObjectNode data = (ObjectNode) EventSchemas.example("mash.contacts.contact-received.v1");
        data.put("contactId", contactId);
        data.put("immediateDanger", immediateDanger);
        data.put("referrerUrgency", urgency);
        data.put("receivedAt", java.time.OffsetDateTime.now().minusMinutes(5).toString());
        data.put("aFieldFromTheFuture", "ignored");
        ObjectNode envelope = data.objectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", "mash.contacts.contact-received.v1");
        envelope.put("source", "/mash/contacts-service");
        envelope.put("subject", contactId);
        envelope.put("time", "2026-11-20T09:15:00Z");
        envelope.put("datacontenttype", "application/json");
        envelope.set("data", data);
        String json = envelope.toString();
        EventSchemas.assertValid(json);
        return json;
    }
}

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

    /**
     * Publishes a contact about the given child (fields of {@code child} replaced in the example's child) with the
     * given household (null keeps the example's), received at {@code receivedAt}; returns the contact id.
     */
    public static String publishChild(OffsetDateTime receivedAt, Map<String, Object> child,
                                      java.util.List<Map<String, Object>> household) {
        String contactId = UUID.randomUUID().toString();
        String type = "mash.contacts.contact-received.v1";
        Map<String, Object> fields = new HashMap<>();
        fields.put("contactId", contactId);
        fields.put("receivedAt", receivedAt.toString());
        fields.put("immediateDanger", false);
        fields.put("referrerUrgency", null);
        com.fasterxml.jackson.databind.node.ObjectNode data = ContractEvents.data(type, fields);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode c = (com.fasterxml.jackson.databind.node.ObjectNode) data.get("child");
        child.forEach((k, v) -> c.set(k, json.valueToTree(v)));
        if (household != null) {
            data.set("household", json.valueToTree(household));
        }
        KafkaTestClient.send("mash.contacts.v1", contactId,
                ContractEvents.envelope(type, "/mash/contacts-service", contactId, data));
        return contactId;
    }

    /** Publishes a contact whose referrer recorded this consent; returns the contact id. */
    public static String publishWithConsent(Map<String, Object> consent) {
        String contactId = UUID.randomUUID().toString();
        Map<String, Object> fields = new HashMap<>();
        fields.put("contactId", contactId);
        fields.put("immediateDanger", false);
        fields.put("referrerUrgency", null);
        fields.put("receivedAt", OffsetDateTime.now().minusMinutes(5).toString());
        fields.put("consent", consent);
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

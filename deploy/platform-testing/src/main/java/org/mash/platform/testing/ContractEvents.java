package org.mash.platform.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;

/**
 * Events as another service would publish them, built from the published contract: the schema's own
 * example with the given fields replaced, wrapped in a CloudEvent envelope. Both carry a field the consumer
 * does not know, so every consumer test also proves that unknown fields are ignored.
 */
public final class ContractEvents {

    private ContractEvents() {
    }

    /** The example data of {@code type} with {@code fields} replaced (strings, booleans and numbers). */
    public static ObjectNode data(String type, Map<String, ?> fields) {
        ObjectNode data = (ObjectNode) EventSchemas.example(type);
        fields.forEach((name, value) -> {
            if (value == null) {
                data.putNull(name);
            } else if (value instanceof Boolean b) {
                data.put(name, b);
            } else if (value instanceof Number n) {
                data.put(name, n.doubleValue());
            } else if (value instanceof Map<?, ?> || value instanceof java.util.Collection<?>) {
                data.set(name, new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(value));
            } else {
                data.put(name, String.valueOf(value));
            }
        });
        data.put("aFieldFromTheFuture", "ignored");
        return data;
    }

    /** A CloudEvent with a fresh id around {@code data}, checked against the contract. */
    public static String envelope(String type, String source, String subject, ObjectNode data) {
        return envelope(UUID.randomUUID().toString(), type, source, subject, data);
    }

    /** A CloudEvent with the given id (to send the same event twice) around {@code data}, checked against the contract. */
    public static String envelope(String id, String type, String source, String subject, ObjectNode data) {
        ObjectNode envelope = data.objectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("type", type);
        envelope.put("source", source);
        envelope.put("subject", subject);
        envelope.put("time", "2026-11-20T09:15:00Z");
        envelope.put("datacontenttype", "application/json");
        envelope.put("someFutureExtension", "ignored");
        envelope.set("data", data);
        String json = envelope.toString();
        EventSchemas.assertValid(json);
        return json;
    }
}

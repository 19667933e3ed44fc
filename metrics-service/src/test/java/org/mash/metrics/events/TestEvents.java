package org.mash.metrics.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import org.mash.platform.testing.EventSchemas;

/** Events as the triage and strategy services publish them, built from the schemas' own examples. */
public final class TestEvents {

    private TestEvents() {
    }

    /** The schema example of {@code type} with {@code fields} replaced, plus a field this service does not know. */
    public static ObjectNode data(String type, Map<String, Object> fields) {
        ObjectNode data = (ObjectNode) EventSchemas.example(type);
        fields.forEach((name, value) -> {
            if (value instanceof Boolean b) {
                data.put(name, b);
            } else {
                data.put(name, String.valueOf(value));
            }
        });
        data.put("aFieldFromTheFuture", "ignored");
        return data;
    }

    /** A CloudEvent envelope around {@code data}, with a fresh id and an unknown extension; checked against the contract. */
    public static String envelope(String type, String source, String subject, ObjectNode data) {
        return envelope(UUID.randomUUID().toString(), type, source, subject, data);
    }

    public static String envelope(String id, String type, String source, String subject, ObjectNode data) {
        ObjectNode envelope = data.objectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("type", type);
        envelope.put("source", source);
        envelope.put("subject", subject);
        envelope.put("time", "2019-06-10T12:00:00Z");
        envelope.put("datacontenttype", "application/json");
        envelope.put("someFutureExtension", "ignored");
        envelope.set("data", data);
        String json = envelope.toString();
        EventSchemas.assertValid(json);
        return json;
    }

    public static String triage(String type, String contactId, Map<String, Object> fields) {
        return envelope(type, "/mash/triage-service", contactId, data(type, fields));
    }

    public static String strategy(String type, String contactId, Map<String, Object> fields) {
        return envelope(type, "/mash/strategy-service", contactId, data(type, fields));
    }
}

package org.mash.metrics.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.mash.platform.testing.ContractEvents;

/** Events as the triage and strategy services publish them, built from the schemas' own examples. */
public final class TestEvents {

    private TestEvents() {
    }

    public static ObjectNode data(String type, Map<String, Object> fields) {
        return ContractEvents.data(type, fields);
    }

    public static String envelope(String type, String source, String subject, ObjectNode data) {
        return ContractEvents.envelope(type, source, subject, data);
    }

    public static String envelope(String id, String type, String source, String subject, ObjectNode data) {
        return ContractEvents.envelope(id, type, source, subject, data);
    }

    public static String triage(String type, String contactId, Map<String, Object> fields) {
        return envelope(type, "/mash/triage-service", contactId, data(type, fields));
    }

    public static String strategy(String type, String contactId, Map<String, Object> fields) {
        return envelope(type, "/mash/strategy-service", contactId, data(type, fields));
    }
}

package org.mash.platform.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The published contract is consistent: every event schema's example is a valid event of its type. */
class EventSchemasTests {

    static List<String> eventTypes() throws IOException {
        try (Stream<Path> files = Files.list(EventSchemas.schemasDir())) {
            return files.map(p -> p.getFileName().toString().replace(".json", ""))
                    .filter(name -> name.startsWith("mash."))
                    .sorted().toList();
        }
    }

    static String wrap(String type, ObjectNode data) {
        ObjectNode event = data.objectNode();
        event.put("specversion", "1.0").put("id", "e1").put("type", type).put("source", "/mash/test-service")
                .put("time", "2026-11-20T09:15:00Z").put("datacontenttype", "application/json");
        event.set("data", data);
        return event.toString();
    }

    @Test
    void everyExampleIsValidForItsOwnSchema() throws IOException {
        List<String> types = eventTypes();
        assertTrue(types.size() >= 8, "expected the catalogue's event types, found " + types);
        for (String type : types) {
            EventSchemas.assertValid(wrap(type, (ObjectNode) EventSchemas.example(type)));
        }
    }

    @Test
    void aMissingRequiredFieldIsCaught() {
        ObjectNode data = (ObjectNode) EventSchemas.example("mash.triage.decision-authorised.v1");
        data.remove("outcome");
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(wrap("mash.triage.decision-authorised.v1", data)));
    }

    @Test
    void unknownFieldsAreAllowedSoProducersCanAddOptionalOnes() {
        ObjectNode data = (ObjectNode) EventSchemas.example("mash.triage.case-opened.v1");
        data.put("someNewOptionalField", 1);
        EventSchemas.assertValid(wrap("mash.triage.case-opened.v1", data));
    }
}

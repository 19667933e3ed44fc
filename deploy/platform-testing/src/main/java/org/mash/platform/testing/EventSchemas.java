package org.mash.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The event contract as published in {@code docs/events/schemas}: one JSON Schema (2020-12) for the
 * CloudEvents envelope and one per event type, named after the type. Producer tests check what they emit;
 * consumer tests build their input from the schema's own example.
 */
public final class EventSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventSchemas() {
    }

    /** Fails with every schema violation if {@code eventJson} is not a valid envelope carrying valid data for its type. */
    public static JsonNode assertValid(String eventJson) {
        try {
            JsonNode event = MAPPER.readTree(eventJson);
            check("envelope", schema("cloudevent-envelope"), event);
            String type = event.path("type").asText();
            check(type, schema(type), event.path("data"));
            return event;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + eventJson, e);
        }
    }

    /** The first example in the schema of {@code type}: a document the producer promises is valid. */
    public static JsonNode example(String type) {
        JsonNode examples = read(schemaFile(type)).path("examples");
        if (!examples.isArray() || examples.isEmpty()) {
            throw new AssertionError("schema of " + type + " has no example");
        }
        return examples.get(0).deepCopy();
    }

    public static Path schemaFile(String name) {
        return schemasDir().resolve(name + ".json");
    }

    private static void check(String what, JsonSchema schema, JsonNode node) {
        Set<ValidationMessage> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            throw new AssertionError(what + " breaks its schema: " + errors + "\n" + node.toPrettyString());
        }
    }

    private static JsonSchema schema(String name) {
        return FACTORY.getSchema(read(schemaFile(name)));
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + file, e);
        }
    }

    /** {@code docs/events/schemas} of this checkout, found from the module's working directory upwards. */
    static Path schemasDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs").resolve("events").resolve("schemas");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/events/schemas not found above " + Path.of("").toAbsolutePath());
    }
}

package org.mash.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published event contract ({@code docs/events/schemas}, packaged into this jar under
 * {@value #RESOURCE_DIR}) as both sides read it: a producer checks what it is about to publish, a consumer checks
 * what it received, against the same JSON Schema. The limits a consumer's columns have (lengths after its own
 * normalisation, date ranges, no control characters) are written there once, so a producer cannot accept what a
 * consumer cannot store. Plain Java, thread-safe; schemas are compiled once.
 */
public final class EventContracts {

    public static final String RESOURCE_DIR = "mash/events/schemas/";
    /** The schema of the CloudEvents envelope every event travels in. */
    public static final String ENVELOPE = "cloudevent-envelope";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            // a schema may word a rule for people: "message": {"pattern": "must be a postcode: ..."}
            .errorMessageKeyword("message")
            .build();
    private static final Map<String, Optional<JsonSchema>> SCHEMAS = new ConcurrentHashMap<>();

    /** One rule of the contract a document breaks: where (a JSON path such as {@code $.child.firstName}), and why. */
    public record Violation(String path, String keyword, String message) {
    }

    private EventContracts() {
    }

    /** Whether this build carries a schema for the event type (a consumer skips types it has never heard of). */
    public static boolean knows(String type) {
        return schema(type).isPresent();
    }

    /** What in {@code data} breaks the schema of {@code type}, in document order; empty if valid or the type is unknown. */
    public static List<Violation> violations(String type, JsonNode data) {
        return schema(type).map(schema -> schema.validate(data == null ? MAPPER.nullNode() : data).stream()
                        .map(EventContracts::violation)
                        .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::keyword))
                        .toList())
                .orElse(List.of());
    }

    /** The violations of an object about to be published, serialised as the event would be. */
    public static List<Violation> violations(String type, Object data) {
        return violations(type, CloudEvent.toTree(data));
    }

    /** The schema document of a type as published, for tests and tools that read its limits. */
    public static Optional<JsonNode> document(String type) {
        try (InputStream in = resource(type)) {
            return in == null ? Optional.empty() : Optional.of(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema of " + type, e);
        }
    }

    private static Violation violation(ValidationMessage m) {
        String path = m.getInstanceLocation() == null ? "$" : m.getInstanceLocation().toString();
        String message = m.getError() != null ? m.getError() : m.getMessage();
        if (message.startsWith(path + ": ")) {
            message = message.substring(path.length() + 2);
        }
        return new Violation(path, m.getType(), message);
    }

    private static Optional<JsonSchema> schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> document(t).map(doc -> FACTORY.getSchema(doc, CONFIG)));
    }

    private static InputStream resource(String type) {
        if (type == null || !type.matches("[a-z0-9.-]{1,200}")) {
            return null;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(RESOURCE_DIR + type + ".json");
        return in != null ? in : EventContracts.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + type + ".json");
    }
}

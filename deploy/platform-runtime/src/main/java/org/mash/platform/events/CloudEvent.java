package org.mash.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the Kafka record value is this whole envelope
 * ({@code content-type: application/cloudevents+json}). The {@code correlationid} extension carries the
 * correlation id of the request that caused the event.
 *
 * <p>Event data is parsed leniently: consumers ignore fields they do not know, so producers can add
 * optional fields without breaking them (see docs/events.md, "Versioning").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String dataschema,
        String correlationid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }

    /** A new event with a fresh id; {@code type} ends in its major version, e.g. {@code mash.contacts.contact-received.v1}. */
    public static CloudEvent create(String type, String source, String subject, OffsetDateTime time,
                                    Object data, String correlationId) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), type, source, subject, time,
                "application/json", schemaOf(type), correlationId, MAPPER.valueToTree(data));
    }

    /** Event data as the JSON tree it is published as (dates as ISO 8601 text). */
    public static JsonNode toTree(Object data) {
        return MAPPER.valueToTree(data);
    }

    /** The schema id of an event type; the schema itself is {@code docs/events/schemas/<type>.json}. */
    public static String schemaOf(String type) {
        return "urn:mash:schema:" + type;
    }

    /** The record value as a JSON tree, for checking against the envelope's schema before it is read. */
    public static JsonNode readTree(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new MalformedEventException("not a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** An envelope already read as a tree (see {@link #readTree}). */
    public static CloudEvent fromTree(JsonNode tree) {
        try {
            CloudEvent event = MAPPER.treeToValue(tree, CloudEvent.class);
            if (!SPEC_VERSION.equals(event.specversion())) {
                throw new MalformedEventException("unsupported specversion " + event.specversion());
            }
            return event;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not a CloudEvents 1.0 JSON event: " + e.getMessage(), e);
        }
    }

    public static CloudEvent parse(String json) {
        try {
            CloudEvent event = MAPPER.readValue(json, CloudEvent.class);
            if (!SPEC_VERSION.equals(event.specversion())) {
                throw new MalformedEventException("unsupported specversion " + event.specversion());
            }
            return event;
        } catch (JsonProcessingException | NullPointerException e) {
            throw new MalformedEventException("not a CloudEvents 1.0 JSON event: " + e.getMessage(), e);
        }
    }

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data as the consumer's own type; unknown fields are ignored. */
    public <T> T dataAs(Class<T> type) {
        try {
            return MAPPER.treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("event " + id + " of type " + this.type + " has invalid data: " + e.getMessage(), e);
        }
    }
}

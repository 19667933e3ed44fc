package org.mash.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The limits an event schema puts on its strings (maxLength, pattern), read from the published schema itself, with
 * the values that test them: the longest valid value, made of the characters that grow most under a consumer's
 * normalisation ("İ" lower-cases to two characters, "ß" upper-cases to two), and one character more. A producer test
 * proves each limit is refused at the door; a consumer test proves each value at the limit is stored. Both read the
 * same schema, so the two sides cannot drift apart.
 */
public final class ContractLimits {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Tried in order: the first whose repetition the field's pattern accepts is used. */
    private static final List<String> WORST_FIRST = List.of("İß", "Aa9 ", "A", "a", "1");

    private ContractLimits() {
    }

    /** A string field with a limit: where it is ({@code child.address.postcode}, {@code household[0].notes}), and the limit. */
    public record Leaf(String path, Integer maxLength, String pattern, String format) {

        /** The longest value the schema accepts, of the characters that grow most when normalised. */
        public String worst() {
            if ("date".equals(format)) {
                return "1900-01-01";
            }
            // the longest the schema allows: maxLength, else the longest the pattern takes (up to 100)
            for (int length = maxLength != null ? maxLength : 100; length > 0; length--) {
                for (String chars : WORST_FIRST) {
                    String value = repeat(chars, length);
                    if (pattern == null || Pattern.compile(pattern).matcher(value).find()) {
                        return value;
                    }
                }
                if (maxLength != null) {
                    break;
                }
            }
            throw new IllegalStateException("no value of length " + maxLength + " matches " + pattern + " at " + path);
        }

        /**
         * One character longer than {@link #worst()}: refused by the maxLength, or by a pattern that bounds the length
         * ({@code ^[A-Za-z0-9 ]{1,10}$}); null for a field whose length has no limit (a date).
         */
        public String overLimit() {
            if ("date".equals(format)) {
                return null;
            }
            String worst = worst();
            String longer = worst + worst.charAt(worst.length() - 1);
            if (maxLength != null || pattern != null && !Pattern.compile(pattern).matcher(longer).find()) {
                return longer;
            }
            return null;
        }

        /** A value with a NUL in it: refused by every text field that has a pattern. */
        public String withNul() {
            return "a\u0000b";
        }

        /** Sets this field of {@code document} (arrays: item 0) to {@code value}. */
        public void set(ObjectNode document, String value) {
            String[] parts = path.replace("[0]", ".[0]").split("\\.");
            JsonNode node = document;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode next = parts[i].equals("[0]") ? node.get(0) : node.get(parts[i]);
                if ((next == null || next.isNull()) && node instanceof ObjectNode parent) {
                    next = parent.putObject(parts[i]);
                }
                node = next;
            }
            String last = parts[parts.length - 1];
            if (last.equals("[0]")) {
                ((ArrayNode) node).set(0, MAPPER.getNodeFactory().textNode(value));
            } else {
                ((ObjectNode) node).put(last, value);
            }
        }
    }

    /**
     * The schema's example with every limited string at its worst ({@link Leaf#worst()}) and every array filled to
     * its maxItems: the largest event the contract allows, for a consumer to prove it stores.
     */
    public static ObjectNode largestExample(String type) {
        try {
            JsonNode schema = MAPPER.readTree(Files.readString(EventSchemas.schemaFile(type)));
            ObjectNode example = (ObjectNode) schema.get("examples").get(0).deepCopy();
            fill(schema, example);
            for (Leaf leaf : of(type)) {
                if (leaf.path().contains("[0]")) {
                    setEveryItem(example, leaf);
                } else if (!"date".equals(leaf.format()) || exists(example, leaf.path())) {
                    leaf.set(example, leaf.worst());
                }
            }
            return example;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Arrays filled to maxItems with copies of their first item; absent objects and arrays of the schema created. */
    private static void fill(JsonNode schema, JsonNode document) {
        if (!(document instanceof ObjectNode object) || !schema.has("properties")) {
            return;
        }
        schema.get("properties").fields().forEachRemaining(p -> {
            JsonNode value = object.get(p.getKey());
            JsonNode property = p.getValue();
            if (value instanceof ArrayNode array && property.has("maxItems") && !array.isEmpty()) {
                while (array.size() < property.get("maxItems").asInt()) {
                    array.add(array.get(0).deepCopy());
                }
                array.forEach(item -> fill(property.get("items"), item));
            } else if (value instanceof ArrayNode array && property.has("items")) {
                array.forEach(item -> fill(property.get("items"), item));
            } else if (value instanceof ObjectNode) {
                fill(property, value);
            }
        });
    }

    private static void setEveryItem(ObjectNode document, Leaf leaf) {
        String arrayPath = leaf.path().substring(0, leaf.path().indexOf("[0]"));
        String rest = leaf.path().substring(leaf.path().indexOf("[0]") + 3);
        JsonNode array = document;
        for (String part : arrayPath.split("\\.")) {
            array = array == null ? null : array.get(part);
        }
        if (!(array instanceof ArrayNode items)) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (rest.isEmpty()) {
                items.set(i, MAPPER.getNodeFactory().textNode(leaf.worst()));
            } else if (items.get(i) instanceof ObjectNode item && (exists(item, rest.substring(1)) || !"date".equals(leaf.format()))) {
                new Leaf(rest.substring(1), leaf.maxLength(), leaf.pattern(), leaf.format()).set(item, leaf.worst());
            }
        }
    }

    private static boolean exists(JsonNode document, String path) {
        JsonNode node = document;
        for (String part : path.split("\\.")) {
            if (node == null || node.get(part) == null || node.get(part).isNull()) {
                return false;
            }
            node = node.get(part);
        }
        return true;
    }

    /** Every string of the event type's schema that has a maxLength or a pattern, in document order. */
    public static List<Leaf> of(String type) {
        try {
            JsonNode schema = MAPPER.readTree(Files.readString(EventSchemas.schemaFile(type)));
            List<Leaf> leaves = new ArrayList<>();
            walk(schema, "", leaves);
            return leaves;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void walk(JsonNode node, String path, List<Leaf> leaves) {
        if (node.has("properties")) {
            node.get("properties").fields().forEachRemaining(p -> walk(p.getValue(), path.isEmpty() ? p.getKey() : path + "." + p.getKey(), leaves));
            return;
        }
        if (node.has("items")) {
            walk(node.get("items"), path + "[0]", leaves);
            return;
        }
        if (isString(node.get("type")) && (node.has("maxLength") || node.has("pattern")
                || "date".equals(node.path("format").asText()))) {
            leaves.add(new Leaf(path, node.has("maxLength") ? node.get("maxLength").asInt() : null,
                    node.has("pattern") ? node.get("pattern").asText() : null,
                    node.has("format") ? node.get("format").asText() : null));
        }
    }

    private static boolean isString(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("string".equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return "string".equals(type.asText());
    }

    private static String repeat(String chars, int length) {
        StringBuilder value = new StringBuilder(length);
        while (value.length() < length) {
            value.append(chars.charAt(value.length() % chars.length()));
        }
        return value.toString();
    }
}

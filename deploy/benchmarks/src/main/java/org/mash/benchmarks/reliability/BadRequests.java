package org.mash.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generates bad requests for every operation of a service's OpenAPI document: a plausible request built from the
 * operation's own schema, then broken one way (a wrong type, a missing or an unknown field, a huge, empty or oddly
 * encoded value, a boundary number or date, a malformed id, a body that is not JSON, the wrong content type, no
 * token or a forged one). Values come from jqwik's generators (odd Unicode, boundary numbers), seeded, so a run can
 * be repeated exactly.
 */
final class BadRequests {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A request to send, and what was done to it. */
    record Request(OpenApiOperations.Operation operation, String method, String url, String contentType, String body, String token,
                   String user, String mutation) {
    }

    private final Random random;
    /** Per operation, the users it let past its role check. */
    private final Map<String, Set<String>> allowed = new java.util.HashMap<>();
    private final Map<String, String> tokens;
    private final List<String> knownIds;
    private final List<Arbitrary<String>> oddText;
    private final Arbitrary<Object> boundaryNumbers;

    BadRequests(long seed, Map<String, String> tokens, List<String> knownIds) {
        this.random = new Random(seed);
        // jqwik's own draws (sample()) come from this thread's source of randomness: seeded, the run repeats exactly
        net.jqwik.engine.SourceOfRandomness.create(String.valueOf(seed));
        this.tokens = tokens;
        this.knownIds = knownIds;
        this.oddText = List.of(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5).map(s -> "a" + s + "b"),
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMinLength(1).ofMaxLength(3),
                Arbitraries.of("ßßßßßßßßßßßß", "İİİİİİİİİİİİ", "\u202Eevil", "Z\u0351\u0352\u0353algo", "😀😀😀", "'; drop table contact; --",
                        "<script>alert(1)</script>", "../../etc/passwd", "%00", "\\u0000", "null", "true", "1e309", ""),
                Arbitraries.strings().alpha().ofLength(300_000),
                Arbitraries.strings().withChars('x').ofMinLength(1_000).ofMaxLength(20_000));
        this.boundaryNumbers = Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0,
                2147483648L, 1e308, -1e308, 0.5, "NaN", "Infinity", "12abc", "");
    }

    /** One value; jqwik draws it from its thread's source of randomness, seeded in the constructor. */
    private <T> T sample(Arbitrary<T> arbitrary) {
        return arbitrary.sample();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String oddValue() {
        return sample(pick(oddText));
    }

    Object boundaryNumber() {
        return sample(boundaryNumbers);
    }

    String boundaryDate() {
        return pick(List.of("-999999999-01-01", "+999999999-12-31", "0000-00-00", "2026-02-30", "1899-12-31", "9999-12-31",
                "2026-13-01", "2026-1-1", "yesterday", "+6000000-01-01", "2026-W99", "FY2026-99", "2026-Q5"));
    }

    /** A bad request for {@code operation}: a plausible one broken in one way, chosen at random. */
    Request next(OpenApiOperations.Operation operation) {
        // mostly a user the operation lets in (learnt from earlier answers), so the break is met by the checks
        // behind the role check, not by the role check alone
        List<String> welcome = new ArrayList<>(allowed.getOrDefault(operation.name(), Set.of()));
        String user = !welcome.isEmpty() && random.nextInt(10) < 8 ? pick(welcome) : pick(new ArrayList<>(tokens.keySet()));
        String token = tokens.get(user);
        Map<String, String> path = new java.util.LinkedHashMap<>();
        Map<String, String> query = new java.util.LinkedHashMap<>();
        for (JsonNode parameter : operation.parameters()) {
            String value = plausibleParameter(parameter);
            if ("path".equals(parameter.path("in").asText())) {
                path.put(parameter.path("name").asText(), value);
            } else if ("query".equals(parameter.path("in").asText()) && random.nextBoolean()) {
                query.put(parameter.path("name").asText(), value);
            }
        }
        JsonNode body = operation.bodySchema() == null ? null : plausible(OpenApiOperations.resolve(operation.bodySchema(), operation), operation, 0);
        String contentType = "application/json";
        String rawBody = body == null ? null : body.toString();
        String mutation;
        List<String> kinds = new ArrayList<>(List.of("path-param", "query-param", "no-token", "forged-token", "query-param"));
        if (body != null) {
            kinds.addAll(List.of("wrong-type", "missing-field", "unknown-field", "odd-text", "boundary-number",
                    "boundary-date", "not-json", "empty-body", "array-body", "deep-nesting", "wrong-content-type",
                    "odd-text", "wrong-type", "odd-text"));
        }
        if (path.isEmpty()) {
            kinds.remove("path-param");
        }
        String kind = pick(kinds);
        switch (kind) {
            case "path-param" -> {
                String name = pick(new ArrayList<>(path.keySet()));
                path.put(name, pick(List.of(oddValue(), "not-a-uuid", UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000",
                        UUID.randomUUID() + "x", "-1", String.valueOf(boundaryNumber()))));
                mutation = kind + ":" + name;
            }
            case "query-param" -> {
                List<JsonNode> queryParameters = operation.parameters().stream()
                        .filter(p -> "query".equals(p.path("in").asText())).toList();
                if (queryParameters.isEmpty()) {
                    query.put("unexpected", oddValue());
                    mutation = kind + ":unexpected";
                } else {
                    String name = pick(queryParameters).path("name").asText();
                    query.put(name, pick(List.of(oddValue(), String.valueOf(boundaryNumber()), boundaryDate(), "maybe")));
                    mutation = kind + ":" + name;
                }
            }
            case "no-token" -> {
                token = null;
                user = null;
                mutation = kind;
            }
            case "forged-token" -> {
                token = pick(List.of("garbage", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", forge(pick(new ArrayList<>(tokens.values())))));
                user = null;
                mutation = kind;
            }
            case "not-json" -> {
                rawBody = pick(List.of("{\"unterminated\": ", "<xml/>", "plain text", "{'single': 'quotes'}", "\u0000"));
                mutation = kind;
            }
            case "empty-body" -> {
                rawBody = random.nextBoolean() ? "" : "{}";
                mutation = kind;
            }
            case "array-body" -> {
                rawBody = "[" + rawBody + "]";
                mutation = kind;
            }
            case "deep-nesting" -> {
                rawBody = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
                mutation = kind;
            }
            case "wrong-content-type" -> {
                contentType = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=latin1"));
                mutation = kind + ":" + contentType;
            }
            default -> {
                List<String[]> fields = new ArrayList<>();
                leaves(body, "", fields);
                if (fields.isEmpty() && !kind.equals("unknown-field")) {
                    kind = "unknown-field";
                }
                mutation = kind;
                ObjectNode root = body.isObject() ? (ObjectNode) body : null;
                switch (kind) {
                    case "unknown-field" -> {
                        if (root != null) {
                            root.put("fieldNobodyKnows" + random.nextInt(100), oddValue());
                        }
                    }
                    case "missing-field" -> {
                        String[] field = pick(fields);
                        remove(body, field[0]);
                        mutation += ":" + field[0];
                    }
                    default -> {
                        String[] field = pick(fields);
                        JsonNode value = switch (kind) {
                            case "wrong-type" -> otherType(body.at(field[0]));
                            case "boundary-number" -> JSON.valueToTree(boundaryNumber());
                            case "boundary-date" -> NODES.textNode(boundaryDate());
                            default -> NODES.textNode(oddValue());
                        };
                        replace(body, field[0], value);
                        mutation += ":" + field[0];
                    }
                }
                rawBody = body.toString();
            }
        }
        String url = operation.baseUrl() + expand(operation.path(), path) + queryString(query);
        return new Request(operation, operation.method(), url, contentType, operation.writes() ? rawBody : null, token, user,
                mutation);
    }

    /** What an answer says of the user: anything but 401/403 means the operation lets them in. */
    void answered(Request request, int status) {
        if (request.user() != null && status != 401 && status != 403 && status > 0) {
            allowed.computeIfAbsent(request.operation().name(), k -> new java.util.HashSet<>()).add(request.user());
        }
    }

    /** A value of another JSON type than {@code current}'s (a number for a text, a text for a number...). */
    private JsonNode otherType(JsonNode current) {
        List<JsonNode> others = new ArrayList<>(List.of(NODES.numberNode(42), NODES.booleanNode(true), NODES.objectNode(),
                NODES.arrayNode(), NODES.textNode("text")));
        others.removeIf(candidate -> candidate.getNodeType() == current.getNodeType());
        return pick(others);
    }

    /** A token with its payload changed and its signature kept: a forgery. */
    private static String forge(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 3) {
            return token + "x";
        }
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"preferred_username\":\"", "\"preferred_username\":\"forged-");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private String plausibleParameter(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        if ("uuid".equals(schema.path("format").asText()) || parameter.path("name").asText().toLowerCase().endsWith("id")) {
            return knownIds.isEmpty() ? UUID.randomUUID().toString() : pick(knownIds);
        }
        return scalar(schema, parameter.path("name").asText()).asText();
    }

    private JsonNode plausible(JsonNode schema, OpenApiOperations.Operation operation, int depth) {
        schema = OpenApiOperations.resolve(schema, operation);
        if (depth > 6) {
            return NODES.nullNode();
        }
        String type = OpenApiOperations.type(schema);
        if ("object".equals(type) || schema.has("properties")) {
            ObjectNode object = NODES.objectNode();
            schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), plausible(p.getValue(), operation, depth + 1)));
            return object;
        }
        if ("array".equals(type)) {
            ArrayNode array = NODES.arrayNode();
            array.add(plausible(schema.path("items"), operation, depth + 1));
            return array;
        }
        return scalar(schema, "");
    }

    private JsonNode scalar(JsonNode schema, String name) {
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String format = schema.path("format").asText();
        return switch (OpenApiOperations.type(schema)) {
            case "integer", "number" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> switch (format) {
                case "date" -> NODES.textNode(LocalDate.now().minusYears(5).toString());
                case "date-time" -> NODES.textNode(OffsetDateTime.now().toString());
                case "uuid" -> NODES.textNode(knownIds.isEmpty() ? UUID.randomUUID().toString() : pick(knownIds));
                default -> NODES.textNode(name.equals("period") ? "FY2026-27" : "plausible text");
            };
        };
    }

    /** Paths of every scalar in a document, e.g. {@code /children/0/firstName}. */
    private static void leaves(JsonNode node, String path, List<String[]> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.add(new String[] {path + "/" + f.getKey()});
                leaves(f.getValue(), path + "/" + f.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "/" + i, out);
            }
        }
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash <= 0 ? root : root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash <= 0 ? root : root.at(pointer.substring(0, slash));
        if (parent instanceof ObjectNode object) {
            object.remove(pointer.substring(slash + 1));
        }
    }

    private static String expand(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder("?");
        query.forEach((k, v) -> q.append(q.length() > 1 ? "&" : "").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }
}

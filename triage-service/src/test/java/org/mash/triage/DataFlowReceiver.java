package org.mash.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A stand-in for the department's data flow receiver (returns.md section 2), on a port of its own: an OAuth 2.0 token
 * endpoint taking the client credentials grant as a form POST, and {@code POST /children_social_care_data/204/children}
 * that checks what the department checks of the shape (an array of at most 100 records; ids of at most 36 letters,
 * digits, {@code _} and {@code -}; dates {@code YYYY-MM-DD}; flags and {@code purge} booleans; no empty values; the
 * bearer token it issued and the subscription key) and answers each record with a receipt, or 400 naming the failing
 * index. A test can make the next calls fail with a status, and reads what was accepted.
 */
public class DataFlowReceiver implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "mash-test-client";
    public static final String CLIENT_SECRET = "test-only-client-secret";
    public static final String SUPPLIER_KEY = "test-only-supplier-key";
    /** Every record accepted, in order, as JSON. */
    public static final List<JsonNode> ACCEPTED = new CopyOnWriteArrayList<>();
    /** Every call's answer status, in order. */
    public static final List<Integer> ANSWERS = new CopyOnWriteArrayList<>();
    public static final AtomicInteger TOKENS_ISSUED = new AtomicInteger();
    private static final List<Integer> FAIL_NEXT = Collections.synchronizedList(new ArrayList<>());
    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private HttpServer server;

    /** The next calls of records answer these statuses, in turn (before any check). */
    public static void failNext(Integer... statuses) {
        FAIL_NEXT.addAll(List.of(statuses));
    }

    /** The records accepted for this child, in order. */
    public static List<JsonNode> acceptedFor(String laChildId) {
        return ACCEPTED.stream().filter(r -> laChildId.equals(r.path("la_child_id").asText())).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", this::token);
        server.createContext("/children_social_care_data/", this::children);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        config.put("mash.triage.data-flow.enabled", "true");
        config.put("mash.triage.data-flow.base-url", base);
        config.put("mash.triage.data-flow.token-url", base + "/token");
        config.put("mash.triage.data-flow.client-id", CLIENT_ID);
        config.put("mash.triage.data-flow.client-secret", CLIENT_SECRET);
        config.put("mash.triage.data-flow.scope", "csc-data");
        config.put("mash.triage.data-flow.supplier-key", SUPPLIER_KEY);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !"client_credentials".equals(form.get("grant_type"))
                || !CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))
                || !"csc-data".equals(form.get("scope"))) {
            answer(exchange, 401, "{\"error\": \"invalid_client\"}");
            return;
        }
        String token = "token-" + TOKENS_ISSUED.incrementAndGet();
        ISSUED.add(token);
        answer(exchange, 200, "{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}");
    }

    private void children(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Integer fail = FAIL_NEXT.isEmpty() ? null : FAIL_NEXT.remove(0);
        if (fail != null) {
            ANSWERS.add(fail);
            answer(exchange, fail, "{\"error\": \"made to fail by the test\"}");
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().equals("/children_social_care_data/204/children")
                || auth == null || !auth.startsWith("Bearer ") || !ISSUED.contains(auth.substring(7))
                || !SUPPLIER_KEY.equals(exchange.getRequestHeaders().getFirst("SupplierKey"))
                || !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            ANSWERS.add(401);
            answer(exchange, 401, "{\"error\": \"not authorised\"}");
            return;
        }
        JsonNode records = JSON.readTree(body);
        List<String> failing = new ArrayList<>();
        if (!records.isArray() || records.size() == 0 || records.size() > 100) {
            failing.add("the body is an array of 1 to 100 records");
        } else {
            for (int i = 0; i < records.size(); i++) {
                String why = problem(records.get(i));
                if (why != null) {
                    failing.add("[" + i + "] " + why);
                }
            }
        }
        if (!failing.isEmpty()) {
            ANSWERS.add(400);
            answer(exchange, 400, JSON.writeValueAsString(failing));
            return;
        }
        List<String> receipts = new ArrayList<>();
        String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH:mm:ss"));
        records.forEach(r -> {
            ACCEPTED.add(r);
            receipts.add(now + "_" + UUID.randomUUID());
        });
        ANSWERS.add(200);
        answer(exchange, 200, JSON.writeValueAsString(receipts));
    }

    /** What is wrong with a record's shape, or null. */
    static String problem(JsonNode record) {
        if (!record.path("la_child_id").isTextual() || !ID.matcher(record.path("la_child_id").asText()).matches()
                || !record.path("mis_child_id").isTextual() || !record.path("purge").isBoolean()) {
            return "la_child_id, mis_child_id and purge are required";
        }
        if (!record.path("purge").asBoolean()) {
            JsonNode details = record.path("child_details");
            if (!details.isObject() || !details.path("purge").isBoolean()) {
                return "child_details with purge are required";
            }
        }
        return walk(record, "");
    }

    private static String walk(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String key = f.getKey();
                JsonNode v = f.getValue();
                String at = path + "." + key;
                if (v.isNull() || (v.isTextual() && v.asText().isEmpty()) || (v.isArray() && v.isEmpty())) {
                    return at + " is empty: leave it out";
                }
                if (key.endsWith("_id") && (!v.isTextual() || !ID.matcher(v.asText()).matches())) {
                    return at + " is not an id";
                }
                if ((key.endsWith("_date") || key.equals("date_of_birth")) && (!v.isTextual() || !DATE.matcher(v.asText()).matches()
                        || !valid(v.asText()))) {
                    return at + " is not a date";
                }
                if ((key.endsWith("_flag") || key.equals("purge")) && !v.isBoolean()) {
                    return at + " is not a boolean";
                }
                String inner = walk(v, at);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String inner = walk(node.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static boolean valid(String date) {
        try {
            LocalDate.parse(date);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

package org.mash.platform.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The access matrix as a test: every operation of a service's OpenAPI document is called as every role, and its
 * answer compared with the one table kept in {@code docs/access-matrix.md} ({@code yes}: the role passes the gate, so
 * the answer is the operation's own, 2xx, 400 or 404; {@code 403}: refused). An operation without a row fails the
 * test, so a new endpoint cannot be added without deciding who may call it; a row without an operation fails too.
 * The column {@code another agency} says {@code 404} where a record of one agency answers 404 to a caller of
 * another agency with the same role ({@code 403} where the record is visible but not theirs to change): each such row
 * needs a fixture, a real record, proving it; {@code -} where the operation is not about one agency's record.
 */
public final class AccessMatrix {

    /** The realm's roles, each called with a token holding that role alone. */
    public static final List<String> ROLES = List.of("referrer", "integration-admin", "mash-practitioner", "mash-manager",
            "partner-officer", "strategy-participant", "analyst", "mash-operator", "returns-officer");

    /**
     * What a {@code 404} row of the {@code another agency} column is proven with: one real record of one agency, the
     * request on it (a JSON body for a write, or null), a caller of its agency (answered 2xx) and a caller of another
     * agency with the same role (answered 404).
     */
    public record Fixture(String path, String body, RequestSpecification owner, RequestSpecification anotherAgency) {

        public static Fixture get(String path, RequestSpecification owner, RequestSpecification anotherAgency) {
            return new Fixture(path, null, owner, anotherAgency);
        }
    }

    record Row(String method, String path, Map<String, String> expected, String anotherAgency) {
        String key() {
            return method + " " + path;
        }
    }

    private AccessMatrix() {
    }

    /** The agency a role's caller acts for in the matrix (partner agencies for partners, the hub for its staff). */
    static String agencyOf(String role) {
        return switch (role) {
            case "referrer", "integration-admin", "partner-officer" -> "police";
            case "strategy-participant" -> "health";
            default -> "mash";
        };
    }

    /**
     * Checks the service under test against its section of the matrix. {@code notCalledWhenAllowed}: operations that
     * act on everything at once (e.g. replay every dead letter), called only as the roles that must be refused; their
     * allowed roles are proven by their own tests. {@code fixtures}: per {@code "METHOD path"}, a record of one agency.
     */
    public static void verify(String service, Set<String> notCalledWhenAllowed, Map<String, Supplier<Fixture>> fixtures) {
        Map<String, Row> rows = rows(service);
        Map<String, String> operations = operations();
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add("docs/access-matrix.md has no rows under '## " + service + "'");
        }
        Map<String, String> observed = new TreeMap<>();
        for (Map.Entry<String, String> op : operations.entrySet()) {
            String key = op.getKey();
            Row row = rows.get(key);
            StringBuilder line = new StringBuilder("| " + key.replace(" ", " | ") + " |");
            for (String role : ROLES) {
                boolean allowedByRow = row != null && "yes".equals(row.expected().get(role));
                if (notCalledWhenAllowed.contains(key) && (allowedByRow || row == null)) {
                    line.append(" yes |");
                    continue;
                }
                int status = call(key, role);
                String answer = status == 403 ? "403" : status == 401 ? "401" : "yes";
                line.append(' ').append(answer).append(" |");
                if (row != null && !answer.equals(row.expected().get(role))) {
                    problems.add(key + " as " + role + ": the matrix says " + row.expected().get(role) + ", the service answered "
                            + status);
                }
            }
            String another = row == null ? "-" : row.anotherAgency();
            line.append(' ').append(another).append(" |");
            observed.put(key, line.toString());
            if (row == null) {
                problems.add(key + " has no row in docs/access-matrix.md (" + service + "): decide who may call it");
            } else if (!"-".equals(another)) {
                Supplier<Fixture> fixture = fixtures.get(key);
                if (fixture == null) {
                    problems.add(key + ": the matrix says another agency gets " + another + ", but no fixture proves it");
                } else {
                    Fixture f = fixture.get();
                    String method = key.substring(0, key.indexOf(' '));
                    // another agency first: its refusal must change nothing the owner then does
                    int other = send(f.anotherAgency(), method, f).statusCode();
                    int own = send(f.owner(), method, f).statusCode();
                    if (own / 100 != 2 || !String.valueOf(other).equals(another)) {
                        problems.add(key + ": its own agency got " + own + " (2xx expected), another agency " + other
                                + " (" + another + " expected) for " + f.path());
                    }
                }
            }
        }
        rows.keySet().stream().filter(k -> !operations.containsKey(k)).forEach(k ->
                problems.add(k + " is in docs/access-matrix.md (" + service + ") but not in the service's OpenAPI document"));
        if (!problems.isEmpty()) {
            throw new AssertionError("the access matrix of " + service + " does not hold:\n  " + String.join("\n  ", problems)
                    + "\n\nwhat the service answers (with the matrix's 'another agency' column):\n"
                    + String.join("\n", observed.values()));
        }
    }

    private static io.restassured.response.Response send(RequestSpecification caller, String method, Fixture f) {
        RequestSpecification request = f.body() == null ? caller : caller.contentType(ContentType.JSON).body(f.body());
        return request.redirects().follow(false).request(method, f.path());
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    /** The status only: the body is never read, so a stream (Server-Sent Events) answers as any other operation. */
    private static int call(String key, String role) {
        String method = key.substring(0, key.indexOf(' '));
        String path = key.substring(key.indexOf(' ') + 1).replace("{agency}", "police")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        boolean withBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + path))
                .header("Authorization", "Bearer " + TestTokens.token("matrix." + role, agencyOf(role), role))
                .header("Content-Type", "application/json")
                // not JSON: a role that passes the gate is refused by the body (400), so nothing is changed
                .method(method, withBody ? java.net.http.HttpRequest.BodyPublishers.ofString("{")
                        : java.net.http.HttpRequest.BodyPublishers.noBody())
                .timeout(java.time.Duration.ofSeconds(60)).build();
        try {
            java.net.http.HttpResponse<java.io.InputStream> response = HTTP.send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new AssertionError(key + " as " + role + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(key + " as " + role + ": interrupted", e);
        }
    }

    /** "METHOD path" of every operation in the service's OpenAPI document. */
    static Map<String, String> operations() {
        String body = DemoUsers.manager().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Map<String, String> operations = new TreeMap<>();
        try {
            JsonNode paths = new ObjectMapper().readTree(body).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
                Map.Entry<String, JsonNode> path = p.next();
                for (Iterator<String> m = path.getValue().fieldNames(); m.hasNext(); ) {
                    String method = m.next();
                    if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                        operations.put(method.toUpperCase() + " " + path.getKey(), path.getKey());
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("the OpenAPI document is not JSON", e);
        }
        return operations;
    }

    /** The service's rows of docs/access-matrix.md (its section "## service"). */
    static Map<String, Row> rows(String service) {
        Path doc = locate();
        List<String> lines;
        try {
            lines = Files.readAllLines(doc);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + doc, e);
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        boolean inSection = false;
        List<String> header = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.substring(3).strip().equals(service);
                header = null;
                continue;
            }
            if (!inSection || !line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = List.of(line.substring(1, line.lastIndexOf('|')).split("\\|")).stream().map(String::strip)
                    .map(c -> c.replace("`", "")).toList();
            if (header == null) {
                header = cells;
                if (!header.subList(2, 2 + ROLES.size()).equals(ROLES)) {
                    throw new AssertionError("docs/access-matrix.md (" + service + "): the columns must be method, path, "
                            + ROLES + ", another agency");
                }
                continue;
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                expected.put(ROLES.get(i), cells.get(2 + i));
            }
            Row row = new Row(cells.get(0), cells.get(1), expected, cells.get(2 + ROLES.size()));
            rows.put(row.key(), row);
        }
        return rows;
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve("docs/access-matrix.md");
            if (Files.exists(doc)) {
                return doc;
            }
        }
        throw new AssertionError("docs/access-matrix.md not found above " + Path.of("").toAbsolutePath());
    }
}

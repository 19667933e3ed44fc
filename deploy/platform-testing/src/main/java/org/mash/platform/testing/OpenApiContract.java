package org.mash.platform.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a partner needs from a service's OpenAPI document to build against it without reading the code: a real version
 * and a server, and every operation under {@code /api/} documenting the errors it can answer, each as
 * {@code application/problem+json} with the shared {@code Problem} schema. A service's test calls
 * {@link #assertComplete()}; it fails naming every operation and response that falls short.
 */
public final class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiContract() {
    }

    /** Reads {@code /q/openapi} of the service under test and asserts it is complete. */
    public static JsonNode assertComplete() {
        // the document is for signed-in callers (platform-runtime's api-docs permission): any role will do
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(401);
        String body = DemoUsers.manager().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        try {
            JsonNode document = new ObjectMapper().readTree(body);
            List<String> gaps = gaps(document);
            if (!gaps.isEmpty()) {
                throw new AssertionError("the OpenAPI document falls short:\n  " + String.join("\n  ", gaps));
            }
            return document;
        } catch (java.io.IOException e) {
            throw new AssertionError("the OpenAPI document is not JSON", e);
        }
    }

    /** Every way the document falls short, empty if none. */
    public static List<String> gaps(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        String version = document.at("/info/version").asText("");
        if (!version.matches("\\d+\\.\\d+\\.\\d+") ) {
            gaps.add("info.version is '" + version + "', not a release number such as 1.1.0");
        }
        if (!document.path("servers").isArray() || document.path("servers").isEmpty()) {
            gaps.add("no servers");
        }
        if (document.at("/components/schemas/Problem").isMissingNode()) {
            gaps.add("no Problem schema in components");
        }
        boolean securedByDefault = document.path("security").isArray() && !document.path("security").isEmpty();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        int operations = 0;
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                operations++;
                check(method.getKey().toUpperCase() + " " + path.getKey(), path.getKey(), method.getKey(), method.getValue(),
                        securedByDefault, gaps);
            }
        }
        if (operations == 0) {
            gaps.add("no operations under /api/");
        }
        return gaps;
    }

    private static void check(String name, String path, String method, JsonNode operation, boolean securedByDefault,
                              List<String> gaps) {
        JsonNode responses = operation.path("responses");
        List<String> required = new ArrayList<>(List.of("503"));
        boolean secured = operation.has("security") ? !operation.path("security").isEmpty() : securedByDefault;
        if (secured) {
            required.addAll(List.of("401", "403"));
        }
        boolean body = operation.has("requestBody");
        if (body || (operation.path("parameters").isArray() && !operation.path("parameters").isEmpty())) {
            required.add("400");
        }
        if (path.contains("{")) {
            required.add("404");
        }
        if (body) {
            required.addAll(List.of("413", "415"));
        }
        for (String code : required) {
            if (!responses.has(code)) {
                gaps.add(name + " does not document " + code);
            }
        }
        boolean success = false;
        Iterator<Map.Entry<String, JsonNode>> all = responses.fields();
        while (all.hasNext()) {
            Map.Entry<String, JsonNode> response = all.next();
            String code = response.getKey();
            if (code.startsWith("2")) {
                success = true;
            }
            if (code.startsWith("4") || code.startsWith("5")) {
                JsonNode problem = response.getValue().at("/content/application~1problem+json");
                if (problem.isMissingNode()) {
                    gaps.add(name + " " + code + " is not documented as application/problem+json");
                } else if (!problem.at("/schema/$ref").asText("").endsWith("/Problem")) {
                    gaps.add(name + " " + code + " does not use the Problem schema");
                } else if (!problem.has("example") && !problem.has("examples")) {
                    gaps.add(name + " " + code + " has no example");
                }
            }
            if (response.getValue().path("description").asText("").isBlank()) {
                gaps.add(name + " " + code + " has no description");
            }
        }
        if (!success) {
            gaps.add(name + " documents no success response");
        }
    }
}

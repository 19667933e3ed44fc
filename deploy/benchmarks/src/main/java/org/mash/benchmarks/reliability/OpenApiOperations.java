package org.mash.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The operations of a service as its OpenAPI document (JSON, {@code /q/openapi?format=json}) describes them. */
final class OpenApiOperations {

    private OpenApiOperations() {
    }

    /** One operation of a service, from its OpenAPI document. */
    record Operation(String service, String baseUrl, String method, String path, List<JsonNode> parameters,
                     JsonNode bodySchema, JsonNode components) {
        boolean writes() {
            return !method.equals("GET");
        }

        String name() {
            return method + " " + path;
        }
    }

    /** Every operation of a service's OpenAPI document (JSON), with its parameters and request body schema. */
    static List<Operation> of(String service, String baseUrl, JsonNode openapi) {
        List<Operation> operations = new ArrayList<>();
        JsonNode components = openapi.path("components");
        openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase();
            if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                return;
            }
            List<JsonNode> parameters = new ArrayList<>();
            op.getValue().path("parameters").forEach(parameters::add);
            path.getValue().path("parameters").forEach(parameters::add);
            JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
            operations.add(new Operation(service, baseUrl, method, path.getKey(), parameters,
                    body.isMissingNode() ? null : body, components));
        }));
        return operations;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.asText("string");
    }

    static JsonNode resolve(JsonNode schema, Operation operation) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.get("$ref").asText();
            schema = operation.components().at(ref.replace("#/components", ""));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0), operation);
        }
        return schema;
    }
}

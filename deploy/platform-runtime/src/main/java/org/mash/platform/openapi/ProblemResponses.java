package org.mash.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every operation of every service documents the errors it can answer, each as {@code application/problem+json}
 * (RFC 9457) with the shared {@code Problem} schema and an example, so a partner can build from the document alone:
 * <ul>
 *   <li>every operation: {@code 503} (the database briefly out of reach: try again after {@code Retry-After});</li>
 *   <li>a secured operation: {@code 401} (no token or one that cannot be trusted, with why) and {@code 403};</li>
 *   <li>with parameters or a body: {@code 400} (which field, which rule);</li>
 *   <li>with an id in the path: {@code 404};</li>
 *   <li>with a body: {@code 413} and {@code 415};</li>
 *   <li>changing an existing record ({@code POST}/{@code PUT}/{@code DELETE} under an id): {@code 409}.</li>
 * </ul>
 * A response the operation declares itself keeps its description; it gets the problem content if it has none.
 * Runs at build time for every service ({@link OpenApiFilter}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    public static final String PROBLEM = "application/problem+json";
    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> document(path, method, operation, securedByDefault));
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation, boolean securedByDefault) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault;
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasId = path.contains("{");
        if (hasParameters || hasBody) {
            add(responses, 400, "Invalid request: a field or parameter breaks a rule; errors[] names each with the rule",
                    example(400, "Invalid request", "1 field(s) break a rule; see errors", path,
                            List.of(Map.of("field", "children[0].dateOfBirth", "rule", "past", "message", "must be in the past"))));
        }
        if (secured) {
            add(responses, 401, "No bearer token, or one that cannot be trusted (expired, another audience or issuer, a bad "
                            + "signature, not a JWT): the detail and the WWW-Authenticate header say which",
                    example(401, "Unauthorized", "the token has expired: get a new one", path,
                            List.of(Map.of("field", "Authorization", "rule", "invalid_token", "message", "the token has expired: get a new one"))));
            responses.getAPIResponse("401").addHeader("WWW-Authenticate", OASFactory.createHeader()
                    .description("Bearer realm=\"mash\", with error=\"invalid_token\" and error_description for a bad token (RFC 6750)")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            add(responses, 403, "Your role (or agency) does not allow this",
                    example(403, "Forbidden", "your role does not allow this", path, List.of()));
        }
        if (hasId) {
            add(responses, 404, "Nothing with this id, or nothing you may see (a malformed id says so)",
                    example(404, "Not Found", "there is nothing at " + path + " (or nothing you may see)", path, List.of()));
        }
        if (hasBody) {
            add(responses, 413, "The body is larger than the service takes",
                    example(413, "Payload Too Large", "the body may be at most 256 KB", path, List.of()));
            add(responses, 415, "The body is not sent as application/json",
                    example(415, "Unsupported Media Type", "send the body as application/json (Content-Type: application/json)", path, List.of()));
        }
        if (hasId && method != PathItem.HttpMethod.GET) {
            add(responses, 409, "The record changed meanwhile, or the action does not fit its state (the detail says which)",
                    example(409, "Conflict", "the case is decided", path, List.of()));
        }
        add(responses, 503, "The database is briefly out of reach; nothing was changed: try again after Retry-After seconds",
                example(503, "Service Unavailable", "the service is briefly unavailable; try again", path, List.of()));
        responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader()
                .description("seconds to wait before trying again").schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        // every error the operation declared itself is a problem too
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                ensureProblemContent(response, Integer.parseInt(code), path);
            }
        });
    }

    private static void add(APIResponses responses, int status, String description, Map<String, Object> example) {
        String code = String.valueOf(status);
        APIResponse existing = responses.getAPIResponse(code);
        if (existing == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problemContent(example)));
        } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                || existing.getContent().getMediaTypes().isEmpty()) {
            existing.content(problemContent(example));
        }
    }

    private static void ensureProblemContent(APIResponse response, int status, String path) {
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()
                || !content.getMediaTypes().containsKey(PROBLEM)) {
            response.content(problemContent(example(status, reason(status), response.getDescription(), path, List.of())));
        }
    }

    private static Content problemContent(Map<String, Object> example) {
        MediaType type = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + SCHEMA))
                .example(example);
        return OASFactory.createContent().addMediaType(PROBLEM, type);
    }

    private static Map<String, Object> example(int status, String title, String detail, String path, List<Map<String, String>> errors) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", path);
        if (!errors.isEmpty()) {
            example.put("errors", errors);
        }
        return example;
    }

    private static String reason(int status) {
        jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One rule broken by one field")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("JSON path in the request body (children[0].dateOfBirth), a parameter or header name, or empty for the body itself"))
                .addProperty("rule", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("the rule, e.g. required, max-length, one-of, invalid_token"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("what is wrong, for a person"))
                .required(List.of("field", "rule", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, answered as application/problem+json for every error")
                .addProperty("type", string.description("about:blank"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("the status's reason phrase"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description("the HTTP status"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("what happened and what to do"))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("the path of the request"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("each field that breaks a rule (on 400, 401, 422)"))
                .required(List.of("title", "status"));
    }
}

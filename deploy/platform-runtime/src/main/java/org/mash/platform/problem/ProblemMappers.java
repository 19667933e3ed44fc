package org.mash.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error a client can cause answers as {@code application/problem+json}, naming the field and the rule. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        return problemOf(e).at(uri.getPath()).toResponse();
    }

    /** The one conversion of broken constraints into a problem, for the API and the pages' forms alike. */
    public static Problem problemOf(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> isMissingBody(v)
                        ? new Problem.FieldError("", "required", "a JSON body is required (Content-Type: application/json)")
                        : new Problem.FieldError(fieldPath(v), rule(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return ProblemException.invalid(errors).problem();
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class,
            UnrecognizedPropertyException.class, InvalidFormatException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? jsonPath(m.getPath()) : "";
        String rule;
        String message;
        if (e instanceof SafeTextModule.UnsafeTextException) {
            rule = SafeText.RULE;
            message = SafeText.MESSAGE;
        } else if (e instanceof UnrecognizedPropertyException u) {
            rule = "unknown-field";
            message = "unknown field '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f) {
            rule = f.getTargetType() != null && f.getTargetType().isEnum() ? "one-of" : "format";
            message = "'" + f.getValue() + "' is not a valid " + (f.getTargetType() == null ? "value"
                    : f.getTargetType().isEnum() ? "value: use one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants())
                    : f.getTargetType().getSimpleName());
        } else if (e instanceof MismatchedInputException) {
            rule = "type";
            message = "wrong JSON type for this field";
        } else {
            rule = "json";
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            message = "the body is not well-formed JSON" + (at == null || at.getLineNr() < 1 ? "" : " at line "
                    + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage();
        }
        return Problem.of(400, "Invalid request", "the request body could not be read",
                List.of(new Problem.FieldError(field, rule, message))).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public io.smallrye.mutiny.Uni<Response> forbidden(ForbiddenException e, UriInfo uri) {
        return org.mash.platform.security.AgencyCheck.refusalOfCurrentCaller().map(refused -> Problem.of(403, "Forbidden",
                refused != null ? refused : "your role does not allow this", List.of()).at(uri.getPath()).toResponse());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        JsonProcessingException unreadable = cause(e, JsonProcessingException.class);
        if (status == 400 && unreadable != null) {
            return unreadableJson(unreadable, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        Response problem = Problem.of(status, known != null ? known.getReasonPhrase() : "Error", detail(e, status, uri), List.of())
                .at(uri.getPath()).toResponse();
        String allow = original.getHeaderString("Allow");
        return allow == null ? problem : Response.fromResponse(problem).header("Allow", allow).build();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** What a client can act on: the id that is not one, the resource that does not exist, the types accepted. */
    static String detail(WebApplicationException e, int status, UriInfo uri) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof IllegalArgumentException && message.startsWith("Invalid UUID string: ")) {
                return "'" + message.substring("Invalid UUID string: ".length()) + "' is not an id of this service "
                        + "(ids are UUIDs such as 0b6f4f7e-3b8e-4a8c-9a36-0c7e1fd3f2a4)";
            }
            if (t instanceof IllegalArgumentException || t instanceof java.time.format.DateTimeParseException) {
                return "a path or query parameter is not valid: " + message;
            }
        }
        return switch (status) {
            case 404 -> "there is nothing at " + uri.getPath() + " (or nothing you may see)";
            case 405 -> "this method is not allowed here; the Allow header lists those that are";
            case 406 -> "this resource answers application/json (or text/csv, text/event-stream where documented); "
                    + "ask for one of those in Accept";
            case 415 -> "send the body as application/json (Content-Type: application/json)";
            case 400 -> "the request could not be read: check that the body is JSON (Content-Type: application/json) "
                    + "and that every parameter has the type the API documents";
            default -> e.getMessage();
        };
    }

    /**
     * The field a violation is about: the property path inside the body, or, for a constraint on a query or path
     * parameter itself (e.g. {@code @Max} on {@code page}), the parameter's name (compiled with -parameters).
     */
    static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getIndex() != null && path.length() > 0) {
                path.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && path.length() > 0) {
                path.append('[').append(node.getKey()).append(']'); // a map's entry, e.g. children[<contact id>]
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        return path.length() == 0 && parameter != null ? parameter : path.toString();
    }

    /**
     * A constraint on the request body itself (a {@code @NotNull} body parameter with no body sent): its Java name
     * means nothing to a client, so the problem names the body. A parameter without a JAX-RS annotation is the body.
     */
    static boolean isMissingBody(ConstraintViolation<?> violation) {
        Path.MethodNode method = null;
        Path.ParameterNode parameter = null;
        int nodes = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            nodes++;
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.as(Path.ParameterNode.class);
            }
        }
        if (method == null || parameter == null || nodes != 2 || violation.getRootBeanClass() == null
                || !(violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotNull)) {
            return false;
        }
        // the resource class and its superclasses (the container may have generated a subclass without the annotations)
        boolean found = false;
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            try {
                java.lang.reflect.Method m = type.getDeclaredMethod(method.getName(),
                        method.getParameterTypes().toArray(Class<?>[]::new));
                found = true;
                for (java.lang.annotation.Annotation a : m.getParameterAnnotations()[parameter.getParameterIndex()]) {
                    String pkg = a.annotationType().getPackageName();
                    if (pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive")) {
                        return false;
                    }
                }
            } catch (NoSuchMethodException notHere) {
                // look in the superclass
            }
        }
        return found;
    }

    private static String rule(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return Character.toLowerCase(annotation.charAt(0)) + annotation.substring(1);
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

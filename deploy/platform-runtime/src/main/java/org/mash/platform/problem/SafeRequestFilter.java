package org.mash.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before anything reads them, a path or query parameter that is not {@link SafeText} (a {@code %00} in a
 * query would otherwise reach a database that refuses it): a 400 problem naming the parameter.
 */
public class SafeRequestFilter {

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!SafeText.isSafe(parameter.getKey())) {
                return refuse("query", request);
            }
            for (String value : parameter.getValue()) {
                if (!SafeText.isSafe(value)) {
                    return refuse(parameter.getKey(), request);
                }
            }
        }
        if (!SafeText.isSafe(request.getUriInfo().getPath())) {
            return refuse("path", request);
        }
        return null;
    }

    private static Response refuse(String field, ContainerRequestContext request) {
        return ProblemException.invalid(List.of(new Problem.FieldError(field, SafeText.RULE, SafeText.MESSAGE)))
                .problem().at(request.getUriInfo().getRequestUri().getRawPath()).toResponse();
    }
}

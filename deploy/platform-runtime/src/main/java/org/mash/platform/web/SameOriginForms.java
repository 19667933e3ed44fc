package org.mash.platform.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.mash.platform.problem.Problem;

/**
 * The pages' defence against cross-site request forgery, beside the {@code SameSite=Strict} session cookie: a request
 * that changes something under {@code /ui/} must come from this service's own pages. The browser says where a request
 * comes from: {@code Sec-Fetch-Site} (every current browser) must be {@code same-origin}; failing that, {@code Origin}
 * must be this service's own origin. A request that carries neither is refused too: a browser always sends one of
 * them with a form post, so only a client that is not a browser omits both, and it has the API for that.
 */
public class SameOriginForms {

    static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request, HttpServerRequest http) {
        if (SAFE.contains(request.getMethod()) || !Pages.isPage(request.getUriInfo().getPath())) {
            return null;
        }
        String verdict = verdict(request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"),
                http.scheme() + "://" + http.authority());
        return verdict == null ? null
                : Problem.of(403, "Forbidden", verdict, List.of()).at(request.getUriInfo().getPath()).toResponse();
    }

    /** Why a state-changing request is refused, or null when it comes from this origin's own pages. */
    static String verdict(String fetchSite, String origin, String ownOrigin) {
        if (fetchSite != null) {
            return "same-origin".equals(fetchSite) ? null
                    : "a form may be sent only from this service's own pages (the browser says: " + fetchSite + ")";
        }
        if (origin != null) {
            return origin.equalsIgnoreCase(ownOrigin) ? null
                    : "a form may be sent only from this service's own pages, not from " + origin;
        }
        return "a form must come from this service's own pages: the request says neither where it comes from "
                + "(Sec-Fetch-Site) nor its origin (Origin)";
    }
}

package org.mash.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.mash.platform.problem.Problem;

/**
 * A problem met while showing a page (a role that may not open it, a case that does not exist, a form sent from
 * elsewhere) answers with the same status, as a page a person can read rather than JSON: what went wrong, why, and a
 * way back. Under {@code /api/} nothing changes. A form's own mistakes are shown beside its fields by the page itself.
 */
public class ProblemPages {

    @ServerResponseFilter
    public void render(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !Pages.isPage(request.getUriInfo().getPath())) {
            return;
        }
        response.setEntity(page(problem), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    static String page(Problem problem) {
        StringBuilder errors = new StringBuilder();
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            errors.append("<ul>");
            problem.errors().forEach(e -> errors.append("<li>").append(Html.escape(e.field().isEmpty() ? "the request" : e.field()))
                    .append(": ").append(Html.escape(e.message())).append("</li>"));
            errors.append("</ul>");
        }
        String title = problem.status() == 403 ? "You cannot open this page"
                : problem.status() == 404 ? "Not found" : Html.escape(problem.title());
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s - MASH</title><link rel="stylesheet" href="/mash/mash.css"></head>
                <body><header class="site"><a class="product" href="/ui">MASH</a></header>
                <main id="main"><h1>%s</h1>
                <div class="notice error" role="alert"><p>%s</p>%s</div>
                <p class="muted">Error %d. <a href="/ui">Go to your start page</a>.</p>
                </main></body></html>
                """.formatted(title, title, Html.escape(problem.detail() == null ? "" : problem.detail()), errors,
                problem.status());
    }
}

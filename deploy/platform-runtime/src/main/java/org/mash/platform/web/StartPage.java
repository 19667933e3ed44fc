package org.mash.platform.web;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mash.platform.problem.Problem;

/**
 * {@code /ui} on any service: sends the signed-in person to the page their work starts from (the queue for
 * practitioners and managers, the checks for partner officers, the contact form for referrers, the discussions for
 * strategy participants, the dashboard for analysts, the returns for the returns officer).
 */
@Path(Pages.ROOT)
@Authenticated
public class StartPage {

    private final SignedIn me;
    private final Links links;

    public StartPage(SignedIn me, Links links) {
        this.me = me;
        this.links = links;
    }

    @GET
    @Operation(hidden = true)
    public Response start() {
        return Response.seeOther(URI.create(startOf(me, links))).build();
    }

    /** Reached only when the sign-out did not happen (the session had already ended): start again. */
    @GET
    @Path("sign-out")
    @Operation(hidden = true)
    public Response signedOut() {
        return Response.seeOther(URI.create(Pages.ROOT)).build();
    }

    static String startOf(SignedIn me, Links links) {
        if (me.triage()) {
            return links.queue();
        }
        if (me.partner()) {
            return links.checks();
        }
        if (me.referrer()) {
            return links.newContact();
        }
        if (me.strategy()) {
            return links.discussions();
        }
        if (me.analyst()) {
            return links.dashboard();
        }
        if (me.returns()) {
            return links.returns();
        }
        return Pages.ROOT + "/no-access";
    }

    /** Someone signed in whose roles open no page (an operator, say: their tools are the operations API). */
    @GET
    @Path("no-access")
    @Operation(hidden = true)
    public Response noAccess() {
        return Problem.of(403, "Forbidden", "you are signed in as " + me.name() + ", but none of your roles opens a page here",
                List.of()).at(Pages.ROOT + "/no-access").toResponse();
    }
}

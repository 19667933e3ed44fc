package org.mash.triage.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.mash.platform.security.Roles;
import org.mash.platform.web.Feedback;
import org.mash.platform.web.FormPosts;
import org.mash.platform.web.FormValues;
import org.mash.triage.rest.ChildResource;

/**
 * A child's record on screen (practitioners and managers): every contact about the child with its decision, and every
 * link made or undone with how, who, when and why; a case linked wrongly is unlinked here, and a manager merges two
 * records of one child. The forms call the API's own operations, so they are refused for the same reasons.
 */
@Path("/ui/children/{localChildId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
public class ChildPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance child(ChildResource.ChildView child, Feedback feedback);
    }

    private final ChildResource api;

    public ChildPage(ChildResource api) {
        this.api = api;
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> show(@PathParam("localChildId") String localChildId, @QueryParam("done") String done) {
        return render(localChildId, done == null ? Feedback.NONE : Feedback.done(done));
    }

    @POST
    @Path("merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.MANAGER)
    @Operation(hidden = true)
    public Uni<Response> merge(@PathParam("localChildId") String localChildId, @RestForm String into, @RestForm String reason) {
        return FormPosts.submit(() -> api.merge(localChildId, new ChildResource.MergeRequest(FormValues.text(into), reason)),
                merged -> FormPosts.done("/ui/children/" + merged.localChildId(), "The records are merged into this one."),
                feedback -> render(localChildId, feedback.about("merge")));
    }

    @POST
    @Path("cases/{caseId}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> unlink(@PathParam("localChildId") String localChildId, @PathParam("caseId") UUID caseId,
                                @RestForm String reason) {
        return FormPosts.submit(() -> api.unlink(caseId, new ChildResource.UnlinkRequest(reason)),
                own -> FormPosts.done("/ui/children/" + own.localChildId(), "The case is unlinked: this is its own record now."),
                feedback -> render(localChildId, feedback.about(caseId)));
    }

    private Uni<Response> render(String localChildId, Feedback feedback) {
        return api.get(localChildId).map(child -> Response.status(feedback.status())
                .entity(Templates.child(child, feedback)).build());
    }
}

package org.mash.triage.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.mash.platform.security.Roles;
import org.mash.platform.web.Feedback;
import org.mash.platform.web.FormPosts;
import org.mash.platform.web.FormValues;
import org.mash.triage.domain.CheckResult;
import org.mash.triage.rest.CheckResource;
import org.mash.triage.rest.CheckViews;

/**
 * The partner officer's screens: the checks addressed to their agency, and answering one. They show what the API
 * shows a partner officer (the child's identity and the question) and nothing else: another agency's check is 404.
 */
@Path("/ui/checks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PARTNER_OFFICER)
public class CheckPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(CheckViews.PartnerPage page, String status);

        static native TemplateInstance check(CheckViews.PartnerView check, List<String> results, Feedback feedback);
    }

    private static final List<String> RESULTS = java.util.Arrays.stream(CheckResult.values()).map(Enum::name).toList();

    private final CheckResource api;

    public CheckPages(CheckResource api) {
        this.api = api;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> inbox(@QueryParam("status") @DefaultValue("AWAITING") String status,
                                       @QueryParam("page") @DefaultValue("0") int page) {
        String wanted = status.isBlank() ? null : status;
        return api.forMyAgency(wanted, Math.max(0, page), 50).map(p -> Templates.inbox(p, wanted));
    }

    @GET
    @Path("{checkId}")
    @Operation(hidden = true)
    public Uni<Response> check(@PathParam("checkId") UUID checkId, @QueryParam("done") String done) {
        return render(checkId, done == null ? Feedback.NONE : Feedback.done(done));
    }

    @POST
    @Path("{checkId}/response")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> respond(@PathParam("checkId") UUID checkId, @RestForm String result, @RestForm String information) {
        return FormPosts.submit(() -> api.respond(checkId, new CheckResource.CheckResponse(
                        FormValues.oneOf("result", result, CheckResult.class), FormValues.text(information))),
                answered -> FormPosts.done("/ui/checks/" + checkId, "Your answer is sent."), feedback -> render(checkId, feedback));
    }

    private Uni<Response> render(UUID checkId, Feedback feedback) {
        return api.one(checkId).map(check -> Response.status(feedback.status())
                .entity(Templates.check(check, RESULTS, feedback)).build());
    }
}

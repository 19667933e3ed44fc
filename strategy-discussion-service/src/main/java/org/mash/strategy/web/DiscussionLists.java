package org.mash.strategy.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mash.platform.security.Roles;
import org.mash.platform.web.FormValues;
import org.mash.strategy.rest.DeadlineResource;
import org.mash.strategy.rest.DiscussionViews;
import org.mash.strategy.rest.StrategyDiscussionResource;

/** The strategy lists: the discussions (a participant's: those their agency is invited to) and the deadlines. */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.STRATEGY_PARTICIPANT, Roles.PRACTITIONER, Roles.MANAGER})
public class DiscussionLists {

    @CheckedTemplate(basePath = "DiscussionPages")
    static class Templates {
        static native TemplateInstance discussions(DiscussionViews.Page page, String status, boolean overdue);

        static native TemplateInstance deadlines(DeadlineResource.Page page, boolean overdue);
    }

    private final StrategyDiscussionResource api;
    private final DeadlineResource deadlines;

    public DiscussionLists(StrategyDiscussionResource api, DeadlineResource deadlines) {
        this.api = api;
        this.deadlines = deadlines;
    }

    @GET
    @Path("discussions")
    @Operation(hidden = true)
    public Uni<TemplateInstance> discussions(@QueryParam("status") String status, @QueryParam("overdue") String overdue,
                                             @QueryParam("page") @DefaultValue("0") int page) {
        String wanted = FormValues.text(status);
        boolean late = "true".equals(overdue);
        return api.list(wanted, late ? "true" : null, Math.max(0, page), 50).map(p -> Templates.discussions(p, wanted, late));
    }

    @GET
    @Path("deadlines")
    @Operation(hidden = true)
    public Uni<TemplateInstance> deadlines(@QueryParam("overdue") String overdue) {
        boolean late = "true".equals(overdue);
        return deadlines.list(late ? "true" : null, null, 0, 100).map(p -> Templates.deadlines(p, late));
    }
}

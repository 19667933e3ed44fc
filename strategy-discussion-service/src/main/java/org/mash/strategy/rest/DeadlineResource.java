package org.mash.strategy.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mash.platform.problem.Problem;
import org.mash.platform.problem.ProblemException;
import org.mash.platform.problem.QueryParams;
import org.mash.platform.security.Caller;
import org.mash.platform.security.Roles;
import org.mash.strategy.domain.Deadline;
import org.mash.strategy.domain.OverdueKind;
import org.mash.strategy.service.DeadlineService;
import org.mash.strategy.service.StrategyDiscussionService;

@Path("/api/v1/strategy/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines", description = "Discussions, actions and ICPCs due, and those overdue")
@SecurityRequirement(name = "keycloak")
public class DeadlineResource {

    /** One pending item: no child's name, ids only (open the discussion to see the child). */
    public record DeadlineView(OverdueKind kind, UUID itemId, UUID discussionId, UUID contactId, String agency,
                               OffsetDateTime dueAt, boolean overdue, OffsetDateTime flaggedAt) {
        static DeadlineView of(Deadline d, Instant now) {
            return new DeadlineView(d.kind(), d.itemId(), d.discussionId(), d.contactId(), d.agency(), d.dueAt(),
                    d.overdue(now), d.flaggedAt());
        }
    }

    public record Page(int page, int size, List<DeadlineView> items) {
    }

    static final int MAX_SIZE = 500;

    private final DeadlineService deadlines;
    private final StrategyDiscussionService discussions;
    private final Caller caller;

    public DeadlineResource(DeadlineService deadlines, StrategyDiscussionService discussions, Caller caller) {
        this.deadlines = deadlines;
        this.discussions = discussions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STRATEGY_PARTICIPANT, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Discussions not held, actions not done and ICPCs not held, earliest due first",
            description = "overdue=true lists only those past their due time (a discussion: its convening target; an "
                    + "action: the end of its due date; an ICPC: the end of its target date, unless the enquiry "
                    + "concluded with ICPC not required); overdue=false only those not yet due; kind = DISCUSSION, "
                    + "ACTION or ICPC. A participant sees those of discussions their agency is invited to.")
    public Uni<Page> list(@org.eclipse.microprofile.openapi.annotations.parameters.Parameter(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue, @QueryParam("kind") String kind,
                          @QueryParam("page") @DefaultValue("0") int page,
                          @QueryParam("size") @DefaultValue("50") int size) {
        // checked here, not by @Min/@Max: a violated constraint on a query parameter loses the parameter's name
        List<Problem.FieldError> errors = new ArrayList<>();
        if (page < 0 || page > DeadlineService.MAX_PAGE) {
            errors.add(new Problem.FieldError("page", "range", "page is 0 to " + DeadlineService.MAX_PAGE
                    + ", not " + page + "; narrow the list with overdue or kind instead"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new Problem.FieldError("size", "range", "size is 1 to " + MAX_SIZE + ", not " + size));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        OverdueKind k = QueryParams.oneOf("kind", kind, OverdueKind.class);
        StrategyDiscussionService.Requester requester = new StrategyDiscussionService.Requester(caller.username(),
                caller.agency(), caller.roles());
        return deadlines.list(requester, k, QueryParams.bool("overdue", overdue), page, size).map(items -> {
            Instant now = discussions.now().toInstant();
            return new Page(page, size, items.stream().map(d -> DeadlineView.of(d, now)).toList());
        });
    }
}

package org.mash.strategy.rest;

import org.mash.platform.problem.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mash.platform.problem.QueryParams;
import org.mash.platform.security.Caller;
import org.mash.platform.security.Roles;
import org.mash.strategy.domain.Agencies;
import org.mash.strategy.domain.DiscussionStatus;
import org.mash.strategy.domain.ContributionRequest;
import org.mash.strategy.domain.HoldRequest;
import org.mash.strategy.domain.InvitationResponse;
import org.mash.strategy.domain.SupersedeRequest;
import org.mash.strategy.domain.IcpcRequest;
import org.mash.strategy.domain.S47OutcomeRequest;
import org.mash.strategy.service.DecisionService;
import org.mash.strategy.service.DiscussionHolding;
import org.mash.strategy.service.EnquiryService;
import org.mash.strategy.service.FollowUpService;
import org.mash.strategy.domain.ActionRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.mash.strategy.service.ParticipationService;
import org.mash.strategy.service.StrategyDiscussionService;

@Path("/api/v1/strategy-discussions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Strategy discussions", description = "Social care, police and health decide whether a section 47 enquiry starts")
@SecurityRequirement(name = "keycloak")
public class StrategyDiscussionResource {

    static final String HELD_EXAMPLE = """
            {
              "heldAt": "2026-11-20T15:00:00Z",
              "mode": "VIDEO",
              "attendance": {"social-care": "ATTENDED", "police": "ATTENDED", "health": "ATTENDED",
                             "education": "SENT_INFORMATION"},
              "outcome": "S47_JOINT",
              "rationale": "Domestic abuse with the child present; police investigating. Joint section 47 enquiry.",
              "safetyPlan": "Child to stay with the maternal grandmother while the enquiry is under way."
            }""";

    static final String CONTRIBUTION_EXAMPLE = """
            {
              "information": "Known to the health visitor; missed two developmental checks this year.",
              "riskGrading": "HIGH"
            }""";

    private final StrategyDiscussionService discussions;
    static final String SUPERSEDE_EXAMPLE = """
            {
              "outcome": "S47_JOINT",
              "rationale": "The police have opened a criminal investigation: the enquiry becomes joint.",
              "safetyPlan": "Father not to return home; mother agreed to the safety plan.",
              "reason": "New information from the police after the meeting"
            }""";

    private final ParticipationService participation;
    private final DecisionService decisions;
    static final String ACTION_EXAMPLE = """
            {"description": "Health visitor to see the child at home", "agency": "health", "dueOn": "2026-11-25"}""";

    private final EnquiryService enquiries;
    private final FollowUpService followUp;
    private final DiscussionHolding holding;
    private final Caller caller;

    public StrategyDiscussionResource(StrategyDiscussionService discussions, ParticipationService participation,
                                      DecisionService decisions, EnquiryService enquiries, FollowUpService followUp,
                                      DiscussionHolding holding, Caller caller) {
        this.holding = holding;
        this.followUp = followUp;
        this.enquiries = enquiries;
        this.discussions = discussions;
        this.participation = participation;
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STRATEGY_PARTICIPANT, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "List strategy discussions",
            description = "A strategy participant sees only the discussions their agency is invited to. Newest first.")
    public Uni<DiscussionViews.Page> list(@QueryParam("status") String status,
                                         @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return discussions.list(requester(), QueryParams.oneOf("status", status, DiscussionStatus.class), QueryParams.bool("overdue", overdue), page, size)
                .map(items -> new DiscussionViews.Page(page, size,
                        items.stream().map(DiscussionViews.Summary::of).toList()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STRATEGY_PARTICIPANT, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "A strategy discussion",
            description = "With the child's details for the participants. A discussion your agency is not invited to answers 404.")
    public Uni<DiscussionViews.Detail> get(@PathParam("id") UUID id) {
        StrategyDiscussionService.Requester requester = requester();
        return discussions.read(id, requester).map(loaded -> DiscussionViews.Detail.of(loaded, discussions, requester));
    }

    @POST
    @Path("/{id}/held")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Record the discussion as held, with attendance and decision",
            description = "Recorded by the social care chair. outcome, rationale and safetyPlan are the decision for "
                    + "every child; in a sibling group, children (by contact id) gives a child its own decision. A "
                    + "section 47 decision starts that child's enquiry, with the ICPC target 15 working days after the "
                    + "discussion. heldAt cannot be before the discussion opened (to the minute) nor in the future. "
                    + "A decision cannot be changed once recorded, only superseded.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "joint section 47", value = HELD_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Recorded")
    @APIResponse(responseCode = "400", description = "A field breaks a rule (application/problem+json names it)")
    @APIResponse(responseCode = "409", description = "Already held: the decision cannot be changed")
    public Uni<DiscussionViews.Detail> held(@PathParam("id") UUID id, @Valid @NotNull HoldRequest request) {
        StrategyDiscussionService.Requester requester = requester();
        return holding.hold(id, request, requester).map(loaded -> DiscussionViews.Detail.of(loaded, discussions, requester));
    }

    @GET
    @Path("/{id}/invitations")
    @RolesAllowed({Roles.STRATEGY_PARTICIPANT, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "The agencies invited and their answers")
    public Uni<List<DiscussionViews.InvitationView>> invitations(@PathParam("id") UUID id) {
        return participation.invitations(id, requester())
                .map(list -> list.stream().map(DiscussionViews.InvitationView::of).toList());
    }

    public record InvitationRequest(@NotNull String agency) {
    }

    @POST
    @Path("/{id}/invitations")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Invite another agency",
            description = "Social care, police and health are invited when the discussion opens; education, GP, the "
                    + "mental health trust or any other agency can be added until it is held.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "education", value = "{\"agency\": \"education\"}")))
    @APIResponse(responseCode = "201", description = "Invited")
    @APIResponse(responseCode = "409", description = "Already invited, or the discussion was held")
    public Uni<RestResponse<DiscussionViews.InvitationView>> invite(@PathParam("id") UUID id,
                                                                   @Valid @NotNull InvitationRequest request) {
        return participation.invite(id, request.agency(), requester())
                .map(i -> RestResponse.status(RestResponse.Status.CREATED, DiscussionViews.InvitationView.of(i)));
    }

    public record ResponseRequest(@NotNull InvitationResponse response) {
    }

    @PUT
    @Path("/{id}/invitations/{agency}/response")
    @RolesAllowed({Roles.STRATEGY_PARTICIPANT, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Record an invited agency's answer",
            description = "ACCEPTED, DECLINED or NO_RESPONSE, with who recorded it and when. A participant answers for "
                    + "their own agency; MASH staff for any invited agency. It may change until the discussion is held.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "accepted", value = "{\"response\": \"ACCEPTED\"}")))
    public Uni<DiscussionViews.InvitationView> respond(@PathParam("id") UUID id, @PathParam("agency") String agency,
                                                      @Valid @NotNull ResponseRequest request) {
        return participation.respond(id, agency, request.response(), requester()).map(DiscussionViews.InvitationView::of);
    }

    @GET
    @Path("/{id}/contributions")
    @RolesAllowed({Roles.STRATEGY_PARTICIPANT, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Information shared and risk gradings",
            description = "MASH staff see every agency's; a participant sees their own agency's.")
    public Uni<List<DiscussionViews.ContributionView>> contributions(@PathParam("id") UUID id) {
        return participation.contributions(id, requester())
                .map(list -> list.stream().map(DiscussionViews.ContributionView::of).toList());
    }

    @POST
    @Path("/{id}/contributions")
    @RolesAllowed({Roles.STRATEGY_PARTICIPANT, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Share an agency's information and risk grading",
            description = "Before or during the meeting (while the discussion is open). A participant records for their "
                    + "own invited agency; MASH staff name the agency. Risk grading: LOW, MEDIUM, HIGH, "
                    + "SIGNIFICANT_HARM_LIKELY.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "health", value = CONTRIBUTION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "404", description = "No such discussion that your agency is invited to")
    @APIResponse(responseCode = "409", description = "The discussion was already held")
    public Uni<RestResponse<DiscussionViews.ContributionView>> contribute(@PathParam("id") UUID id,
                                                                         @Valid @NotNull ContributionRequest request) {
        return participation.contribute(id, request, requester())
                .map(c -> RestResponse.status(RestResponse.Status.CREATED, DiscussionViews.ContributionView.of(c)));
    }

    @POST
    @Path("/{id}/decisions/{decisionId}/supersession")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Supersede a child's recorded decision by a later one",
            description = "A recorded decision is never changed. The chair records a later decision for the same child, "
                    + "with the reason; both stay on record. Moving into section 47 starts the child's enquiry (on the "
                    + "date of the later decision); moving out of it withdraws an enquiry not yet concluded.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "to joint s47", value = SUPERSEDE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Recorded")
    @APIResponse(responseCode = "409", description = "That decision was already superseded")
    public Uni<DiscussionViews.Detail> supersede(@PathParam("id") UUID id, @PathParam("decisionId") UUID decisionId,
                                                @Valid @NotNull SupersedeRequest request) {
        StrategyDiscussionService.Requester requester = requester();
        return decisions.supersede(id, decisionId, request, requester)
                .map(loaded -> DiscussionViews.Detail.of(loaded, discussions, requester));
    }

    @POST
    @Path("/{id}/enquiries/{enquiryId}/outcome")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Record how a section 47 enquiry ended",
            description = "outcomeCode from codes/s47-outcome.csv. ICPC means an initial child protection conference "
                    + "follows; any other outcome means ICPC not required. Recorded once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "ICPC", value = "{\"concludedOn\": \"2026-12-04\", \"outcomeCode\": \"ICPC\"}")))
    @APIResponse(responseCode = "200", description = "The enquiry with its outcome and, for ICPC, the conference's target date",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = DiscussionViews.S47View.class)))
    @APIResponse(responseCode = "409", description = "Already concluded")
    public Uni<DiscussionViews.S47View> conclude(@PathParam("id") UUID id, @PathParam("enquiryId") UUID enquiryId,
                                                @Valid @NotNull S47OutcomeRequest request) {
        return enquiries.conclude(id, enquiryId, request, requester()).map(e -> DiscussionViews.S47View.of(e, discussions.now().toInstant()));
    }

    @POST
    @Path("/{id}/enquiries/{enquiryId}/icpc")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Record the date the initial child protection conference was held",
            description = "After an outcome of ICPC. Within target when held by the ICPC target date (discussion date "
                    + "+ 15 working days). Recorded once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "held", value = "{\"heldOn\": \"2026-12-10\"}")))
    @APIResponse(responseCode = "200", description = "The enquiry with the ICPC held and whether it was within its target",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = DiscussionViews.S47View.class)))
    @APIResponse(responseCode = "409", description = "Already held, or the outcome does not call an ICPC")
    public Uni<DiscussionViews.S47View> icpc(@PathParam("id") UUID id, @PathParam("enquiryId") UUID enquiryId,
                                            @Valid @NotNull IcpcRequest request) {
        return enquiries.icpcHeld(id, enquiryId, request, requester()).map(e -> DiscussionViews.S47View.of(e, discussions.now().toInstant()));
    }

    @POST
    @Path("/{id}/actions")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Add an action agreed at the held discussion",
            description = "Owned by an agency, due on a date (not in the past); overdue when not done by the end of that "
                    + "date (Europe/London).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "health", value = ACTION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "409", description = "The discussion has not been held yet")
    public Uni<RestResponse<DiscussionViews.ActionView>> addAction(@PathParam("id") UUID id,
                                                                  @Valid @NotNull ActionRequest request) {
        return followUp.addAction(id, request, requester()).map(a -> RestResponse.status(RestResponse.Status.CREATED,
                DiscussionViews.ActionView.of(a, discussions.now().toInstant())));
    }

    public record CompletionRequest(@Size(max = 2_000) String note) {
    }

    @POST
    @Path("/{id}/actions/{actionId}/completion")
    @RolesAllowed({Roles.STRATEGY_PARTICIPANT, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Mark an action done", description = "MASH staff, or a participant of the owning agency. Once.")
    public Uni<DiscussionViews.ActionView> completeAction(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId,
                                                         @Valid CompletionRequest request) {
        return followUp.completeAction(id, actionId, request == null ? null : request.note(), requester())
                .map(a -> DiscussionViews.ActionView.of(a, discussions.now().toInstant()));
    }

    public record MinutesRequest(@NotBlank @Size(max = 100_000) String text) {
    }

    @PUT
    @Path("/{id}/minutes")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Record the minutes of the held discussion",
            description = "May be corrected until first circulated; after that what went out stands (409).")
    public Uni<DiscussionViews.MinutesView> minutes(@PathParam("id") UUID id, @Valid @NotNull MinutesRequest request) {
        return followUp.recordMinutes(id, request.text(), requester()).map(DiscussionViews.MinutesView::of);
    }

    public record CirculationRequest(@NotBlank @Size(max = Agencies.MAX_LENGTH) String agency, @NotBlank @Size(max = 200) String recipient,
                                     OffsetDateTime sentAt) {
    }

    @POST
    @Path("/{id}/minutes/circulation")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Log that the minutes went to an agency's recipient",
            description = "sentAt defaults to now; not in the future nor before the minutes were written.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "police",
            value = "{\"agency\": \"police\", \"recipient\": \"DS Jones, CAIT\", \"sentAt\": \"2026-11-20T17:00:00Z\"}")))
    @APIResponse(responseCode = "201", description = "Logged")
    @APIResponse(responseCode = "409", description = "No minutes recorded yet")
    public Uni<RestResponse<DiscussionViews.CirculationView>> circulate(@PathParam("id") UUID id,
                                                                       @Valid @NotNull CirculationRequest request) {
        return followUp.circulate(id, request.agency(), request.recipient(), request.sentAt(), requester())
                .map(m -> RestResponse.status(RestResponse.Status.CREATED, DiscussionViews.CirculationView.of(m)));
    }

    private StrategyDiscussionService.Requester requester() {
        return new StrategyDiscussionService.Requester(caller.username(), caller.agency(), caller.roles());
    }
}

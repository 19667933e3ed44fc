package org.mash.triage.rest;

import org.mash.platform.problem.Paging;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mash.platform.problem.QueryParams;
import org.mash.platform.security.Caller;
import org.mash.platform.security.Roles;
import org.mash.triage.domain.CaseStatus;
import org.mash.triage.domain.ConsentStatus;
import org.mash.triage.service.ConsentService;
import org.mash.triage.service.DecisionService;
import org.mash.triage.service.HistoryService;
import org.mash.triage.domain.HistoryFlags;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mash.triage.domain.Outcome;
import org.mash.triage.domain.Rag;
import org.mash.triage.service.TriageService;

@Path("/api/v1/triage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Triage", description = "The MASH queue and decisions")
@SecurityRequirement(name = "keycloak")
public class TriageResource {

    public record ProposalRequest(@NotNull Outcome outcome, @NotBlank @Size(max = 8_000) String rationale,
                                  @Size(max = 10) String primaryNeedCode,
                                  @Schema(description = "optional: the level of need, recorded with the proposal")
                                  LevelOfNeedRequest levelOfNeed) {
    }

    public record LevelOfNeedRequest(
            @Schema(description = "1 universal, 2 additional (early help), 3 complex (targeted), 4 acute (statutory)",
                    example = "4") Integer level,
            @Schema(example = "Domestic abuse with the children present; the father is the alleged perpetrator") String rationale) {
    }

    public record ConsentRequest(
            @Schema(example = "NOT_SOUGHT") ConsentStatus status,
            @Schema(description = "required for NOT_SOUGHT and OVERRIDDEN",
                    example = "Seeking consent would place the children at risk") String reason) {
    }

    public record ReturnRequest(@NotBlank @Size(max = 4_000) String comment) {
    }

    public record RatingRequest(@NotNull Rag rag, @NotBlank @Size(max = 4_000) String rationale) {
    }

    public record AssignmentRequest(@NotBlank @Size(max = 200) String assignee) {
    }

    private final TriageService triage;
    private final DecisionService decisions;
    private final ConsentService consents;
    private final HistoryService histories;
    private final Caller caller;
    private final Clock clock;
    private final org.mash.platform.freshness.Freshness freshness;

    public TriageResource(TriageService triage, DecisionService decisions, ConsentService consents,
                          HistoryService histories, Caller caller, Clock clock,
                          org.mash.platform.freshness.Freshness freshness) {
        this.decisions = decisions;
        this.freshness = freshness;
        this.histories = histories;
        this.triage = triage;
        this.consents = consents;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/queue")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "The queue: open cases, most urgent (earliest due) first",
            description = "Filter by RAG, status, overdue, checksOverdue (cases with an information check past its due "
                    + "time unanswered), or mine=true for the cases assigned to you.")
    public Uni<CaseViews.Page> queue(@QueryParam("rag") String rag, @QueryParam("status") String status,
                                     @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
                                     @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)) @QueryParam("checksOverdue") String checksOverdue,
                                     @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)) @QueryParam("mine") String mine,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return triage.queue(new TriageService.QueueFilter(QueryParams.oneOf("rag", rag, Rag.class),
                        QueryParams.oneOf("status", status, CaseStatus.class), QueryParams.bool("overdue", overdue),
                        Boolean.TRUE.equals(QueryParams.bool("mine", mine)) ? caller.username() : null,
                        QueryParams.bool("checksOverdue", checksOverdue), page, size), actor())
                .map(cases -> new CaseViews.Page(page, size, cases.stream().map(c -> CaseViews.QueueItem.of(c, now)).toList(),
                        freshness.view()));
    }

    @GET
    @Path("/cases/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "One case with the contact as received (the read is logged)")
    public Uni<CaseViews.CaseDetail> get(@PathParam("id") UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return triage.read(id, actor()).chain(c -> histories.of(c).chain(history -> triage.amendments(c.id).chain(amendments -> triage.ratings(c.id)
                .chain(ratings -> triage.checks(c.id).chain(checks -> decisions.levelsOfNeed(c.id).map(levels ->
                new CaseViews.CaseDetail(CaseViews.QueueItem.of(c, now), CaseViews.HistorySummary.of(history),
                        Json.decodeValue(c.contactRecord, java.util.Map.class),
                        amendments.stream().map(CaseViews.Amendment::of).toList(),
                        ratings.stream().map(CaseViews.Rating::of).toList(),
                        checks.stream().map(ch -> CheckViews.CaseCheck.of(ch, now)).toList(),
                        levels.stream().map(CaseViews.NeedLevel::of).toList(), freshness.view())))))));
    }

    @POST
    @Path("/cases/{id}/decision")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "Propose a decision (practitioner)",
            description = "Outcome and rationale; a referral (CSC_ASSESSMENT, STRATEGY_DISCUSSION) needs a primary need code.")
    public Uni<CaseViews.QueueItem> propose(@PathParam("id") UUID id, @Valid @NotNull ProposalRequest request) {
        return decisions.propose(id, actor(), request.outcome(), request.rationale(), request.primaryNeedCode(),
                        request.levelOfNeed() == null ? null
                                : new DecisionService.NeedLevel(request.levelOfNeed().level(), request.levelOfNeed().rationale()))
                .map(c -> CaseViews.QueueItem.of(c, OffsetDateTime.now(clock)));
    }

    @POST
    @Path("/cases/{id}/decision/authorisation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Authorise the proposed decision (manager, not the proposer)",
            description = "Only an authorised decision leaves the triage service as an event.")
    public Uni<CaseViews.QueueItem> authorise(@PathParam("id") UUID id) {
        return decisions.authorise(id, actor()).map(c -> CaseViews.QueueItem.of(c, OffsetDateTime.now(clock)));
    }

    @POST
    @Path("/cases/{id}/decision/return")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Return the proposal to the practitioner with a comment (manager)")
    public Uni<CaseViews.QueueItem> giveBack(@PathParam("id") UUID id, @Valid @NotNull ReturnRequest request) {
        return decisions.returnProposal(id, actor(), request.comment())
                .map(c -> CaseViews.QueueItem.of(c, OffsetDateTime.now(clock)));
    }

    @POST
    @Path("/cases/{id}/rating")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Confirm or change the RAG rating, with a rationale",
            description = "Every rating is kept with who and when; the decision due time follows the latest rating.")
    public Uni<CaseViews.QueueItem> rate(@PathParam("id") UUID id, @Valid @NotNull RatingRequest request) {
        return triage.rate(id, actor(), request.rag(), request.rationale()).map(c -> CaseViews.QueueItem.of(c, OffsetDateTime.now(clock)));
    }

    @POST
    @Path("/cases/{id}/claim")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "Take an unassigned case (409 if someone else has it)")
    public Uni<CaseViews.QueueItem> claim(@PathParam("id") UUID id) {
        return triage.claim(id, actor()).map(c -> CaseViews.QueueItem.of(c, OffsetDateTime.now(clock)));
    }

    @POST
    @Path("/cases/{id}/assignment")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Assign a case to a practitioner (manager)")
    public Uni<CaseViews.QueueItem> assign(@PathParam("id") UUID id, @Valid @NotNull AssignmentRequest request) {
        return triage.assign(id, actor(), request.assignee()).map(c -> CaseViews.QueueItem.of(c, OffsetDateTime.now(clock)));
    }

    @POST
    @Path("/cases/{id}/release")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Give a case back to the queue (its assignee, or a manager)")
    public Uni<CaseViews.QueueItem> release(@PathParam("id") UUID id) {
        return triage.release(id, actor(), caller.hasRole(Roles.MANAGER)).map(c -> CaseViews.QueueItem.of(c, OffsetDateTime.now(clock)));
    }

    @POST
    @Path("/cases/{id}/level-of-need")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Record the level of need (1-4) with its rationale, before or with the proposal",
            description = "Every recording is kept with who and when; the latest travels with the authorised decision.")
    public Uni<CaseViews.QueueItem> levelOfNeed(@PathParam("id") UUID id, @NotNull LevelOfNeedRequest request) {
        return decisions.recordLevelOfNeed(id, actor(), request.level(), request.rationale())
                .map(c -> CaseViews.QueueItem.of(c, OffsetDateTime.now(clock)));
    }

    @POST
    @Path("/cases/{id}/consent")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Record consent to share: SOUGHT, GIVEN, REFUSED, NOT_SOUGHT (reason) or OVERRIDDEN (reason)",
            description = "Every change is kept. An override waits for the authorisation of a manager other than the one "
                    + "who recorded it; until then the earlier status stands.")
    public Uni<CaseViews.ConsentView> consent(@PathParam("id") UUID id, @NotNull ConsentRequest request) {
        return consents.record(id, actor(), request.status(), request.reason()).map(CaseViews.ConsentView::of);
    }

    @POST
    @Path("/cases/{id}/consent/override/authorisation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Authorise sharing without consent (manager, not the one who recorded the override)")
    public Uni<CaseViews.ConsentView> authoriseOverride(@PathParam("id") UUID id) {
        return consents.authoriseOverride(id, actor()).map(CaseViews.ConsentView::of);
    }

    @GET
    @Path("/cases/{id}/consent")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "The consent status in effect, a pending override and every change (the read is logged)")
    public Uni<CaseViews.ConsentView> consentOf(@PathParam("id") UUID id) {
        return consents.read(id, actor()).map(CaseViews.ConsentView::of);
    }

    @GET
    @Path("/cases/{id}/timeline")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Every action on the case, oldest first, with who (user name and role) and when",
            description = "Received, amended, rated, claimed/assigned/released, checks asked/answered/overdue, consent, "
                    + "level of need, history matches confirmed/rejected, proposed/returned/authorised, overdue. The read is logged.")
    public Uni<List<CaseViews.TimelineEntry>> timeline(@PathParam("id") UUID id) {
        return triage.timeline(id, actor()).map(list -> list.stream().map(CaseViews.TimelineEntry::of).toList());
    }

    @GET
    @Path("/cases/{id}/history")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Earlier contacts and decisions for the child and the household, with the flags",
            description = "Matched by NHS number (certain), else by normalised name and date of birth (and postcode), "
                    + "with a confidence and a band. 'Repeat contact' and 'previous referral' within 12 months (365 days "
                    + "before receipt) count matches of the child that are certain or confirmed. The read is logged.")
    public Uni<CaseViews.HistoryView> history(@PathParam("id") UUID id) {
        return histories.read(id, actor()).map(CaseViews.HistoryView::of);
    }

    @POST
    @Path("/cases/{id}/history/{matchId}/confirm")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Confirm a suggested match: it is the same person (the choice is kept, with who and when)")
    public Uni<CaseViews.HistoryView> confirm(@PathParam("id") UUID id, @PathParam("matchId") UUID matchId) {
        return histories.decide(id, matchId, actor(), HistoryFlags.MatchStatus.CONFIRMED).map(CaseViews.HistoryView::of);
    }

    @POST
    @Path("/cases/{id}/history/{matchId}/reject")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Reject a suggested match: not the same person (the choice is kept, with who and when)")
    public Uni<CaseViews.HistoryView> reject(@PathParam("id") UUID id, @PathParam("matchId") UUID matchId) {
        return histories.decide(id, matchId, actor(), HistoryFlags.MatchStatus.REJECTED).map(CaseViews.HistoryView::of);
    }

    private TriageService.Actor actor() {
        return TriageService.Actor.of(caller);
    }
}

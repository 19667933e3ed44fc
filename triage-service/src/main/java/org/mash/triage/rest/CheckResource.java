package org.mash.triage.rest;

import org.mash.platform.problem.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mash.platform.problem.QueryParams;
import org.mash.platform.security.Caller;
import org.mash.platform.security.Roles;
import org.mash.triage.domain.CheckResult;
import org.mash.triage.service.CheckService;
import org.mash.triage.service.TriageService;

@Path("/api/v1/triage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Information checks", description = "Requests to partner agencies, and their answers")
@SecurityRequirement(name = "keycloak")
public class CheckResource {

    public record CheckRequest(
            @Schema(description = "the agency asked", enumeration = {"police", "health", "education", "probation",
                    "housing", "adult-social-care", "mental-health"}, example = "health") String agency,
            @Schema(description = "what is asked and why: the context of the concern",
                    example = "Domestic incident at the home on 19 Nov; both children present. Are the children known to "
                            + "health visiting or A&E, and is there any concern about the mother's health?") String question) {
    }

    public record CheckResponse(
            @Schema(example = "INFORMATION_HELD") CheckResult result,
            @Schema(description = "required when information is held", example = "Two A&E attendances in 2026 for minor injuries.")
            String information) {
    }

    private final CheckService checks;
    private final Caller caller;
    private final Clock clock;

    public CheckResource(CheckService checks, Caller caller, Clock clock) {
        this.checks = checks;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Path("/cases/{id}/checks")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "Ask a partner agency for information (practitioner)",
            description = "Say what is asked and why. The answer is due a time after the request that depends on the "
                    + "case's RAG (defaults RED 2 h, AMBER 8 h, GREEN 24 h).")
    @APIResponse(responseCode = "201", description = "the check as asked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckViews.CaseCheck.class)))
    public Uni<Response> request(@PathParam("id") UUID id, @NotNull CheckRequest request) {
        return checks.request(id, actor(), request.agency(), request.question())
                .map(c -> Response.status(201).entity(CheckViews.CaseCheck.of(c, OffsetDateTime.now(clock))).build());
    }

    @GET
    @Path("/cases/{id}/checks")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "The information checks of a case, with their answers")
    public Uni<List<CheckViews.CaseCheck>> ofCase(@PathParam("id") UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return checks.ofCase(id, actor()).map(list -> list.stream().map(c -> CheckViews.CaseCheck.of(c, now)).toList());
    }

    @GET
    @Path("/checks")
    @RolesAllowed(Roles.PARTNER_OFFICER)
    @Operation(summary = "The checks addressed to your agency (partner officer), unanswered first by due time",
            description = "Shows only the child's identity and what is asked; each check shown is access-logged.")
    public Uni<CheckViews.PartnerPage> forMyAgency(@QueryParam("status") String status,
                                                   @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        CheckService.Status wanted = QueryParams.oneOf("status", status, CheckService.Status.class);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return checks.forAgency(caller.agency(), actor(), wanted, page, size)
                .map(list -> new CheckViews.PartnerPage(page, size,
                        list.stream().map(s -> CheckViews.PartnerView.of(s.check(), s.c(), now)).toList()));
    }

    @GET
    @Path("/checks/{checkId}")
    @RolesAllowed(Roles.PARTNER_OFFICER)
    @Operation(summary = "One check addressed to your agency (another agency's check is 404)")
    public Uni<CheckViews.PartnerView> one(@PathParam("checkId") UUID checkId) {
        return checks.readForAgency(checkId, caller.agency(), actor())
                .map(s -> CheckViews.PartnerView.of(s.check(), s.c(), OffsetDateTime.now(clock)));
    }

    @POST
    @Path("/checks/{checkId}/response")
    @RolesAllowed(Roles.PARTNER_OFFICER)
    @Operation(summary = "Answer a check for your agency: INFORMATION_HELD (with the information) or NOTHING_KNOWN")
    public Uni<CheckViews.PartnerView> respond(@PathParam("checkId") UUID checkId, @NotNull CheckResponse response) {
        return checks.respond(checkId, caller.agency(), actor(), response.result(), response.information())
                .map(s -> CheckViews.PartnerView.of(s.check(), s.c(), OffsetDateTime.now(clock)));
    }

    private TriageService.Actor actor() {
        return TriageService.Actor.of(caller);
    }
}

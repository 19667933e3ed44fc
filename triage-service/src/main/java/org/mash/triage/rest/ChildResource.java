package org.mash.triage.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mash.platform.security.Caller;
import org.mash.platform.security.Roles;
import org.mash.triage.repository.CaseDiscussion;
import org.mash.triage.repository.CaseEnquiry;
import org.mash.triage.repository.ChildLink;
import org.mash.triage.repository.TriageCase;
import org.mash.triage.service.ChildIndex;
import org.mash.triage.service.TriageService;

@Path("/api/v1/triage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Children", description = "The person index: one record per child, with every contact about them")
@SecurityRequirement(name = "keycloak")
public class ChildResource {

    /** A child's record: the stable local id, every case about them (oldest first), and how each was linked. */
    public record ChildView(String localChildId, OffsetDateTime createdAt,
                            @Schema(description = "set when this record was merged into another: the one to read")
                            String mergedInto, List<ChildCase> cases, List<Link> links,
                            @Schema(description = "strategy discussions about the child, with the decision for them")
                            List<Discussion> discussions,
                            @Schema(description = "section 47 enquiries about the child, withdrawn ones included (marked)")
                            List<Enquiry> enquiries) {
        static ChildView of(ChildIndex.ChildRecord r) {
            return new ChildView(r.child().localId, r.child().createdAt, r.mergedInto(),
                    r.cases().stream().map(ChildCase::of).toList(), r.links().stream().map(Link::of).toList(),
                    r.strategy().discussions().stream().map(Discussion::of).toList(),
                    r.strategy().enquiries().stream().map(Enquiry::of).toList());
        }
    }

    /** A strategy discussion about the child: opened, held, and the decision for this child (the latest). */
    public record Discussion(UUID discussionId, UUID caseId, OffsetDateTime openedAt, OffsetDateTime dueAt,
                             OffsetDateTime heldAt,
                             @Schema(description = "S47_SINGLE_AGENCY, S47_JOINT, CSC_ASSESSMENT, NFA or OTHER; null until held")
                             String outcome,
                             @Schema(description = "set when a later decision superseded the first") OffsetDateTime supersededAt) {
        static Discussion of(CaseDiscussion d) {
            return new Discussion(d.discussionId, d.caseId, d.openedAt, d.dueAt, d.heldAt, d.outcome, d.supersededAt);
        }
    }

    /** A section 47 enquiry about the child: start, ICPC target (15 working days), conclusion, ICPC held or withdrawn. */
    public record Enquiry(UUID enquiryId, UUID discussionId, UUID caseId, LocalDate startedOn, LocalDate icpcTarget,
                          Boolean joint, LocalDate concludedOn, String outcomeCode,
                          @Schema(description = "whether a conference follows; null until concluded") Boolean icpcRequired,
                          LocalDate icpcHeldOn, OffsetDateTime withdrawnAt) {
        static Enquiry of(CaseEnquiry e) {
            return new Enquiry(e.enquiryId, e.discussionId, e.caseId, e.startedOn, e.icpcTarget, e.joint, e.concludedOn,
                    e.outcomeCode, e.icpcRequired, e.icpcHeldOn, e.withdrawnAt);
        }
    }

    public record MergeRequest(@Schema(description = "the record the cases move to", example = "C000000012") String into,
                               @Schema(description = "why these are one child", example = "Same child: school confirmed the date of birth")
                               String reason) {
    }

    public record UnlinkRequest(@Schema(description = "why the case is not this child's", example = "Not the same child: different mother")
                                String reason) {
    }

    /** One contact about the child, as the case holds it. */
    public record ChildCase(UUID caseId, UUID contactId, OffsetDateTime receivedAt, String firstName, String lastName,
                            LocalDate dateOfBirth, String status, String rag, String decidedOutcome, OffsetDateTime authorisedAt) {
        static ChildCase of(TriageCase c) {
            return new ChildCase(c.id, c.contactId, c.receivedAt, c.childFirstName, c.childLastName, c.childDateOfBirth,
                    c.status.name(), c.rag.name(), c.decidedOutcome == null ? null : c.decidedOutcome.name(), c.authorisedAt);
        }
    }

    /**
     * A case joining ({@code LINKED}) or leaving ({@code UNLINKED}) the child, how ({@code NHS_NUMBER}, {@code NEW_CHILD},
     * {@code CONFIRMED_MATCH}, {@code MERGE}, {@code UNLINK}), by whom, when and why.
     */
    public record Link(UUID caseId, String action, String method, String actor, String reason, OffsetDateTime at) {
        static Link of(ChildLink l) {
            return new Link(l.caseId, l.action, l.method, l.actor, l.reason, l.at);
        }
    }

    private final ChildIndex children;
    private final Caller caller;

    public ChildResource(ChildIndex children, Caller caller) {
        this.children = children;
        this.caller = caller;
    }

    @GET
    @Path("/children/{localChildId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "A child's record: every contact about them, oldest first (the read is logged)",
            description = "The local child id (letters and digits, at most 20) stays the same for the child across every "
                    + "contact; each case's view names it. A contact with the NHS number of an earlier one is linked to "
                    + "that child with certainty; any other starts a new record.")
    @APIResponse(responseCode = "200", description = "The child's record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChildView.class)))
    @APIResponse(responseCode = "404", description = "No child has this id (application/problem+json)")
    public Uni<ChildView> get(@PathParam("localChildId") String localChildId) {
        return children.read(localChildId, actor()).map(ChildView::of);
    }

    @POST
    @Path("/children/{localChildId}/merge")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Merge two records made for one child (manager)",
            description = "Every case of this record moves to the record named by into, each move on the case's timeline "
                    + "with who and why; this record then answers with mergedInto. Records with different NHS numbers are "
                    + "two children and are not merged.")
    @APIResponse(responseCode = "200", description = "The record the cases moved to",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChildView.class)))
    @APIResponse(responseCode = "400", description = "No reason, the same record, into unknown or merged, different NHS numbers")
    public Uni<ChildView> merge(@PathParam("localChildId") String localChildId, @NotNull MergeRequest request) {
        return children.merge(localChildId, request.into(), request.reason(), actor()).map(ChildView::of);
    }

    @POST
    @Path("/cases/{id}/child/unlink")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Unlink a case from the child it was linked to: it moves to a new record of its own",
            description = "For a case linked to the wrong child. The reason is kept with who and when.")
    @APIResponse(responseCode = "200", description = "The new record the case moved to",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChildView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or the case is its child's only one")
    public Uni<ChildView> unlink(@PathParam("id") UUID caseId, @NotNull UnlinkRequest request) {
        return children.unlink(caseId, request.reason(), actor()).map(ChildView::of);
    }

    private TriageService.Actor actor() {
        return TriageService.Actor.of(caller);
    }
}

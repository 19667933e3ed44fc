package org.mash.contacts.rest;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.mash.contacts.domain.Amendment;
import org.mash.contacts.domain.ContactStatus;
import org.mash.contacts.domain.ContactSubmission;
import org.mash.contacts.domain.Timeline;
import org.mash.contacts.service.ContactIntake;
import org.mash.contacts.service.ContactService;
import org.mash.platform.problem.QueryParams;
import org.mash.platform.freshness.Freshness;
import org.mash.platform.security.Caller;
import org.mash.platform.security.Roles;

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "Partner agencies tell the MASH about children")
@SecurityRequirement(name = "keycloak")
public class ContactResource {

    static final String EXAMPLE = """
            {
              "channel": "API",
              "sourceCode": "6",
              "referrer": {"name": "PC Sam Patel", "role": "Police constable", "organisation": "Metropolitan Police, Hackney",
                           "phone": "020 7946 0000", "email": "sam.patel@police.example.org"},
              "children": [{"firstName": "Amira", "lastName": "Khan", "dateOfBirth": "2016-04-02", "sex": "F",
                            "ethnicity": "APKN", "nhsNumber": "943 476 5919", "school": "Mandeville Primary",
                            "address": {"line1": "12 Example Road", "town": "London", "postcode": "E8 1AA"},
                            "language": "English", "interpreterNeeded": false}],
              "household": [{"firstName": "Sara", "lastName": "Khan", "relationship": "MOTHER", "livesWithChild": true,
                             "parentalResponsibility": true},
                            {"firstName": "Imran", "lastName": "Khan", "relationship": "FATHER", "livesWithChild": true,
                             "parentalResponsibility": true, "notes": "alleged perpetrator"}],
              "concernCodes": ["3A"],
              "description": "Police attended a domestic incident at the home; the child was present.",
              "requestedOutcome": "Assessment of the child's safety at home",
              "supportInPlace": "None known",
              "referrerUrgency": "SAME_DAY",
              "immediateDanger": false,
              "consent": {"status": "NOT_SOUGHT", "reason": "Seeking consent could place the child at risk"}
            }""";

    private final ContactService contacts;
    private final ContactIntake intake;
    private final Caller caller;
    private final Freshness freshness;

    public ContactResource(ContactService contacts, ContactIntake intake, Caller caller, Freshness freshness) {
        this.freshness = freshness;
        this.intake = intake;
        this.contacts = contacts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.REFERRER, Roles.PRACTITIONER})
    @Operation(summary = "Submit a contact about one or more children",
            description = "One contact is created per child, linked by a submission id. The contact is stored and its "
                    + "event committed before 201 is answered.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "police contact", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Stored; one contact per child, in the order of children[] (a "
            + "replay with the same Idempotency-Key answers the same, with Idempotent-Replayed: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContactViews.Submitted.class)),
            headers = {@org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Location",
                    description = "the first contact: /api/v1/contacts/{id}"),
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Idempotent-Replayed",
                            description = "true when this answers an earlier request with the same Idempotency-Key")})
    @APIResponse(responseCode = "400", description = "A field breaks a rule (application/problem+json names it)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was already used for a different request")
    public Uni<RestResponse<ContactViews.Submitted>> submit(
            @Parameter(description = "Makes a retried submission safe: the same key with the same body returns the same "
                    + "contacts; with a different body, 422. Scoped to your agency.", example = "5f0c7d1e-2b7a-4d3e-9c1a-8e2f4b6a7c90")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull ContactSubmission submission) {
        return intake.submit(submission, requester(), idempotencyKey)
                .map(submitted -> RestResponse.ResponseBuilder
                        .<ContactViews.Submitted>created(URI.create("/api/v1/contacts/" + submitted.contacts().get(0).id))
                        .header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
                        .entity(ContactViews.Submitted.of(submitted.contacts()))
                        .build());
    }

    @GET
    @RolesAllowed({Roles.REFERRER, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "List contacts", description = "A referrer sees only the contacts of their own agency. Newest first.")
    public Uni<ContactViews.Page> list(@QueryParam("status") String status,
                                       @QueryParam("from") String from,
                                       @QueryParam("to") String to,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return contacts.list(requester(), QueryParams.oneOf("status", status, ContactStatus.class),
                        QueryParams.dateTime("from", from), QueryParams.dateTime("to", to), page, size)
                .map(items -> new ContactViews.Page(page, size, items.stream().map(ContactViews.Summary::of).toList()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REFERRER, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "A contact with its timeline",
            description = "Received, in triage, decided (with the outcome). A contact of another agency answers 404. "
                    + "freshness says how many triage events this service has yet to apply and the time of the newest "
                    + "it applied: while it is catching up, a step not shown yet may already have happened.")
    public Uni<ContactViews.Detail> get(@PathParam("id") UUID id) {
        return contacts.read(id, requester()).chain(c -> contacts.amendments(c.id).map(amendments ->
                new ContactViews.Detail(ContactViews.Summary.of(c),
                        Timeline.of(c.receivedAt, c.inTriageAt, c.decidedAt, c.outcome, c.referrerInformedAt,
                                c.referrerInformedHow), contacts.details(c),
                        amendments.stream().map(ContactViews.AmendmentView::of).toList(), freshness.view())));
    }

    @POST
    @Path("/{id}/amendments")
    @RolesAllowed({Roles.REFERRER, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "Add information to a contact",
            description = "The contact as received is never changed; the amendment is recorded with who and when and "
                    + "shown to the MASH on the triage case.")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Uni<RestResponse<ContactViews.AmendmentView>> amend(@PathParam("id") UUID id, @Valid @NotNull Amendment amendment) {
        return contacts.amend(id, amendment, requester()).map(a -> RestResponse.ResponseBuilder
                .<ContactViews.AmendmentView>created(URI.create("/api/v1/contacts/" + id))
                .entity(ContactViews.AmendmentView.of(a)).build());
    }

    private ContactService.Requester requester() {
        return new ContactService.Requester(caller.username(), caller.agency(), caller.roles());
    }
}

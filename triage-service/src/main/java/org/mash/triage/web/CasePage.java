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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.mash.platform.codes.CodeList;
import org.mash.platform.security.Roles;
import org.mash.platform.web.Feedback;
import org.mash.platform.web.FormPosts;
import org.mash.platform.web.FormValues;
import org.mash.triage.domain.Agency;
import org.mash.triage.domain.ConsentStatus;
import org.mash.triage.domain.Outcome;
import org.mash.triage.domain.Rag;
import org.mash.triage.rest.CaseViews;
import org.mash.triage.rest.CheckResource;
import org.mash.triage.rest.TriageResource;

/**
 * One case on screen (practitioners and managers): the contact as received with its amendments, history matches,
 * checks, consent, level of need, ratings, the decision and the timeline, with a form for each action. Every form
 * calls the API's own operation, so it is refused for the same reasons, in the same words, shown beside the field.
 */
@Path("/ui/cases/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
public class CasePage {

    /** The choices the forms offer, from the same enums and code lists the API checks against. */
    public record Choices(List<String> rags, List<String> outcomes, List<String> consentStatuses, List<String> agencies,
                          List<Map.Entry<String, String>> primaryNeeds) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance casePage(CaseViews.CaseDetail detail, List<ContactFacts.Fact> contact,
                                                List<CaseViews.TimelineEntry> timeline,
                                                CaseViews.HistoryView history, CaseViews.ConsentView consent,
                                                Choices choices, Feedback feedback);
    }

    private static final Choices CHOICES = new Choices(names(Rag.values()), names(Outcome.values()),
            names(ConsentStatus.values()), java.util.Arrays.stream(Agency.values()).map(Agency::code).toList(),
            CodeList.load("primary-need").entries());

    private final TriageResource api;
    private final CheckResource checks;

    public CasePage(TriageResource api, CheckResource checks) {
        this.api = api;
        this.checks = checks;
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> show(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return render(id, done == null ? Feedback.NONE : Feedback.done(done));
    }

    @POST
    @Path("claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(hidden = true)
    public Uni<Response> claim(@PathParam("id") UUID id) {
        return act(id, "You have taken the case.", () -> api.claim(id));
    }

    @POST
    @Path("release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> release(@PathParam("id") UUID id) {
        return act(id, "The case is back in the queue.", () -> api.release(id));
    }

    @POST
    @Path("assignment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.MANAGER)
    @Operation(hidden = true)
    public Uni<Response> assign(@PathParam("id") UUID id, @RestForm String assignee) {
        return act(id, "The case is assigned.", () -> api.assign(id, new TriageResource.AssignmentRequest(assignee)));
    }

    @POST
    @Path("rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> rate(@PathParam("id") UUID id, @RestForm String rag, @RestForm String rationale) {
        return act(id, "The rating is recorded.", () -> api.rate(id,
                new TriageResource.RatingRequest(FormValues.oneOf("rag", rag, Rag.class), rationale)));
    }

    @POST
    @Path("level-of-need")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> levelOfNeed(@PathParam("id") UUID id, @RestForm String level, @RestForm String rationale) {
        return act(id, "The level of need is recorded.", () -> api.levelOfNeed(id,
                new TriageResource.LevelOfNeedRequest(FormValues.integer("level", level), rationale)));
    }

    @POST
    @Path("consent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> consent(@PathParam("id") UUID id, @RestForm String status, @RestForm String reason) {
        return act(id, "Consent is recorded.", () -> api.consent(id,
                new TriageResource.ConsentRequest(FormValues.oneOf("status", status, ConsentStatus.class), FormValues.text(reason))));
    }

    @POST
    @Path("consent/override/authorisation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.MANAGER)
    @Operation(hidden = true)
    public Uni<Response> authoriseOverride(@PathParam("id") UUID id) {
        return act(id, "The consent override is authorised.", () -> api.authoriseOverride(id));
    }

    @POST
    @Path("checks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(hidden = true)
    public Uni<Response> requestCheck(@PathParam("id") UUID id, @RestForm String agency, @RestForm String question) {
        return act(id, "The check is sent.", () -> checks.request(id, new CheckResource.CheckRequest(FormValues.text(agency),
                FormValues.text(question))));
    }

    @POST
    @Path("history/{matchId}/{verdict:confirm|reject}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> decideMatch(@PathParam("id") UUID id, @PathParam("matchId") UUID matchId,
                                     @PathParam("verdict") String verdict) {
        return "confirm".equals(verdict)
                ? act(id, "The match is confirmed.", () -> api.confirm(id, matchId))
                : act(id, "The match is rejected.", () -> api.reject(id, matchId));
    }

    @POST
    @Path("decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(hidden = true)
    public Uni<Response> propose(@PathParam("id") UUID id, @RestForm String outcome, @RestForm String rationale,
                                 @RestForm String primaryNeedCode) {
        return act(id, "The decision is proposed: a manager now authorises or returns it.", () -> api.propose(id,
                new TriageResource.ProposalRequest(FormValues.oneOf("outcome", outcome, Outcome.class), rationale,
                        FormValues.text(primaryNeedCode), null)));
    }

    @POST
    @Path("decision/authorisation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.MANAGER)
    @Operation(hidden = true)
    public Uni<Response> authorise(@PathParam("id") UUID id) {
        return act(id, "The decision is authorised.", () -> api.authorise(id));
    }

    @POST
    @Path("decision/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.MANAGER)
    @Operation(hidden = true)
    public Uni<Response> giveBack(@PathParam("id") UUID id, @RestForm String comment) {
        return act(id, "The proposal is returned to the practitioner.", () -> api.giveBack(id,
                new TriageResource.ReturnRequest(comment)));
    }

    private <T> Uni<Response> act(UUID id, String done, Supplier<Uni<T>> operation) {
        return FormPosts.submit(operation, result -> FormPosts.done("/ui/cases/" + id, done), feedback -> render(id, feedback));
    }

    private Uni<Response> render(UUID id, Feedback feedback) {
        return api.get(id).chain(detail -> api.timeline(id).chain(timeline -> api.history(id).chain(history ->
                api.consentOf(id).map(consent -> Response.status(feedback.status())
                        .entity(Templates.casePage(detail, ContactFacts.of(detail.contact()), timeline, history, consent, CHOICES, feedback)).build()))));
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
}

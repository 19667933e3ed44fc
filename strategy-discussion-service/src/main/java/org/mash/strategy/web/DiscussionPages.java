package org.mash.strategy.web;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.mash.platform.security.Roles;
import org.mash.platform.web.Feedback;
import org.mash.platform.web.FormPosts;
import org.mash.platform.web.FormValues;
import org.mash.platform.web.PagesConfig;
import org.mash.strategy.domain.ActionRequest;
import org.mash.strategy.domain.Attendance;
import org.mash.strategy.domain.ChildDecision;
import org.mash.strategy.domain.ContributionRequest;
import org.mash.strategy.domain.HoldRequest;
import org.mash.strategy.domain.IcpcRequest;
import org.mash.strategy.domain.S47OutcomeRequest;
import org.mash.strategy.domain.InvitationResponse;
import org.mash.strategy.domain.Mode;
import org.mash.strategy.domain.Outcome;
import org.mash.strategy.domain.RiskGrading;
import org.mash.strategy.domain.SupersedeRequest;
import org.mash.strategy.rest.DiscussionViews;
import org.mash.strategy.rest.StrategyDiscussionResource;

/**
 * The strategy screens: the discussions and the deadlines; a discussion with its invitations and answers, the
 * contributions each role may see, the decision per child, the section 47 enquiry with its ICPC target, actions and
 * minutes; and the forms to answer an invitation, contribute, record the meeting held and add an action. Every form
 * goes through the API's own operation, refused for the same reasons in the same words.
 */
@Path("/ui/discussions/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.STRATEGY_PARTICIPANT, Roles.PRACTITIONER, Roles.MANAGER})
public class DiscussionPages {

    /** The choices the forms offer, from the enums the API checks against. */
    public record Choices(List<String> modes, List<String> attendances, List<String> outcomes, List<String> gradings,
                          List<String> responses, List<Map.Entry<String, String>> s47Outcomes) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance discussion(DiscussionViews.Detail d, Choices choices, Feedback feedback);
    }

    private static final Choices CHOICES = new Choices(names(Mode.values()), names(Attendance.values()),
            names(Outcome.values()), names(RiskGrading.values()),
            Arrays.stream(InvitationResponse.values()).filter(r -> r != InvitationResponse.PENDING).map(Enum::name).toList(),
            org.mash.platform.codes.CodeList.load("s47-outcome").entries());

    private final StrategyDiscussionResource api;
    private final PagesConfig pages;

    public DiscussionPages(StrategyDiscussionResource api, PagesConfig pages) {
        this.api = api;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> discussion(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return render(id, done == null ? Feedback.NONE : Feedback.done(done));
    }

    @POST
    @Path("invitations/{agency}/response")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> respond(@PathParam("id") UUID id, @PathParam("agency") String agency, @RestForm String response) {
        return act(id, "The answer is recorded.", () -> api.respond(id, agency, new StrategyDiscussionResource.ResponseRequest(
                FormValues.oneOf("response", response, InvitationResponse.class))));
    }

    @POST
    @Path("contributions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> contribute(@PathParam("id") UUID id, @RestForm String information, @RestForm String riskGrading,
                                    @RestForm String agency) {
        return act(id, "The information is shared.", () -> api.contribute(id, new ContributionRequest(
                FormValues.text(information), FormValues.oneOf("riskGrading", riskGrading, RiskGrading.class),
                FormValues.text(agency), null)));
    }

    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(hidden = true)
    public Uni<Response> addAction(@PathParam("id") UUID id, @RestForm String description, @RestForm String agency,
                                   @RestForm String dueOn) {
        return act(id, "The action is added.", () -> api.addAction(id, new ActionRequest(FormValues.text(description),
                FormValues.text(agency), FormValues.date("dueOn", dueOn), null)));
    }

    /**
     * The meeting held (the chair, a manager): when (the hub's local time), how, who attended (one choice per invited
     * agency, named {@code attendance.<agency>}), and the decision for the children.
     */
    @POST
    @Path("held")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.MANAGER)
    @Operation(hidden = true)
    public Uni<Response> held(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return act(id, "The discussion is recorded as held.", () -> {
            Map<String, Attendance> attendance = new LinkedHashMap<>();
            form.forEach((name, values) -> {
                if (name.startsWith("attendance.") && !values.isEmpty() && FormValues.text(values.get(0)) != null) {
                    attendance.put(name.substring("attendance.".length()), FormValues.oneOf(name, values.get(0), Attendance.class));
                }
            });
            return api.held(id, new HoldRequest(heldAt(form.getFirst("heldAt")),
                    FormValues.oneOf("mode", form.getFirst("mode"), Mode.class), attendance,
                    FormValues.oneOf("outcome", form.getFirst("outcome"), Outcome.class), FormValues.text(form.getFirst("rationale")),
                    FormValues.text(form.getFirst("absenceReason")), FormValues.text(form.getFirst("safetyPlan")),
                    ownDecisions(form)));
        });
    }

    /**
     * A sibling group's own decisions: fields {@code children.<contact id>.outcome|rationale|safetyPlan}; a child whose
     * fields are all left empty takes the decision given for every child.
     */
    private static Map<UUID, ChildDecision> ownDecisions(MultivaluedMap<String, String> form) {
        Map<String, Map<String, String>> byChild = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            String[] parts = name.split("\\.", 3);
            if (parts.length == 3 && parts[0].equals("children") && !values.isEmpty()) {
                byChild.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], values.get(0));
            }
        });
        Map<UUID, ChildDecision> decisions = new LinkedHashMap<>();
        byChild.forEach((child, fields) -> {
            if (fields.values().stream().anyMatch(v -> FormValues.text(v) != null)) {
                UUID contactId = FormValues.uuid("children", child);
                decisions.put(contactId, new ChildDecision(
                        FormValues.oneOf("children[" + child + "].outcome", fields.get("outcome"), Outcome.class),
                        FormValues.text(fields.get("rationale")), FormValues.text(fields.get("safetyPlan"))));
            }
        });
        return decisions.isEmpty() ? null : decisions;
    }

    /** A later decision for one child (the chair, a manager), with the reason; the recorded one stays on record. */
    @POST
    @Path("decisions/{decisionId}/supersession")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.MANAGER)
    @Operation(hidden = true)
    public Uni<Response> supersede(@PathParam("id") UUID id, @PathParam("decisionId") UUID decisionId,
                                   @RestForm String outcome, @RestForm String rationale, @RestForm String safetyPlan,
                                   @RestForm String reason) {
        return act(id, decisionId, "The later decision is recorded.", () -> api.supersede(id, decisionId,
                new SupersedeRequest(FormValues.oneOf("outcome", outcome, Outcome.class), FormValues.text(rationale),
                        FormValues.text(safetyPlan), FormValues.text(reason))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("actions/{actionId}/completion")
    @RolesAllowed({Roles.STRATEGY_PARTICIPANT, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(hidden = true)
    public Uni<Response> complete(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId, @RestForm String note) {
        return act(id, "The action is recorded as done.", () -> api.completeAction(id, actionId,
                new StrategyDiscussionResource.CompletionRequest(FormValues.text(note))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("minutes")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(hidden = true)
    public Uni<Response> minutes(@PathParam("id") UUID id, @RestForm String text) {
        return act(id, "The minutes are recorded.", () -> api.minutes(id,
                new StrategyDiscussionResource.MinutesRequest(FormValues.text(text))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("minutes/circulation")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(hidden = true)
    public Uni<Response> circulate(@PathParam("id") UUID id, @RestForm String agency, @RestForm String recipient) {
        return act(id, "The sending of the minutes is recorded.", () -> api.circulate(id,
                new StrategyDiscussionResource.CirculationRequest(FormValues.text(agency), FormValues.text(recipient), null)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("enquiries/{enquiryId}/outcome")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(hidden = true)
    public Uni<Response> conclude(@PathParam("id") UUID id, @PathParam("enquiryId") UUID enquiryId,
                                  @RestForm String concludedOn, @RestForm String outcomeCode) {
        return act(id, enquiryId, "The section 47 enquiry is concluded.", () -> api.conclude(id, enquiryId,
                new S47OutcomeRequest(FormValues.date("concludedOn", concludedOn), FormValues.text(outcomeCode))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("enquiries/{enquiryId}/icpc")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(hidden = true)
    public Uni<Response> icpc(@PathParam("id") UUID id, @PathParam("enquiryId") UUID enquiryId, @RestForm String heldOn) {
        return act(id, enquiryId, "The ICPC is recorded as held.", () -> api.icpc(id, enquiryId,
                new IcpcRequest(FormValues.date("heldOn", heldOn))));
    }

    /** A {@code datetime-local} field, read on the hub's clock. */
    private java.time.OffsetDateTime heldAt(String value) {
        if (FormValues.text(value) == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(pages.zone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw Feedback.unreadable("heldAt", "'" + value + "' is not a date and time (e.g. 2026-11-20T15:00)");
        }
    }

    /** Carries out a form on a discussion: back to the discussion when done, or the discussion again with the problem. */
    private <T> Uni<Response> act(UUID id, String done, Supplier<Uni<T>> operation) {
        return act(id, null, done, operation);
    }

    /** As {@link #act(UUID, String, Supplier)}, for one of several alike forms (one per child, decision or enquiry). */
    private <T> Uni<Response> act(UUID id, UUID form, String done, Supplier<Uni<T>> operation) {
        return FormPosts.submit(operation, result -> FormPosts.done("/ui/discussions/" + id, done),
                feedback -> render(id, feedback.about(form)));
    }

    private Uni<Response> render(UUID id, Feedback feedback) {
        return api.get(id).map(d -> Response.status(feedback.status())
                .entity(Templates.discussion(d, CHOICES, feedback)).build());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}

package org.mash.contacts.web;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mash.contacts.domain.ContactStatus;
import org.mash.contacts.domain.ContactSubmission;
import org.mash.contacts.rest.ContactResource;
import org.mash.contacts.rest.ContactViews;
import org.mash.platform.codes.CodeList;
import org.mash.platform.security.Roles;
import org.mash.platform.web.Feedback;
import org.mash.platform.web.FormPosts;

/**
 * The referrer's screens: a web form for a contact (children, household, concerns from the code lists, consent,
 * immediate danger), and their agency's contacts with the outcome and timeline. The form is sent through the API's own
 * operation, so it is refused for the same reasons in the same words, each shown beside its field; a hidden
 * idempotency key makes a form sent twice (a double click, a reload) one contact.
 */
@Path("/ui/contacts")
@Produces(MediaType.TEXT_HTML)
public class ContactPages {

    /** What the form offers, from the code lists the API checks against. */
    public record Choices(List<Map.Entry<String, String>> sources, List<Map.Entry<String, String>> concerns,
                          List<Map.Entry<String, String>> sexes, List<String> relationships, List<String> urgencies,
                          List<String> consents, List<Map.Entry<String, String>> upnUnknown,
                          List<Map.Entry<String, String>> disabilities) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(ContactForm form, Choices choices, String idempotencyKey, Feedback feedback);

        static native TemplateInstance list(ContactViews.Page page, String status);

        static native TemplateInstance contact(ContactViews.Detail detail, Feedback feedback);
    }

    private static final Choices CHOICES = new Choices(CodeList.load("referral-source").entries(),
            CodeList.load("concern-factor").entries(), CodeList.load("sex").entries(),
            names(ContactSubmission.Relationship.values()), names(ContactSubmission.Urgency.values()),
            names(ContactSubmission.ConsentStatus.values()), CodeList.load("upn-unknown").entries(),
            CodeList.load("disability").entries());

    private final ContactResource api;

    public ContactPages(ContactResource api) {
        this.api = api;
    }

    @GET
    @Path("new")
    @RolesAllowed({Roles.REFERRER, Roles.PRACTITIONER})
    @Operation(hidden = true)
    public TemplateInstance blank() {
        return Templates.form(ContactForm.empty(), CHOICES, UUID.randomUUID().toString(), Feedback.NONE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.REFERRER, Roles.PRACTITIONER})
    @Operation(hidden = true)
    public Uni<Response> submit(MultivaluedMap<String, String> fields) {
        ContactForm form = ContactForm.of(fields);
        String key = form.value("idempotencyKey").isBlank() ? UUID.randomUUID().toString() : form.value("idempotencyKey");
        return FormPosts.submit(() -> api.submit(key, form.toSubmission()),
                created -> "/ui/contacts/" + created.getEntity().contactIds().get(0) + "?done=sent",
                feedback -> Uni.createFrom().item(Response.status(feedback.status())
                        .entity(Templates.form(form, CHOICES, key, feedback)).build()));
    }

    @GET
    @RolesAllowed({Roles.REFERRER, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(hidden = true)
    public Uni<TemplateInstance> list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page) {
        String wanted = status == null || status.isBlank() ? null : status;
        return api.list(wanted, null, null, Math.max(0, page), 50).map(p -> Templates.list(p, wanted));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.REFERRER, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(hidden = true)
    public Uni<TemplateInstance> contact(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return api.get(id).map(detail -> Templates.contact(detail, "sent".equals(done)
                ? Feedback.done("Your contact is sent to the MASH. It is in their queue, and its progress shows here.")
                : Feedback.NONE));
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    static List<String> statuses() {
        return names(ContactStatus.values());
    }
}

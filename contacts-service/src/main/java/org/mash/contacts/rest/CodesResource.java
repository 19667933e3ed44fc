package org.mash.contacts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mash.contacts.service.ContactCodes;
import org.mash.platform.problem.ProblemException;
import org.mash.platform.security.Roles;

@Path("/api/v1/codes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Codes", description = "The DfE census code lists the contact form uses")
public class CodesResource {

    public record Code(String code, String description) {
    }

    private final ContactCodes codes;

    public CodesResource(ContactCodes codes) {
        this.codes = codes;
    }

    @GET
    @Path("/{list}")
    @RolesAllowed({Roles.REFERRER, Roles.PRACTITIONER, Roles.MANAGER})
    @Operation(summary = "One code list: referral-source, concern-factor, ethnicity, sex or disability")
    public List<Code> list(@PathParam("list") String name) {
        return codes.list(name)
                .orElseThrow(() -> ProblemException.notFound("no code list '" + name + "'; lists: " + ContactCodes.LISTS))
                .entries().stream().map(e -> new Code(e.getKey(), e.getValue())).toList();
    }
}

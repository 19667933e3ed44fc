package org.mash.contacts.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mash.contacts.service.CallbackRegistry;
import org.mash.platform.security.Caller;
import org.mash.platform.security.Roles;

@Path("/api/v1/callbacks/mine")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INTEGRATION_ADMIN)
@Tag(name = "Outcome notifications", description = "For agencies whose own case system integrates by API")
public class CallbackResource {

    public record Registration(@NotBlank @Size(max = 2000) String url, @NotBlank @Size(max = 200) String secret) {
    }

    public record Registered(String agency, String url, String registeredBy, OffsetDateTime registeredAt) {
    }

    private final CallbackRegistry registry;
    private final Caller caller;

    public CallbackResource(CallbackRegistry registry, Caller caller) {
        this.registry = registry;
        this.caller = caller;
    }

    @PUT
    @Operation(summary = "Register (or replace) your agency's outcome notification URL",
            description = "For a referrer holding the integration-admin role. The URL's host must be on the list the "
                    + "hub's operator keeps for your agency, and resolve to a public address. Each decided contact of your agency is POSTed there as JSON, signed in X-MASH-Signature "
                    + "(sha256= HMAC-SHA256 of X-MASH-Timestamp + '.' + body with your secret), and retried with backoff "
                    + "until you answer 2xx.")
    public Uni<Registered> register(@Valid @NotNull Registration registration) {
        return registry.register(caller.agency(), caller.username(), registration.url(), registration.secret())
                .map(c -> new Registered(c.agency, c.url, c.registeredBy, c.registeredAt));
    }

    @GET
    @Operation(summary = "Your agency's registration (the secret is never shown)")
    public Uni<Registered> get() {
        return registry.find(caller.agency()).map(c -> new Registered(c.agency, c.url, c.registeredBy, c.registeredAt));
    }

    @DELETE
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stop outcome notifications for your agency")
    public Uni<Void> remove() {
        return registry.remove(caller.agency());
    }
}

package org.mash.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every signed-in caller acts for one agency this installation knows ({@code mash.security.agencies}): a token whose
 * access token carries no {@code agency} claim, an empty one or an unknown one keeps its identity but loses every
 * role, so every endpoint and page answers 403 (saying why, {@link #REFUSED}) instead of acting for no agency or for
 * one an operator never set up. The claim is read from the access token for the API and the pages alike (on a page
 * the principal is the ID token); the token's signature was verified before this runs.
 */
@ApplicationScoped
public class AgencyCheck implements SecurityIdentityAugmentor {

    /** The identity attribute saying why the roles were withdrawn. */
    public static final String REFUSED = "mash.agency-refused";

    private final Set<String> agencies;

    public AgencyCheck(@ConfigProperty(name = "mash.security.agencies") List<String> agencies) {
        this.agencies = Set.copyOf(agencies);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        String why = refusal(agencyOf(identity), agencies);
        if (why == null) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(REFUSED, why)
                .setAnonymous(false)
                .build());
    }

    /** Why the current caller's roles were withdrawn, or a null item. */
    public static Uni<String> refusalOfCurrentCaller() {
        io.quarkus.arc.InstanceHandle<io.quarkus.security.identity.CurrentIdentityAssociation> association =
                io.quarkus.arc.Arc.container().instance(io.quarkus.security.identity.CurrentIdentityAssociation.class);
        if (!association.isAvailable() || !io.quarkus.arc.Arc.container().requestContext().isActive()) {
            return Uni.createFrom().nullItem();
        }
        return association.get().getDeferredIdentity()
                .map(identity -> identity == null ? null : identity.<String>getAttribute(REFUSED))
                .onFailure().recoverWithNull();
    }

    /** Why a caller with this agency claim may not act, or null if they may. */
    static String refusal(String agency, Set<String> known) {
        if (agency == null) {
            return "the access token carries no '" + Caller.AGENCY_CLAIM + "' claim: ask the administrator to set the "
                    + "account's agency";
        }
        if (!known.contains(agency)) {
            return "the access token's agency '" + (agency.length() > 40 ? agency.substring(0, 40) + "..." : agency)
                    + "' is not one this installation knows";
        }
        return null;
    }

    /** The access token's agency claim (blank is none); the token was verified before any caller reads it. */
    public static String agencyOf(SecurityIdentity identity) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return token == null ? null : agencyOf(token.getToken());
    }

    static String agencyOf(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode claim = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(Base64.getUrlDecoder().decode(parts[1])).get(Caller.AGENCY_CLAIM);
            return claim == null || !claim.isTextual() || claim.asText().isBlank() ? null : claim.asText().strip();
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}

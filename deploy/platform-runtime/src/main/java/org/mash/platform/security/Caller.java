package org.mash.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.mash.platform.problem.ProblemException;

/** Who is calling: user name, roles and the agency claim that Keycloak puts in the access token. */
@RequestScoped
public class Caller {

    public static final String AGENCY_CLAIM = "agency";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String username() {
        return identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The caller's agency (e.g. {@code police}); a token without one may not act for any agency. */
    public String agency() {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(AGENCY_CLAIM) : null;
        String agency = claim == null ? null : claim.toString().replace("\"", "").trim();
        if (agency == null || agency.isEmpty()) {
            throw ProblemException.forbidden("the access token carries no '" + AGENCY_CLAIM + "' claim");
        }
        return agency;
    }
}

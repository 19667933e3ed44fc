package org.mash.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.mash.platform.problem.ProblemException;

/**
 * Who is calling: user name, roles and the agency claim that Keycloak puts in the access token. On a page (the
 * code flow) the principal is the ID token, so the agency is read from the access token itself in both cases, the
 * one way {@link AgencyCheck} reads it: a page can never act for an agency the API would not.
 */
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
        String agency = agencyClaim();
        if (agency == null) {
            throw ProblemException.forbidden("the access token carries no '" + AGENCY_CLAIM + "' claim");
        }
        return agency;
    }

    /** The access token's agency claim, or null when there is none (or nobody signed in). */
    public String agencyClaim() {
        return identity.isAnonymous() ? null : AgencyCheck.agencyOf(identity);
    }
}

package org.mash.platform.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Set;
import org.mash.platform.security.Caller;
import org.mash.platform.security.Roles;

/**
 * The person signed in to a page, for the templates ({@code inject:me}): their name, their agency and what their
 * roles let them open. Roles come from the access token, as for the API, so a page shows a link only where the API
 * would answer.
 */
@Named("me")
@RequestScoped
public class SignedIn {

    private final SecurityIdentity identity;
    private final Caller caller;

    public SignedIn(SecurityIdentity identity, Caller caller) {
        this.identity = identity;
        this.caller = caller;
    }

    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public String agency() {
        String agency = caller.agencyClaim();
        return agency == null ? "" : agency;
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean triage() {
        return has(Roles.PRACTITIONER) || has(Roles.MANAGER);
    }

    public boolean partner() {
        return has(Roles.PARTNER_OFFICER);
    }

    public boolean referrer() {
        return has(Roles.REFERRER);
    }

    public boolean strategy() {
        return has(Roles.PRACTITIONER) || has(Roles.MANAGER) || has(Roles.STRATEGY_PARTICIPANT);
    }

    public boolean returns() {
        return has(Roles.RETURNS_OFFICER);
    }

    public boolean analyst() {
        return has(Roles.ANALYST) || has(Roles.MANAGER);
    }
}

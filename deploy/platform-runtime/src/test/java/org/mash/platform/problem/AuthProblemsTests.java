package org.mash.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Telling an identity provider out of reach (503, try again) from a token or a person refused (401). */
class AuthProblemsTests {

    @Test
    void anIdentityProviderOutOfReachIsNotTheCallersFault() {
        assertTrue(AuthProblems.identityProviderUnreachable(new OIDCException("OIDC server is not available")));
        assertTrue(AuthProblems.identityProviderUnreachable(
                new AuthenticationFailedException(new RuntimeException(new ConnectException("Connection refused")))));
    }

    @Test
    void aRefusedTokenIsStillA401() {
        assertFalse(AuthProblems.identityProviderUnreachable(new AuthenticationFailedException("token expired")));
        assertFalse(AuthProblems.identityProviderUnreachable(new IllegalStateException("x", new IllegalArgumentException())));
        assertEquals(AuthProblems.Reason.EXPIRED, AuthProblems.reason(new AuthenticationFailedException("token expired")));
    }
}

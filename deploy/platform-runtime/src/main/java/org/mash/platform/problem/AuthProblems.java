package org.mash.platform.problem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request without a token, or with one that cannot be trusted, answers 401 as a problem that says why, with the
 * RFC 6750 challenge ({@code WWW-Authenticate: Bearer error="invalid_token", error_description="..."}). Tokens are
 * verified locally against the realm's keys (no introspection call per token: see application.properties), and each
 * refusal is counted in {@code mash_auth_rejected_total} (tag {@code reason}) instead of being logged, so a flood of
 * bad tokens floods neither the log nor the identity provider. A page under {@code /ui/} without a session is not
 * answered here: the pages' sign-in mechanism redirects the browser to the sign-in page.
 */
@Singleton
public class AuthProblems {

    /** Why a token was refused, as a client can act on it. */
    enum Reason {
        MISSING("missing", null, "send a bearer token from the MASH identity provider (Authorization: Bearer <token>)"),
        EXPIRED("expired", "invalid_token", "the token has expired: get a new one (tokens last as long as the identity "
                + "provider's access token lifespan; refresh it with the refresh token, or sign in again)"),
        NOT_YET_VALID("not-yet-valid", "invalid_token", "the token is not valid yet (check the clocks)"),
        AUDIENCE("audience", "invalid_token", "the token was not issued for the MASH services (its audience must include mash-services)"),
        ISSUER("issuer", "invalid_token", "the token was not issued by the MASH identity provider (wrong issuer)"),
        SIGNATURE("signature", "invalid_token", "the token's signature does not verify against the MASH identity provider's keys"),
        MALFORMED("malformed", "invalid_token", "the bearer token is not a signed JWT (three base64url parts)"),
        INVALID("invalid", "invalid_token", "the token cannot be trusted");

        final String tag;
        final String error;
        final String why;

        Reason(String tag, String error, String why) {
            this.tag = tag;
            this.error = error;
            this.why = why;
        }
    }

    private final MeterRegistry registry;
    private final String service;
    private final Map<Reason, Counter> counters = new ConcurrentHashMap<>();

    private final String audience;

    public AuthProblems(MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String service,
                        @ConfigProperty(name = "quarkus.oidc.token.audience", defaultValue = "mash-services") String audience) {
        this.registry = registry;
        this.service = service;
        this.audience = audience;
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Uni<Response> unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers,
                                      RoutingContext routing) {
        if (identityProviderUnreachable(e)) {
            return Uni.createFrom().item(signInUnavailable(uri));
        }
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            // the pages (/ui/*) sign people in: their mechanism's challenge is a redirect to the sign-in page (or 499
            // for a partial update that cannot follow one), and it stands; the API's is a bearer challenge, answered here
            return challenge(routing).map(signIn -> signIn != null ? signIn : problem(e, uri, null))
                    .onFailure(AuthProblems::identityProviderUnreachable).recoverWithItem(() -> signInUnavailable(uri));
        }
        return Uni.createFrom().item(problem(e, uri, authorization));
    }

    /**
     * The identity provider could not be reached to set up sign-in (a service started while Keycloak was down: its
     * keys and endpoints are fetched again on the next request). Nothing is wrong with the request: 503 with
     * {@code Retry-After}, as a page under {@code /ui/}, instead of a bare 500.
     */
    @ServerExceptionMapper(io.quarkus.oidc.OIDCException.class)
    public Response oidcUnavailable(io.quarkus.oidc.OIDCException e, UriInfo uri) {
        return signInUnavailable(uri);
    }

    static Response signInUnavailable(UriInfo uri) {
        return Response.fromResponse(Problem.of(503, "Service Unavailable",
                        "sign-in is not available at the moment: the identity provider cannot be reached. Try again in a "
                                + "few seconds.", List.of()).at(uri.getPath()).toResponse())
                .header("Retry-After", "10").build();
    }

    /** Whether a failure is the identity provider out of reach (not a token or a person refused). */
    static boolean identityProviderUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.quarkus.oidc.OIDCException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The authentication mechanism's challenge if it sends the browser to sign in, else null. */
    private static Uni<Response> challenge(RoutingContext routing) {
        HttpAuthenticator authenticator = routing == null ? null
                : routing.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().nullItem();
        }
        return authenticator.getChallenge(routing).map(challenge -> {
            if (challenge == null || challenge.status == 401) {
                return null;
            }
            Response.ResponseBuilder response = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
            return response.build();
        });
    }

    private Response problem(RuntimeException e, UriInfo uri, String authorization) {
        Reason reason = authorization == null || authorization.isBlank() ? Reason.MISSING : reason(e, authorization, audience);
        counters.computeIfAbsent(reason, r -> Counter.builder("mash.auth.rejected")
                .description("requests refused with 401, by reason").tag("service", service).tag("reason", r.tag)
                .register(registry)).increment();
        String challenge = reason.error == null ? "Bearer realm=\"mash\""
                : "Bearer realm=\"mash\", error=\"" + reason.error + "\", error_description=\"" + reason.why.replace("\"", "'") + "\"";
        List<Problem.FieldError> errors = List.of(new Problem.FieldError("Authorization",
                reason.error == null ? "required" : reason.error, reason.why));
        return Response.fromResponse(Problem.of(401, "Unauthorized", reason.why, errors).at(uri.getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    /**
     * The reason: first what the token itself shows (not a JWT, expired, another audience), read from its unverified
     * claims only to explain a refusal the verifier already made; then the verifier's words in the cause chain.
     */
    static Reason reason(Throwable e, String authorization, String audience) {
        Reason fromToken = fromToken(authorization, audience);
        return fromToken != null ? fromToken : reason(e);
    }

    static Reason fromToken(String authorization, String audience) {
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : authorization;
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Reason.MALFORMED;
        }
        try {
            java.util.Base64.Decoder decoder = java.util.Base64.getUrlDecoder();
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode header = json.readTree(decoder.decode(parts[0]));
            com.fasterxml.jackson.databind.JsonNode claims = json.readTree(decoder.decode(parts[1]));
            if (header == null || !header.has("alg") || claims == null || !claims.isObject()) {
                return Reason.MALFORMED;
            }
            long now = java.time.Instant.now().getEpochSecond();
            if (claims.has("exp") && claims.get("exp").asLong() < now) {
                return Reason.EXPIRED;
            }
            if (claims.has("nbf") && claims.get("nbf").asLong() > now + 60) {
                return Reason.NOT_YET_VALID;
            }
            com.fasterxml.jackson.databind.JsonNode aud = claims.path("aud");
            boolean forUs = aud.isTextual() ? aud.asText().equals(audience)
                    : aud.isArray() && java.util.stream.StreamSupport.stream(aud.spliterator(), false)
                            .anyMatch(a -> audience.equals(a.asText()));
            if (!forUs) {
                return Reason.AUDIENCE;
            }
            return null;
        } catch (IllegalArgumentException | java.io.IOException notAJwt) {
            return Reason.MALFORMED;
        }
    }

    /** The reason, from the verifier's words anywhere in the cause chain. */
    static Reason reason(Throwable e) {
        StringBuilder words = new StringBuilder();
        for (Throwable t = e; t != null && words.length() < 4_000; t = t.getCause()) {
            words.append(' ').append(t.getClass().getSimpleName()).append(' ').append(t.getMessage());
        }
        String all = words.toString().toLowerCase(Locale.ROOT);
        if (all.contains("expiration time") || all.contains("expired")) {
            return Reason.EXPIRED;
        }
        if (all.contains("not before") || all.contains("nbf")) {
            return Reason.NOT_YET_VALID;
        }
        if (all.contains("audience") || all.contains("aud ")) {
            return Reason.AUDIENCE;
        }
        if (all.contains("issuer") || all.contains("iss ")) {
            return Reason.ISSUER;
        }
        if (all.contains("signature") || all.contains("no matching key") || all.contains("unable to find a signature")
                || all.contains("key resolution")) {
            return Reason.SIGNATURE;
        }
        if (all.contains("malformed") || all.contains("invalid jose") || all.contains("compact serialization")
                || all.contains("opaque")) {
            return Reason.MALFORMED;
        }
        return Reason.INVALID;
    }
}

package org.mash.platform.security;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the identity provider's signing keys can be fetched now, as a readiness detail that stays UP: tokens are
 * verified on the keys the service already holds, so Keycloak being down stops new sign-ins, not the work of those
 * signed in, and the service must stay in rotation. The detail says since when the keys cannot be fetched, so an
 * operator sees it before a key rotation makes it matter. The keys' address is read every
 * {@code mash.security.keys-check-interval} off the request path, and every few seconds while it cannot be read (a
 * service that starts alongside Keycloak says "can be fetched" as soon as Keycloak is up, not an interval later); a
 * service verifying with a configured public key (the tests) says so.
 */
@Readiness
@ApplicationScoped
public class SigningKeysCheck implements HealthCheck {

    record State(boolean reachable, Instant since, Instant checked, String error) {
    }

    private final Optional<String> identityProvider;
    private final Duration interval;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile State state;

    public SigningKeysCheck(@ConfigProperty(name = "mash.security.identity-provider") Optional<String> identityProvider,
                            @ConfigProperty(name = "mash.security.keys-check-interval", defaultValue = "30s") Duration interval,
                            Clock clock) {
        this.identityProvider = identityProvider.map(String::strip).filter(s -> !s.isEmpty());
        this.interval = interval;
        this.clock = clock;
    }

    /** The keys' address (Keycloak's JWKS endpoint of the realm), or empty when the keys are configured locally. */
    Optional<URI> keysUrl() {
        return identityProvider.map(url -> URI.create(url.replaceAll("/+$", "") + "/protocol/openid-connect/certs"));
    }

    @Scheduled(every = "5s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (due()) {
            probe();
        }
    }

    /** Whether the keys are to be read now: never read, unreadable at the last reading, or read an interval ago. */
    boolean due() {
        State now = state;
        return now == null || !now.reachable() || !clock.instant().isBefore(now.checked().plus(interval));
    }

    void probe() {
        keysUrl().ifPresent(url -> record(fetch(url)));
    }

    /** Null when the keys came, else why not. */
    String fetch(URI url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"keys\"") ? null
                    : "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    void record(String error) {
        State before = state;
        boolean reachable = error == null;
        Instant checked = clock.instant();
        Instant since = before != null && before.reachable() == reachable ? before.since() : checked;
        state = new State(reachable, since, checked, error);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("identity provider signing keys").up();
        if (keysUrl().isEmpty()) {
            return builder.withData("keys", "configured locally (a public key): nothing to fetch").build();
        }
        State now = state;
        if (now == null) {
            return builder.withData("keys", "not checked yet").build();
        }
        builder.withData("keys", now.reachable() ? "can be fetched" : "cannot be fetched; tokens are verified on the keys held")
                .withData("since", now.since().toString());
        if (now.error() != null) {
            builder.withData("error", now.error().length() > 200 ? now.error().substring(0, 200) : now.error());
        }
        return builder.build();
    }
}

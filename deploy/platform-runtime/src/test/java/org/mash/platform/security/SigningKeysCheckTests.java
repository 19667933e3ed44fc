package org.mash.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Readiness says whether the identity provider's keys can be fetched, and since when, and stays UP either way. */
class SigningKeysCheckTests {

    @Test
    void keycloakDownIsSaidWithSinceWhileTheServiceStaysReady() throws Exception {
        HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/realms/mash/protocol/openid-connect/certs", exchange -> {
            byte[] body = "{\"keys\": [{\"kid\": \"k1\", \"kty\": \"RSA\"}]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.start();
        int port = keycloak.getAddress().getPort();
        SigningKeysCheck check = new SigningKeysCheck(Optional.of("http://127.0.0.1:" + port + "/realms/mash/"),
                Duration.ofSeconds(30), Clock.systemUTC());
        assertEquals("not checked yet", data(check.call(), "keys"));

        check.probe();
        HealthCheckResponse up = check.call();
        assertEquals(HealthCheckResponse.Status.UP, up.getStatus());
        assertEquals("can be fetched", data(up, "keys"));
        String reachableSince = data(up, "since");

        keycloak.stop(0); // Keycloak goes down
        check.probe();
        HealthCheckResponse down = check.call();
        assertEquals(HealthCheckResponse.Status.UP, down.getStatus(), "tokens still verify on the keys held");
        assertTrue(data(down, "keys").startsWith("cannot be fetched"), data(down, "keys"));
        assertNotNull(data(down, "error"));
        String downSince = data(down, "since");
        check.probe();
        assertEquals(downSince, data(check.call(), "since"), "since the first failure, not the latest");
        assertTrue(downSince.compareTo(reachableSince) >= 0);
    }

    @Test
    void keysThatCannotBeFetchedAreTriedAgainAtOnceAndFetchedOnesOnlyAfterTheInterval() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T09:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        SigningKeysCheck check = new SigningKeysCheck(Optional.of("http://127.0.0.1:9/realms/mash"), Duration.ofSeconds(30), clock);
        assertTrue(check.due(), "never read");
        check.record("ConnectException"); // Keycloak still starting
        now.set(now.get().plusSeconds(5));
        assertTrue(check.due(), "unreadable keys are tried again on the next tick, not an interval later");
        check.record(null);
        now.set(now.get().plusSeconds(29));
        assertFalse(check.due(), "readable keys wait for the interval");
        now.set(now.get().plusSeconds(1));
        assertTrue(check.due());
    }

    @Test
    void aServiceVerifyingWithAConfiguredKeyHasNothingToFetch() {
        SigningKeysCheck check = new SigningKeysCheck(Optional.of(" "), Duration.ofSeconds(30), Clock.systemUTC());
        check.probe();
        assertTrue(data(check.call(), "keys").startsWith("configured locally"));
    }

    private static String data(HealthCheckResponse response, String key) {
        return response.getData().map(d -> d.get(key)).map(Object::toString).orElse(null);
    }
}

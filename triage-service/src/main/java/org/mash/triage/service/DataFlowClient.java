package org.mash.triage.service;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The department's receiver as the data flow sees it: an access token by the OAuth 2.0 client credentials grant
 * (Quarkus's OIDC client, kept until it expires, fetched again after a 401), then a POST of a JSON array of records
 * with {@code SupplierKey}; the answer classified as accepted (with the receipts), refused for good (400, 413), or to
 * be tried again. Call from a worker thread: it blocks.
 */
@ApplicationScoped
public class DataFlowClient {

    /** What became of a call: accepted with its receipts, refused for good, or to try again; why, never the data. */
    public record Outcome(boolean accepted, boolean refused, String receipts, String error) {

        static Outcome accepted(String receipts) {
            return new Outcome(true, false, receipts, null);
        }

        static Outcome refused(String error) {
            return new Outcome(false, true, null, error);
        }

        static Outcome retry(String error) {
            return new Outcome(false, false, null, error);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TriageConfig.DataFlow config;
    private final String laNumber;
    private final OidcClients clients;
    private final HttpClient http;
    private OidcClient tokenClient;
    private Tokens tokens;

    public DataFlowClient(TriageConfig config, OidcClients clients) {
        this.config = config.dataFlow();
        this.laNumber = config.returns().laNumber();
        this.clients = clients;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Posts one call's records ({@code payload}, a JSON array). */
    public synchronized Outcome send(String payload) {
        String token;
        try {
            token = accessToken();
        } catch (RuntimeException e) {
            return Outcome.retry("no token: " + e.getClass().getSimpleName());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.baseUrl().orElseThrow()
                        + "/children_social_care_data/" + laNumber + "/children"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("SupplierKey", config.supplierKey().orElse(""))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                return Outcome.accepted(response.body());
            }
            if (status == 401) {
                tokens = null; // the token was refused: a new one for the next try
            }
            return status == 400 || status == 413 ? Outcome.refused("HTTP " + status) : Outcome.retry("HTTP " + status);
        } catch (java.io.IOException e) {
            return Outcome.retry(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted");
        }
    }

    private String accessToken() {
        if (tokens == null || tokens.isAccessTokenExpired()) {
            tokens = client().getTokens().await().atMost(TIMEOUT);
        }
        return tokens.getAccessToken();
    }

    private OidcClient client() {
        if (tokenClient == null) {
            String tokenUrl = config.tokenUrl().orElseThrow();
            OidcClientConfigBuilder builder = new OidcClientConfigBuilder()
                    .id("dfe-data-flow")
                    .authServerUrl(tokenUrl)
                    .discoveryEnabled(false)
                    .tokenPath(tokenUrl)
                    .clientId(config.clientId().orElseThrow())
                    .credentials().clientSecret(config.clientSecret().orElseThrow(),
                            OidcClientCommonConfig.Credentials.Secret.Method.POST).end()
                    .grant(OidcClientConfig.Grant.Type.CLIENT);
            config.scope().ifPresent(scope -> builder.scopes(List.of(scope.split(" "))));
            tokenClient = clients.newClient(builder.build()).await().atMost(TIMEOUT);
        }
        return tokenClient;
    }
}

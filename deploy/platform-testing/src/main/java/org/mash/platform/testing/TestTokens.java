package org.mash.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Real signed bearer tokens for a service's integration tests, shaped like the Keycloak realm's
 * ({@code realm_access.roles}, {@code agency}, {@code aud: mash-services}). The service verifies them with
 * the OIDC extension against this resource's public key, so the tests exercise the same token checks as
 * production without a Keycloak server (the end-to-end tests use the real Keycloak).
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://issuer.test.invalid/realms/mash";
    private static KeyPair keys;

    @Override
    public synchronized Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        // the API's tenant and the pages' ("web": bearer tokens in tests, Keycloak's sign-in page end to end)
        return Map.of(
                "quarkus.oidc.public-key", publicKey,
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.oidc.web.public-key", publicKey,
                "quarkus.oidc.web.token.issuer", ISSUER);
    }

    @Override
    public void stop() {
        // nothing to release
    }

    /** A token for {@code username} of {@code agency} holding {@code roles}, valid for 15 minutes. */
    public static String token(String username, String agency, String... roles) {
        return sign(username, agency, "mash-services", Instant.now().plusSeconds(900), roles);
    }

    /** A token whose audience is not this system: must be refused. */
    public static String tokenForAnotherAudience(String username, String agency, String... roles) {
        return sign(username, agency, "another-system", Instant.now().plusSeconds(900), roles);
    }

    /** A token that expired a minute ago: must be refused. */
    public static String expiredToken(String username, String agency, String... roles) {
        return sign(username, agency, "mash-services", Instant.now().minusSeconds(60), roles);
    }

    private static String sign(String username, String agency, String audience, Instant expires, String... roles) {
        return forge(username, agency, roles).audience(audience).expires(expires).token();
    }

    /** A token to tamper with, for the tests that prove each kind of forgery or mistake is refused. */
    public static Forged forge(String username, String agency, String... roles) {
        return new Forged(username, agency, roles);
    }

    /** A token shaped like the realm's, with one thing changed at a time. */
    public static final class Forged {
        private final String username;
        private final String[] roles;
        private String agency;
        private boolean agencyClaim = true;
        private String issuer = ISSUER;
        private String audience = "mash-services";
        private Instant expires = Instant.now().plusSeconds(900);
        private Instant notBefore;
        private String how = "RS256";
        private KeyPair signer = keys;

        Forged(String username, String agency, String[] roles) {
            this.username = username;
            this.agency = agency;
            this.roles = roles;
        }

        public Forged issuer(String value) { this.issuer = value; return this; }

        public Forged audience(String value) { this.audience = value; return this; }

        public Forged expires(Instant value) { this.expires = value; return this; }

        public Forged notBefore(Instant value) { this.notBefore = value; return this; }

        /** The {@code agency} claim left out altogether. */
        public Forged withoutAgency() { this.agencyClaim = false; return this; }

        /** Signed with a key of the right kind that is not the identity provider's. */
        public Forged signedByAnotherKey() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                this.signer = generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        /** {@code alg: none} and no signature. */
        public Forged unsigned() { this.how = "none"; return this; }

        /** HS256 with the identity provider's public key as the shared secret (the key-confusion attack). */
        public Forged hs256WithThePublicKey() { this.how = "HS256"; return this; }

        public String token() {
            long now = Instant.now().getEpochSecond();
            String roleList = Stream.of(roles).map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
            String payload = "{"
                    + "\"iss\":\"" + issuer + "\","
                    + "\"sub\":\"" + UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)) + "\","
                    + "\"preferred_username\":\"" + username + "\","
                    + "\"aud\":[\"" + audience + "\"],"
                    + "\"azp\":\"mash-cli\","
                    + "\"iat\":" + now + ","
                    + (notBefore == null ? "" : "\"nbf\":" + notBefore.getEpochSecond() + ",")
                    + "\"exp\":" + expires.getEpochSecond() + ","
                    + "\"jti\":\"" + UUID.randomUUID() + "\","
                    + "\"realm_access\":{\"roles\":[" + roleList + "]}"
                    + (!agencyClaim || agency == null ? "" : ",\"agency\":\"" + agency + "\"")
                    + "}";
            String header = "{\"alg\":\"" + how + "\",\"typ\":\"JWT\"}";
            String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + base64Url(payload.getBytes(StandardCharsets.UTF_8));
            try {
                return switch (how) {
                    case "none" -> signingInput + ".";
                    case "HS256" -> {
                        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                        mac.init(new javax.crypto.spec.SecretKeySpec(keys.getPublic().getEncoded(), "HmacSHA256"));
                        yield signingInput + "." + base64Url(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
                    }
                    default -> {
                        Signature signature = Signature.getInstance("SHA256withRSA");
                        signature.initSign(signer.getPrivate());
                        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                        yield signingInput + "." + base64Url(signature.sign());
                    }
                };
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

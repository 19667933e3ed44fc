package org.mash.contacts.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Outcome notifications to an agency's own case system: signed so the agency can trust them, retried with
 * exponential backoff until the agency acknowledges (any 2xx), never dropped.
 */
public final class CallbackPolicy {

    public static final String SIGNATURE_HEADER = "X-MASH-Signature";
    public static final String TIMESTAMP_HEADER = "X-MASH-Timestamp";
    public static final String DELIVERY_HEADER = "X-MASH-Delivery";

    private final Duration firstRetry;
    private final Duration maxRetry;

    public CallbackPolicy(Duration firstRetry, Duration maxRetry) {
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /** Wait before the next attempt after {@code failedAttempts} failures: first, 2x, 4x … capped. */
    public Duration backoff(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration delay = firstRetry.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    public static boolean acknowledged(int httpStatus) {
        return httpStatus >= 200 && httpStatus < 300;
    }

    /**
     * {@code sha256=<hex>} of HMAC-SHA256 over {@code timestamp + "." + body} with the agency's secret; the agency
     * recomputes it, and rejects old timestamps to stop replays.
     */
    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a callback registration is unusable, if it is: an https URL (http only to localhost) and a long secret. */
    public static Optional<Violation> checkRegistration(String url, String secret) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of(new Violation("url", "url", "'" + url + "' is not a URL"));
        }
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && local) || uri.getHost() == null) {
            return Optional.of(new Violation("url", "https", "outcome notifications go only to https URLs"));
        }
        if (secret == null || secret.length() < 32) {
            return Optional.of(new Violation("secret", "min-length", "the signing secret must be at least 32 characters"));
        }
        return Optional.empty();
    }
}

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

    /**
     * Why a callback registration is unusable, if it is: the URL must be https (http only to localhost where private
     * addresses are allowed, i.e. in development), its host on the list an operator configured for the agency, and
     * the secret long enough.
     */
    public static Optional<Violation> checkRegistration(String url, String secret, java.util.Collection<String> allowedHosts,
                                                        boolean allowPrivateAddresses) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.of(new Violation("url", "url", "'" + url + "' is not a URL"));
        }
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        boolean local = "localhost".equals(host) || "127.0.0.1".equals(host);
        if (host == null || !"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && local && allowPrivateAddresses)) {
            return Optional.of(new Violation("url", "https", "outcome notifications go only to https URLs"));
        }
        if (uri.getUserInfo() != null) {
            return Optional.of(new Violation("url", "no-credentials", "the URL must not carry a user name or password"));
        }
        if (allowedHosts.stream().noneMatch(allowed -> allowed.equalsIgnoreCase(host))) {
            return Optional.of(new Violation("url", "allowed-host", "'" + host + "' is not a host your agency's "
                    + "notifications may go to; the hub's operator keeps that list (mash.callbacks.allowed-hosts)"));
        }
        if (secret == null || secret.length() < 32) {
            return Optional.of(new Violation("secret", "min-length", "the signing secret must be at least 32 characters"));
        }
        return Optional.empty();
    }

    /**
     * Why a host's addresses may not receive notifications, if they may not: outside development, no loopback,
     * private, link-local (including cloud metadata at 169.254.169.254), carrier-grade NAT, unique-local, multicast
     * or unspecified address, so a registration cannot turn the service against the network it runs in.
     */
    public static Optional<Violation> checkAddresses(String host, java.util.List<java.net.InetAddress> addresses,
                                                     boolean allowPrivateAddresses) {
        if (addresses.isEmpty()) {
            return Optional.of(new Violation("url", "resolvable", "'" + host + "' does not resolve to an address"));
        }
        if (allowPrivateAddresses) {
            return Optional.empty();
        }
        return addresses.stream().filter(CallbackPolicy::internal).findFirst().map(a -> new Violation("url",
                "public-address", "'" + host + "' resolves to " + a.getHostAddress()
                        + ", an internal address: notifications go only to public addresses"));
    }

    static boolean internal(java.net.InetAddress a) {
        byte[] b = a.getAddress();
        boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || cgnat || uniqueLocal;
    }
}

package org.mash.contacts.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The contacts service's settings ({@code mash.callbacks.*}): how outcome notifications to agencies' case systems are
 * retried, where each agency's may go, and the key their signing secrets are sealed with.
 */
@ConfigMapping(prefix = "mash.callbacks")
public interface CallbackConfig {

    /** How often due notifications are sent. */
    @WithDefault("1s")
    String interval();

    /** The wait after the first failed attempt; it doubles with each further failure. */
    @WithDefault("PT10S")
    Duration firstRetry();

    /** The longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration maxRetry();

    /**
     * Per agency (as in the token's {@code agency} claim), the hosts its notifications may go to, set by the hub's
     * operator: {@code mash.callbacks.allowed-hosts.police=cases.police.example.org}. An agency without a list cannot
     * register a URL.
     */
    Map<String, List<String>> allowedHosts();

    /** Whether a URL may resolve to a loopback or private address: in development and tests only. */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /**
     * The key (64 hex digits, 32 bytes) that seals the agencies' signing secrets in the database (AES-GCM). No default
     * outside dev and test: the service refuses to start without it.
     */
    String secretKey();
}

package org.mash.contacts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallbackPolicyTests {

    final CallbackPolicy policy = new CallbackPolicy(Duration.ofSeconds(10), Duration.ofHours(1));

    @Test
    void backoffDoublesUpToTheCap() {
        assertEquals(Duration.ofSeconds(10), policy.backoff(1));
        assertEquals(Duration.ofSeconds(20), policy.backoff(2));
        assertEquals(Duration.ofSeconds(80), policy.backoff(4));
        assertEquals(Duration.ofHours(1), policy.backoff(12));
        assertEquals(Duration.ofHours(1), policy.backoff(500));
    }

    @Test
    void onlyA2xxIsAnAcknowledgement() {
        assertTrue(CallbackPolicy.acknowledged(200));
        assertTrue(CallbackPolicy.acknowledged(204));
        assertFalse(CallbackPolicy.acknowledged(302));
        assertFalse(CallbackPolicy.acknowledged(500));
    }

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBody() {
        // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'secret-secret-secret-secret-secret'
        assertEquals("sha256=b2d85a45a46484b4ae08c53bb4d97ce4622c0fc91fe3b19b1d918795c8999d3b",
                CallbackPolicy.signature("secret-secret-secret-secret-secret", "1700000000", "{\"a\":1}"));
    }

    @Test
    void registrationsNeedHttpsAnAllowedHostAndALongSecret() {
        String secret = "s".repeat(32);
        java.util.List<String> allowed = java.util.List.of("cases.police.example.org", "localhost");
        assertTrue(CallbackPolicy.checkRegistration("https://cases.police.example.org/mash", secret, allowed, false).isEmpty());
        assertTrue(CallbackPolicy.checkRegistration("https://CASES.police.example.org/mash", secret, allowed, false).isEmpty());
        assertTrue(CallbackPolicy.checkRegistration("http://localhost:9999/hook", secret, allowed, true).isEmpty());
        assertEquals("https", rule("http://localhost:9999/hook", secret, allowed, false), "plain http only in development");
        assertEquals("https", rule("http://cases.police.example.org/mash", secret, allowed, true));
        assertEquals("allowed-host", rule("https://attacker.example.net/mash", secret, allowed, false));
        assertEquals("allowed-host", rule("https://cases.police.example.org.attacker.net/mash", secret, allowed, false));
        assertEquals("allowed-host", rule("https://cases.police.example.org/mash", secret, java.util.List.of(), false));
        assertEquals("no-credentials", rule("https://u:p@cases.police.example.org/mash", secret, allowed, false));
        assertEquals("url", rule("https://bad host/x", secret, allowed, false));
        assertEquals("min-length", rule("https://cases.police.example.org/mash", "short", allowed, false));
    }

    @Test
    void outsideDevelopmentNoInternalAddressReceivesNotifications() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "224.0.0.1"}) {
            java.util.List<java.net.InetAddress> addresses = java.util.List.of(java.net.InetAddress.getByName(internal));
            assertEquals("public-address", CallbackPolicy.checkAddresses("h", addresses, false).orElseThrow().rule(), internal);
            assertTrue(CallbackPolicy.checkAddresses("h", addresses, true).isEmpty(), internal + " in development");
        }
        java.util.List<java.net.InetAddress> mixed = java.util.List.of(java.net.InetAddress.getByName("203.0.113.7"),
                java.net.InetAddress.getByName("10.0.0.7"));
        assertEquals("public-address", CallbackPolicy.checkAddresses("h", mixed, false).orElseThrow().rule(), "any internal one");
        assertTrue(CallbackPolicy.checkAddresses("h", java.util.List.of(java.net.InetAddress.getByName("203.0.113.7")), false).isEmpty());
        assertEquals("resolvable", CallbackPolicy.checkAddresses("h", java.util.List.of(), false).orElseThrow().rule());
    }

    private static String rule(String url, String secret, java.util.List<String> allowed, boolean allowPrivate) {
        return CallbackPolicy.checkRegistration(url, secret, allowed, allowPrivate).orElseThrow().rule();
    }
}

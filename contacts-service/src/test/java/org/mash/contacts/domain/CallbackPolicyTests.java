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
    void registrationsNeedHttpsAndALongSecret() {
        String secret = "s".repeat(32);
        assertTrue(CallbackPolicy.checkRegistration("https://cases.police.example.org/mash", secret).isEmpty());
        assertTrue(CallbackPolicy.checkRegistration("http://localhost:9999/hook", secret).isEmpty());
        assertEquals("url", CallbackPolicy.checkRegistration("http://cases.police.example.org/mash", secret).orElseThrow().field());
        assertEquals("secret", CallbackPolicy.checkRegistration("https://cases.police.example.org/mash", "short").orElseThrow().field());
    }
}

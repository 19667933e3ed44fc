package org.mash.contacts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.TestTokens;

/**
 * Real signed tokens with one thing wrong each: every one is refused with a problem (401 for a token that cannot be
 * trusted, 403 for a trusted one that may not act for a known agency), and a good one passes.
 */
@QuarkusTest
class TokenTests {

    static final String LIST = "/api/v1/contacts";

    static TestTokens.Forged referrer() {
        return TestTokens.forge("referrer.police", "police", "referrer");
    }

    @Test
    void aGoodTokenPasses() {
        given().auth().oauth2(referrer().token()).get(LIST).then().statusCode(200);
    }

    @Test
    void aTokenThatCannotBeTrustedIsA401ProblemSayingWhy() {
        Map<String, String> forged = new java.util.LinkedHashMap<>();
        forged.put("expired", referrer().expires(Instant.now().minusSeconds(120)).token());
        forged.put("not yet valid", referrer().notBefore(Instant.now().plusSeconds(3600)).token());
        forged.put("signed by another key", referrer().signedByAnotherKey().token());
        forged.put("alg none", referrer().unsigned().token());
        forged.put("HS256 with the public key", referrer().hs256WithThePublicKey().token());
        forged.put("another issuer", referrer().issuer("https://attacker.test.invalid/realms/mash").token());
        forged.put("another audience", referrer().audience("another-system").token());
        forged.put("not a JWT", "not-a-token");
        forged.forEach((what, token) -> given().auth().oauth2(token).get(LIST).then()
                .statusCode(401).contentType("application/problem+json").body("status", equalTo(401))
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("errors[0].field", equalTo("Authorization")));
    }

    @Test
    void aTrustedTokenWithoutAKnownAgencyIsA403ProblemEverywhere() {
        List<Map.Entry<TestTokens.Forged, String>> referrers = List.of(
                Map.entry(TestTokens.forge("referrer.x", null, "referrer").withoutAgency(), "carries no 'agency' claim"),
                Map.entry(TestTokens.forge("referrer.x", "", "referrer"), "carries no 'agency' claim"),
                Map.entry(TestTokens.forge("referrer.x", "martians", "referrer"), "'martians' is not one this installation knows"));
        referrers.forEach(r -> given().auth().oauth2(r.getKey().token()).get(LIST).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString(r.getValue())));
        // a manager's role is withdrawn as well: no endpoint acts for an agency nobody set up
        for (String agency : new String[] {null, "", "martians"}) {
            given().auth().oauth2(TestTokens.forge("manager.x", agency, "mash-manager").token())
                    .get("/api/v1/access-log").then().statusCode(403);
        }
    }
}

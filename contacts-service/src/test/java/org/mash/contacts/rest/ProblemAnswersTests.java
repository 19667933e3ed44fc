package org.mash.contacts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.TestTokens;

/** Every error a client can cause is an application/problem+json answer it can act on, never a 500. */
@QuarkusTest
class ProblemAnswersTests {

    static final String PROBLEM = "application/problem+json";

    @Test
    void aPageBeyondAnyListIsA400NamingItAndAPagePastTheEndIsEmpty() {
        DemoUsers.manager().get("/api/v1/contacts?page=2147483647").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("page"));
        DemoUsers.manager().get("/api/v1/contacts?page=99999").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aMalformedIdInThePathIsA404SayingSo() {
        DemoUsers.manager().get("/api/v1/contacts/not-a-uuid").then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("'not-a-uuid' is not an id"));
        DemoUsers.manager().get("/api/v1/no-such-thing").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aControlCharacterInAQueryParameterIsA400NamingIt() {
        DemoUsers.manager().queryParam("from", "2026-01-01T00:00:00Z\u0000").get("/api/v1/contacts").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("from"))
                .body("errors.rule", hasItem("no-control-characters"));
        DemoUsers.manager().queryParam("username", "a\u0000b").get("/api/v1/access-log").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("username"));
    }

    @Test
    void aBodyTooLargeIsA413() {
        String huge = "{\"description\": \"" + "x".repeat(300_000) + "\"}";
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body(huge).post("/api/v1/contacts").then()
                .statusCode(413).contentType(PROBLEM).body("detail", containsString("at most"));
    }

    @Test
    void theWrongContentTypeIsA415AndMalformedJsonA400() {
        DemoUsers.policeReferrer().contentType(ContentType.TEXT).body("hello").post("/api/v1/contacts").then()
                .statusCode(415).contentType(PROBLEM).body("detail", containsString("application/json"));
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body("{\"sourceCode\": ").post("/api/v1/contacts").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].rule", equalTo("json"))
                .body("errors[0].message", containsString("line 1, column"));
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body("{\"sourceCode\": \"1A\",\n  oops}")
                .post("/api/v1/contacts").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].message", containsString("line 2"))
                .body("detail", org.hamcrest.Matchers.not(containsString("HTTP 400 Bad Request")));
        // no body at all: the problem names the body, not a Java parameter
        DemoUsers.policeReferrer().contentType(ContentType.JSON).post("/api/v1/contacts").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(""))
                .body("errors[0].message", containsString("a JSON body is required"))
                .body(org.hamcrest.Matchers.not(containsString("submission")));
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body("{\"channel\": \"CARRIER_PIGEON\"}").post("/api/v1/contacts")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("channel"))
                .body("errors[0].message", containsString("SECURE_MAILBOX"));
    }

    @Test
    void noTokenOrABadOneIsA401ProblemSayingWhy() {
        double before = rejected("expired") + rejected("malformed");
        given().get("/api/v1/contacts").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer realm=\"mash\"")
                .body("errors[0].field", equalTo("Authorization")).body("errors[0].rule", equalTo("required"))
                .body("detail", containsString("Authorization: Bearer"));
        given().auth().oauth2("garbage").get("/api/v1/contacts").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("errors[0].rule", equalTo("invalid_token"))
                .body("detail", containsString("not a signed JWT"));
        given().auth().oauth2(TestTokens.expiredToken("referrer.police", "police", "referrer")).get("/api/v1/contacts")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("error_description=\"the token has expired"))
                .body("detail", containsString("expired"));
        given().auth().oauth2(TestTokens.tokenForAnotherAudience("referrer.police", "police", "referrer"))
                .get("/api/v1/contacts").then().statusCode(401).contentType(PROBLEM).body("detail", containsString("audience"));
        // counted, not logged at ERROR
        org.junit.jupiter.api.Assertions.assertEquals(before + 2, rejected("expired") + rejected("malformed"));
    }

    private static double rejected(String reason) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("mash_auth_rejected_total{") && l.contains("reason=\"" + reason + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** A JSON type is what the API says: 42 is not a text, "true" not a boolean. */
    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNotCoerced() {
        String id = ContactResourceTests.submit(DemoUsers.policeReferrer(), ContactResourceTests.TWO_SIBLINGS);
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body("{\"kind\": \"ADDITIONAL_INFORMATION\", \"text\": 42}")
                .post("/api/v1/contacts/" + id + "/amendments").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("text"));
        // a number is not a value of an enum (Jackson would read 0 as the first constant)
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body("{\"kind\": 0, \"text\": \"More\"}")
                .post("/api/v1/contacts/" + id + "/amendments").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("kind"));
        String body = ContactResourceTests.TWO_SIBLINGS.replace("\"immediateDanger\": false", "\"immediateDanger\": \"false\"");
        DemoUsers.policeReferrer().contentType(ContentType.JSON).body(body).post("/api/v1/contacts").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("immediateDanger"));
    }
}

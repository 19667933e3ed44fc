package org.mash.metrics;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import org.mash.platform.testing.TestTokens;

/** Requests made with the bearer token of one of the realm's kinds of user. */
public final class Users {

    private Users() {
    }

    public static RequestSpecification as(String username, String agency, String role) {
        return given().auth().oauth2(TestTokens.token(username, agency, role));
    }

    public static RequestSpecification analyst() {
        return as("analyst", "mash", "analyst");
    }

    public static RequestSpecification manager() {
        return as("manager", "mash", "mash-manager");
    }

    public static RequestSpecification referrer() {
        return as("referrer.police", "police", "referrer");
    }
}

package org.mash.platform.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * Requests made as the kinds of user the Keycloak realm has (deploy/keycloak/mash-realm.json), each with a
 * bearer token from {@link TestTokens} carrying the user's role and agency.
 */
public final class DemoUsers {

    private DemoUsers() {
    }

    public static RequestSpecification as(String username, String agency, String role) {
        return given().auth().oauth2(TestTokens.token(username, agency, role));
    }

    /** A police referrer ({@code referrer.police}). */
    public static RequestSpecification referrer() {
        return policeReferrer();
    }

    /** The police referrer who also administers the agency's outcome notifications (as the demo realm's). */
    public static RequestSpecification policeIntegrator() {
        return given().auth().oauth2(TestTokens.token("referrer.police", "police", "referrer", "integration-admin"));
    }

    public static RequestSpecification policeReferrer() {
        return as("referrer.police", "police", "referrer");
    }

    public static RequestSpecification schoolReferrer() {
        return as("referrer.school", "education", "referrer");
    }

    public static RequestSpecification practitioner() {
        return as("practitioner", "mash", "mash-practitioner");
    }

    public static RequestSpecification manager() {
        return as("manager", "mash", "mash-manager");
    }

    public static RequestSpecification analyst() {
        return as("analyst", "mash", "analyst");
    }

    /** Prepares the statutory returns: the census and the daily data flow (role returns-officer). */
    public static RequestSpecification returnsOfficer() {
        return as("returns", "mash", "returns-officer");
    }

    /** Runs the services: dead letters and parked events (role mash-operator). */
    public static RequestSpecification operator() {
        return as("operator", "mash", "mash-operator");
    }

    /** A strategy-discussion participant of {@code agency} (e.g. health, police, education). */
    public static RequestSpecification participant(String agency) {
        return as("participant." + agency, agency, "strategy-participant");
    }
}

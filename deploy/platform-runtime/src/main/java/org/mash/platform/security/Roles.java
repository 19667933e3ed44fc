package org.mash.platform.security;

/** The realm roles of the {@code mash} Keycloak realm (deploy/keycloak/mash-realm.json). */
public final class Roles {
    public static final String REFERRER = "referrer";
    public static final String PRACTITIONER = "mash-practitioner";
    public static final String MANAGER = "mash-manager";
    public static final String PARTNER_OFFICER = "partner-officer";
    public static final String STRATEGY_PARTICIPANT = "strategy-participant";
    public static final String ANALYST = "analyst";
    /** Runs the service: sees and settles dead letters and parked events, never a child's record. */
    public static final String OPERATOR = "mash-operator";
    /** Prepares the statutory returns: reads the identifiable data they hold (every child referred), nothing else. */
    public static final String RETURNS_OFFICER = "returns-officer";
    /** Administers where its agency's outcome notifications go (a referrer of that agency trusted with it). */
    public static final String INTEGRATION_ADMIN = "integration-admin";

    private Roles() {
    }
}

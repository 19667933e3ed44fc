package org.mash.localstack;

/** What the run command prints once everything is up: where things are and how to try them. */
final class Banner {

    private Banner() {
    }

    static String text(LocalStack.Options o) {
        String kc = o.keycloakUrl();
        return """

                ================================================================================
                 MASH is running. Logs: %s
                --------------------------------------------------------------------------------
                 contacts-service             %s   (pages: /ui; API description: /q/openapi, signed in)
                 triage-service               %s
                 strategy-discussion-service  %s
                 metrics-service              %s
                 Keycloak                     %s   (admin console: admin / admin, local only)
                 Kafka                        127.0.0.1:%d
                --------------------------------------------------------------------------------
                 Demo users (password "demo", local use only):
                   referrer.police (referrer, police)     referrer.school (referrer, education)
                   practitioner (mash-practitioner)       manager (mash-manager)
                   officer.police, officer.health (partner-officer of police / health)
                   participant.police, participant.health (strategy-participant of police / health)
                   analyst (analyst)                      operator (mash-operator: dead letters, parked events)
                   returns (returns-officer: the census and the daily data flow, /ui/returns on triage)
                 Try:
                   TOKEN=$(curl -s -d grant_type=password -d client_id=mash-cli -d username=referrer.police \\
                     -d password=demo %s/realms/mash/protocol/openid-connect/token | jq -r .access_token)
                   curl -s -H "Authorization: Bearer $TOKEN" %s/api/v1/contacts
                 A service that exits, or fails its liveness check for 30 s, is started again.
                 Ctrl-C stops everything.
                ================================================================================
                """.formatted(o.logDir(), urls(o, "contacts-service"), urls(o, "triage-service"),
                urls(o, "strategy-discussion-service"), urls(o, "metrics-service"), kc, o.kafkaPort(), kc,
                o.serviceUrl("contacts-service"));
    }

    /** Every instance's URL: one, or as many as --instances asked for. */
    private static String urls(LocalStack.Options o, String service) {
        StringBuilder urls = new StringBuilder(o.serviceUrl(service));
        for (int i = 1; i < o.instances(); i++) {
            urls.append(' ').append(o.serviceUrl(service, i));
        }
        return urls.toString();
    }
}

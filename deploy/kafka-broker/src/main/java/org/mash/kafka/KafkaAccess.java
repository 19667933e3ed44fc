package org.mash.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may use which Kafka topic and consumer group: the one definition the broker's ACLs are made from (by
 * {@link KafkaAccessSetup}, for the local stack and every test broker), checked against {@code docs/events.md}
 * and against each service's channels by tests. Each service signs in as its own principal (SASL/SCRAM, user
 * name = service name); it reads and writes exactly the topics below and uses consumer groups whose names start
 * with its own name. Anything not granted is refused ({@code allow.everyone.if.no.acl.found=false}); the
 * operator's principal {@link #ADMIN} is the broker's only super user.
 *
 * <p>Pure data and plain JDK: the launcher's side of this module must not need Kafka's classes.
 */
public final class KafkaAccess {

    /** The broker's super user: creates topics, users and ACLs, and is what tests and tools use to play other services. */
    public static final String ADMIN = "admin";
    /** The SASL mechanism clients sign in with. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    /** What one service's principal may do: read these topics, write those, and use groups named {@code <principal>*}. */
    public record Grant(String principal, Set<String> reads, Set<String> writes) {
        public Grant {
            reads = Set.copyOf(reads);
            writes = Set.copyOf(writes);
        }

        /** The prefix every consumer group of this principal has (a group is granted by prefix, so instances may differ). */
        public String groupPrefix() {
            return principal;
        }

        /** The service's own dead-letter topic: written by its consumers' failure strategy, read back into its table. */
        public String deadLetterTopic() {
            return "mash." + principal + ".dlq";
        }
    }

    private static final Map<String, Grant> GRANTS = grants(
            // contact records in full go to triage only; the referrer-informed status goes to the metrics
            new Grant("contacts-service",
                    Set.of("mash.triage.v1", "mash.contacts-service.dlq"),
                    Set.of("mash.contacts.v1", "mash.contacts.status.v1", "mash.contacts-service.dlq")),
            // the only reader of mash.contacts.v1; the hand-off with the child's identity on its own topic
            new Grant("triage-service",
                    Set.of("mash.contacts.v1", "mash.strategy.v1", "mash.triage-service.dlq"),
                    Set.of("mash.triage.v1", "mash.triage.strategy-handoff.v1", "mash.triage-service.dlq")),
            new Grant("strategy-discussion-service",
                    Set.of("mash.triage.strategy-handoff.v1", "mash.strategy-discussion-service.dlq"),
                    Set.of("mash.strategy.v1", "mash.strategy-discussion-service.dlq")),
            // pseudonymous topics only: never the contacts or the hand-off
            new Grant("metrics-service",
                    Set.of("mash.triage.v1", "mash.strategy.v1", "mash.contacts.status.v1", "mash.metrics.v1",
                            "mash.metrics-service.dlq"),
                    Set.of("mash.metrics.v1", "mash.metrics-service.dlq")));

    private KafkaAccess() {
    }

    private static Map<String, Grant> grants(Grant... grants) {
        Map<String, Grant> byPrincipal = new LinkedHashMap<>();
        for (Grant grant : grants) {
            byPrincipal.put(grant.principal(), grant);
        }
        return java.util.Collections.unmodifiableMap(byPrincipal);
    }

    /** Every service's grant, by principal (= service name). */
    public static Map<String, Grant> grants() {
        return GRANTS;
    }

    public static Optional<Grant> of(String principal) {
        return Optional.ofNullable(GRANTS.get(principal));
    }

    /** The principals services sign in as. */
    public static List<String> principals() {
        return List.copyOf(GRANTS.keySet());
    }

    /** Every topic some service reads or writes: created up front by the operator, so no service needs CREATE. */
    public static Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        GRANTS.values().forEach(g -> {
            topics.addAll(g.reads());
            topics.addAll(g.writes());
        });
        return topics;
    }

    /**
     * The client settings to reach {@code bootstrapServers} signed in as {@code user} (security protocol, mechanism,
     * JAAS line), for a hand-made client (a test, a benchmark, an operator's tool). The services get the same from
     * {@code kafka.*} configuration.
     */
    public static Map<String, String> clientProperties(String bootstrapServers, String user, String password) {
        return Map.of(
                "bootstrap.servers", bootstrapServers,
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaas("org.apache.kafka.common.security.scram.ScramLoginModule", user, password, ""));
    }

    /** A JAAS line for a login module, quoting the values as JAAS requires. */
    static String jaas(String module, String user, String password, String extra) {
        return module + " required username=\"" + quote(user) + "\" password=\"" + quote(password) + "\"" + extra + ";";
    }

    static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

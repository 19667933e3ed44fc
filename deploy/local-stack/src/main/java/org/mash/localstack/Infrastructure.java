package org.mash.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.mash.kafka.KafkaAccess;
import org.mash.kafka.KafkaBroker;

/**
 * What a stack's services run on besides PostgreSQL: the Kafka broker (sign-in and ACLs as {@link KafkaAccess} says,
 * with this installation's passwords) and Keycloak. Either can be stopped and started again on its data, as an
 * outage would (the chaos runs and the end-to-end tests do).
 */
final class Infrastructure {

    private final LocalStack.Options options;
    private KafkaBroker kafka;
    private Process keycloak;

    Infrastructure(LocalStack.Options options) {
        this.options = options;
    }

    synchronized void startKafka() {
        if (kafka == null) {
            LocalStack.log("starting Kafka on port " + options.kafkaPort());
            try {
                Map<String, String> principals = new HashMap<>();
                for (String principal : KafkaAccess.principals()) {
                    principals.put(principal, password(principal));
                }
                kafka = KafkaBroker.start(options.stateDir().resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort(),
                        options.logDir().resolve("kafka.log"), new KafkaBroker.Credentials(password(KafkaAccess.ADMIN), principals));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    synchronized void stopKafka() {
        if (kafka != null) {
            LocalStack.log("stopping Kafka");
            kafka.close();
            kafka = null;
        }
    }

    /** Starts Keycloak on its store (realm, users, signing keys); {@code awaitReady} then waits until it serves the realm. */
    synchronized void startKeycloak() {
        if (keycloak == null) {
            LocalStack.log("starting Keycloak " + LocalStack.KEYCLOAK_VERSION + " on port " + options.keycloakPort() + " (about 30 s)");
            try {
                keycloak = Keycloak.start(options);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Waits until Keycloak serves the realm. */
    void awaitKeycloak(Duration timeout) {
        Process process;
        synchronized (this) {
            process = keycloak;
        }
        Processes.awaitReady(options.keycloakUrl() + "/realms/" + LocalStack.REALM + "/.well-known/openid-configuration",
                () -> process, "keycloak", options.logDir().resolve("keycloak.log"), timeout);
    }

    synchronized void stopKeycloak() {
        if (keycloak != null) {
            LocalStack.log("stopping Keycloak");
            Processes.stop(keycloak);
            keycloak = null;
        }
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + options.kafkaPort();
    }

    /** Bootstrap servers and the sign-in of a Kafka principal ({@code admin}, or a service's name) of this installation. */
    Map<String, String> kafkaClientProperties(String principal) {
        try {
            return KafkaAccess.clientProperties(kafkaBootstrapServers(), principal, password(principal));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops Keycloak, then Kafka. */
    synchronized void close() {
        stopKeycloak();
        stopKafka();
    }

    private String password(String principal) throws IOException {
        return ServiceLauncher.secret(options, "kafka-" + principal + ".password");
    }
}

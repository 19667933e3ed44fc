package org.mash.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts one instance of a service as the local stack runs it: its jar in its own JVM, configured through the
 * environment (ports, its database role, Kafka, Keycloak, the installation's keys), its output to its log file.
 */
final class ServiceLauncher {

    private ServiceLauncher() {
    }

    static Process start(LocalStack.Options options, LocalStack.Service service, int instance) throws IOException {
        Path jar = options.root().resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw install -DskipTests first");
        }
        String db = "//" + options.pgHost() + ":" + options.pgPort() + "/" + options.database(service);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a service out of memory stops, to be seen and restarted, rather than run on half-broken
                "-Xms64m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError",
                // the operator's list of hosts the demo police agency's outcome notifications may go to
                "-Dmash.callbacks.allowed-hosts.police=localhost,127.0.0.1", "-jar", jar.toString())
                .directory(options.root().resolve(service.name()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(options.logFile(service.name(), instance).toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(options.port(service.name(), instance)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + options.kafkaPort());
        // each service signs in to Kafka as itself, allowed only its own topics and groups (KafkaAccess)
        env.put("MASH_KAFKA_PASSWORD", secret(options, "kafka-" + service.name() + ".password"));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql:" + db);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql:" + db);
        // each service as its own role, owning only its database (Databases.ensureOwner)
        env.put("QUARKUS_DATASOURCE_USERNAME", options.database(service));
        env.put("QUARKUS_DATASOURCE_PASSWORD", secret(options, "db-" + service.name() + ".password"));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", options.keycloakUrl() + "/realms/" + LocalStack.REALM);
        env.put("MASH_TRIAGE_PSEUDONYM_KEY", secret(options, "pseudonym.key"));
        // the council's DfE number in the statutory returns: 204, the council of the seed figures
        env.put("MASH_LA_NUMBER", System.getenv().getOrDefault("MASH_LA_NUMBER", "204"));
        // the key sealing agencies' callback secrets; on this one machine a callback may go to a receiver on it
        env.put("MASH_CALLBACKS_SECRET_KEY", secret(options, "callback.key"));
        env.put("MASH_CALLBACKS_ALLOW_PRIVATE_ADDRESSES", "true");
        // the pages: the demo realm's client secret, this installation's session key (every service and instance
        // shares it, so one sign-in serves them all) and where each service's pages are
        env.put("MASH_WEB_CLIENT_SECRET", LocalStack.WEB_CLIENT_SECRET);
        env.put("MASH_WEB_SESSION_SECRET", secret(options, "session.key"));
        LocalStack.SERVICES.forEach(s -> env.put("MASH_PAGES_" + s.name().replace("-service", "").replace("-discussion", "")
                .toUpperCase() + "_URL", options.serviceUrl(s.name(), 0)));
        return builder.start();
    }

    /**
     * One of this installation's secrets (the key for pseudonymous child refs, the pages' session key): made once,
     * kept with the data (and wiped by --reset).
     */
    static String secret(LocalStack.Options options, String name) throws IOException {
        Path file = options.stateDir().resolve(name);
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            Files.writeString(file, java.util.HexFormat.of().formatHex(key));
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
        return Files.readString(file).trim();
    }
}

package org.mash.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.mash.kafka.KafkaAccess;
import org.mash.kafka.KafkaBroker;

/**
 * A real Kafka broker (KRaft, child JVM) for a service's integration tests, on free ports and a fresh
 * log directory, shared by the test classes of one run and stopped with it. It requires sign-in and applies
 * {@link KafkaAccess}'s ACLs as the local stack's broker does: the service under test signs in as itself with
 * {@link #PRINCIPAL_PASSWORD} (its {@code %test} configuration), so a topic it is not granted fails its tests.
 * Tests reach it through {@link #bootstrapServers()} and {@link #adminClientProperties()} (the super user, to play
 * another service); {@link #stopBroker()} and {@link #restartBroker()} simulate an outage.
 */
public class KafkaTestBroker implements QuarkusTestResourceLifecycleManager {

    /** Every service principal's password on a test broker (the services' {@code %test.mash.kafka.password}). */
    public static final String PRINCIPAL_PASSWORD = "test-only-kafka-password";

    /** Topics under this prefix every service may use on a test broker: tests of the relay's mechanics, not of access. */
    public static final String SCRATCH_TOPICS = "mash.test.";

    private static KafkaBroker broker;
    private static KafkaBroker.Credentials credentials;
    private static Path dataDir;
    private static int port;
    private static int controllerPort;

    @Override
    public synchronized Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("mash-kafka-test");
            port = freePort();
            controllerPort = freePort();
            Map<String, String> principals = new java.util.HashMap<>();
            KafkaAccess.principals().forEach(p -> principals.put(p, PRINCIPAL_PASSWORD));
            credentials = new KafkaBroker.Credentials(java.util.UUID.randomUUID().toString(), principals,
                    java.util.Optional.of(SCRATCH_TOPICS));
            broker = KafkaBroker.start(dataDir, port, controllerPort, dataDir.resolve("kafka.log"), credentials);
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
        deleteRecursively(dataDir);
    }

    public static String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Bootstrap servers and the super user's sign-in, for a client that plays another service or reads anything. */
    public static Map<String, String> adminClientProperties() {
        return KafkaAccess.clientProperties(bootstrapServers(), KafkaAccess.ADMIN, credentials.adminPassword());
    }

    /** Bootstrap servers and a service principal's sign-in: what that service itself may do. */
    public static Map<String, String> clientPropertiesOf(String principal) {
        return KafkaAccess.clientProperties(bootstrapServers(), principal, PRINCIPAL_PASSWORD);
    }

    /** Stops the broker, keeping its data: the service under test sees Kafka down. */
    public static synchronized void stopBroker() {
        broker.close();
    }

    /** Starts the broker again on the same ports and data. */
    public static synchronized void restartBroker() {
        broker = KafkaBroker.start(dataDir, port, controllerPort, dataDir.resolve("kafka.log"), credentials);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}

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
import org.mash.kafka.KafkaBroker;

/**
 * A real Kafka broker (KRaft, child JVM) for a service's integration tests, on free ports and a fresh
 * log directory, shared by the test classes of one run and stopped with it. Tests reach it through
 * {@link #bootstrapServers()}; {@link #stopBroker()} and {@link #restartBroker()} simulate an outage.
 */
public class KafkaTestBroker implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;
    private static Path dataDir;
    private static int port;
    private static int controllerPort;

    @Override
    public synchronized Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("mash-kafka-test");
            port = freePort();
            controllerPort = freePort();
            broker = KafkaBroker.start(dataDir, port, controllerPort, dataDir.resolve("kafka.log"));
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

    /** Stops the broker, keeping its data: the service under test sees Kafka down. */
    public static synchronized void stopBroker() {
        broker.close();
    }

    /** Starts the broker again on the same ports and data. */
    public static synchronized void restartBroker() {
        broker = KafkaBroker.start(dataDir, port, controllerPort, dataDir.resolve("kafka.log"));
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

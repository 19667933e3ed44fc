package org.mash.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Apache Kafka broker in KRaft mode (combined broker and controller), run as a child JVM.
 *
 * <p>Clients sign in (SASL/SCRAM-SHA-512 on the client listener; the controller listener takes the super user
 * only, with PLAIN, as KRaft's controller cannot read SCRAM credentials) and may do only what {@link KafkaAccess}
 * grants them: the broker refuses what no ACL allows. The super user {@link KafkaAccess#ADMIN} is made when the data
 * directory is formatted; on every start {@link KafkaAccessSetup} brings topics, the services' passwords and the
 * ACLs in line with {@link KafkaAccess}.
 *
 * <p>The data directory is formatted on first use and reused afterwards, so a broker restarted on the
 * same directory keeps its topics, offsets, users and ACLs. Used by {@code deploy/run-local.sh} through the
 * local stack and by the integration tests through {@link #start}.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    /** Written beside the log when it was formatted with the super user's credentials: data from before has none. */
    private static final String SIGN_IN_MARKER = "sign-in-required";

    /**
     * The super user's password and each service principal's (see {@link KafkaAccess#principals()}); a test broker
     * may also name a prefix of scratch topics every service may use (tests of the outbox relay's mechanics).
     */
    public record Credentials(String adminPassword, Map<String, String> principals, java.util.Optional<String> scratchTopicPrefix) {
        public Credentials {
            if (adminPassword == null || adminPassword.isBlank()) {
                throw new IllegalArgumentException("the Kafka super user needs a password");
            }
            principals = Map.copyOf(principals);
        }

        public Credentials(String adminPassword, Map<String, String> principals) {
            this(adminPassword, principals, java.util.Optional.empty());
        }
    }

    private final Process process;
    private final int port;
    private final Credentials credentials;

    private KafkaBroker(Process process, int port, Credentials credentials) {
        this.process = process;
        this.port = port;
        this.credentials = credentials;
    }

    /**
     * Starts a broker on {@code 127.0.0.1:port} storing its log in {@code dataDir}, with users and ACLs as
     * {@link KafkaAccess} says and these passwords; returns when it accepts connections and the access is set.
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path logFile, Credentials credentials) {
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig(dataDir, port, controllerPort, credentials.adminPassword());
            String classpath = classpath();
            if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
                String clusterId = base64Uuid();
                Process format = java(classpath, List.of("kafka.tools.StorageTool", "format", "--standalone",
                        "--cluster-id=" + clusterId, "--config=" + config, "--add-scram",
                        KafkaAccess.MECHANISM + "=[name=" + KafkaAccess.ADMIN + ",password=" + credentials.adminPassword() + "]"),
                        logFile).start();
                if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    throw new IllegalStateException("formatting the Kafka log directory failed, see " + logFile);
                }
                Files.writeString(dataDir.resolve(SIGN_IN_MARKER), "formatted with the super user's SCRAM credentials\n");
            } else if (!Files.exists(dataDir.resolve(SIGN_IN_MARKER))) {
                throw new IllegalStateException("the Kafka data in " + dataDir + " was made before the broker required "
                        + "sign-in, so it has no super user: start afresh (deploy/run-local.sh --reset) or delete " + dataDir);
            }
            Process broker = java(classpath, List.of("kafka.Kafka", config.toString()), logFile).start();
            KafkaBroker kafka = new KafkaBroker(broker, port, credentials);
            kafka.awaitListening();
            kafka.applyAccess(classpath, logFile);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Brings topics, passwords and ACLs in line with {@link KafkaAccess} (a child JVM on the broker's classpath). */
    private void applyAccess(String classpath, Path logFile) throws IOException, InterruptedException {
        Process setup = java(classpath, List.of(KafkaAccessSetup.class.getName()), logFile)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        StringBuilder input = new StringBuilder(bootstrapServers()).append('\n').append(credentials.adminPassword()).append('\n')
                .append(credentials.scratchTopicPrefix().orElse("-")).append('\n');
        credentials.principals().forEach((user, password) -> input.append(user).append('=').append(password).append('\n'));
        try (var stdin = setup.getOutputStream()) {
            stdin.write(input.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (!setup.waitFor(120, TimeUnit.SECONDS) || setup.exitValue() != 0) {
            setup.destroyForcibly();
            close();
            throw new IllegalStateException("setting Kafka's users and ACLs failed, see " + logFile);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the broker cleanly (SIGTERM, then a kill after 30 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        close();
        throw new IllegalStateException("Kafka broker did not listen on port " + port + " within " + STARTUP_TIMEOUT);
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort, String adminPassword) throws IOException {
        String admin = KafkaAccess.ADMIN;
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=CLIENTS://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=CLIENTS://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=CLIENTS",
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENTS:SASL_PLAINTEXT",
                // clients sign in with SCRAM (credentials kept in the cluster's metadata, set by KafkaAccessSetup)
                "listener.name.clients.sasl.enabled.mechanisms=" + KafkaAccess.MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + KafkaAccess.MECHANISM,
                "listener.name.clients." + KafkaAccess.MECHANISM.toLowerCase() + ".sasl.jaas.config="
                        + escape(KafkaAccess.jaas("org.apache.kafka.common.security.scram.ScramLoginModule", admin, adminPassword, "")),
                // the controller cannot read SCRAM credentials from the metadata it serves: PLAIN, the super user only
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config="
                        + escape(KafkaAccess.jaas("org.apache.kafka.common.security.plain.PlainLoginModule", admin, adminPassword,
                        " user_" + admin + "=\"" + KafkaAccess.quote(adminPassword) + "\"")),
                // only what an ACL allows
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + admin,
                "allow.everyone.if.no.acl.found=false",
                "log.dirs=" + dataDir.resolve("log").toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // events are the system of record for the metrics: keep them
                "log.retention.ms=-1",
                "");
        Path file = dataDir.resolve("server.properties");
        Files.deleteIfExists(file);
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    /** A value as java.util.Properties reads it back (the JAAS line's backslashes). */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private static ProcessBuilder java(String classpath, List<String> mainAndArgs, Path logFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms128m");
        command.add("-Xmx512m");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-cp");
        command.add(classpath);
        command.addAll(mainAndArgs);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    private static String classpath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("broker.classpath missing: build deploy/kafka-broker with Maven first");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return ownLocation() + java.io.File.pathSeparator + dependencies;
        }
    }

    private static String ownLocation() {
        try {
            return Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Kafka cluster ids are 16 random bytes, URL-safe base64 without padding. */
    private static String base64Uuid() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }
}

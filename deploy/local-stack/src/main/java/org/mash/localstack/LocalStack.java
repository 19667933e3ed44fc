package org.mash.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole MASH system on one machine: a Kafka broker, Keycloak with the {@code mash} realm, one database per
 * service on the machine's PostgreSQL server, and the four packaged services as separate processes.
 * Everything it starts it stops again ({@link #close()}). State (Kafka log, Keycloak's store) lives under
 * {@link Options#stateDir()}, so a restart keeps the data; {@link Options#reset()} wipes it first.
 */
public final class LocalStack implements AutoCloseable {

    public static final String KEYCLOAK_VERSION = "26.7.3";
    public static final String REALM = "mash";

    /** A service of the system: its module folder (also its name), default port and database. */
    public record Service(String name, int defaultPort, String database) {
    }

    /** The secret of the demo realm's pages client, {@code mash-web} (deploy/keycloak/mash-realm.json). */
    static final String WEB_CLIENT_SECRET = "mash-web-secret";

    public static final List<Service> SERVICES = List.of(
            new Service("contacts-service", 8081, "mash_contacts"),
            new Service("triage-service", 8082, "mash_triage"),
            new Service("strategy-discussion-service", 8083, "mash_strategy"),
            new Service("metrics-service", 8084, "mash_metrics"));

    /** Where everything runs. {@code databaseSuffix} lets tests use their own databases beside the real ones. */
    public record Options(Path root, Path stateDir, int kafkaPort, int kafkaControllerPort, int keycloakPort,
                          int keycloakManagementPort, Map<String, Integer> servicePorts, String databaseSuffix,
                          boolean reset, String pgHost, int pgPort, String pgUser, String pgPassword, int instances) {

        /** Instance {@code i} of a service listens on its port plus {@code i * INSTANCE_PORT_STEP} (8081, 8091, ...). */
        public static final int INSTANCE_PORT_STEP = 10;

        public Options(Path root, Path stateDir, int kafkaPort, int kafkaControllerPort, int keycloakPort,
                       int keycloakManagementPort, Map<String, Integer> servicePorts, String databaseSuffix,
                       boolean reset, String pgHost, int pgPort, String pgUser, String pgPassword) {
            this(root, stateDir, kafkaPort, kafkaControllerPort, keycloakPort, keycloakManagementPort, servicePorts,
                    databaseSuffix, reset, pgHost, pgPort, pgUser, pgPassword, 1);
        }

        public static Options defaults(Path root, Path stateDir, boolean reset) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            SERVICES.forEach(s -> ports.put(s.name(), envInt(s.name().replace("-", "_").toUpperCase() + "_PORT", s.defaultPort())));
            return new Options(root, stateDir, envInt("KAFKA_PORT", 9092), envInt("KAFKA_CONTROLLER_PORT", 9093),
                    envInt("KEYCLOAK_PORT", 8180), envInt("KEYCLOAK_MANAGEMENT_PORT", 9190), ports, "", reset,
                    env("PGHOST", "127.0.0.1"), envInt("PGPORT", 5432), env("PGUSER", "postgres"), env("PGPASSWORD", ""),
                    envInt("MASH_INSTANCES", 1));
        }

        public Options withInstances(int count) {
            return new Options(root, stateDir, kafkaPort, kafkaControllerPort, keycloakPort, keycloakManagementPort,
                    servicePorts, databaseSuffix, reset, pgHost, pgPort, pgUser, pgPassword, count);
        }

        /** The port of instance {@code instance} of a service. */
        public int port(String name, int instance) {
            return servicePorts.get(name) + instance * INSTANCE_PORT_STEP;
        }

        public String serviceUrl(String name, int instance) {
            return "http://localhost:" + port(name, instance);
        }

        /** The log of one instance: {@code <service>.log} for the first, {@code <service>-2.log} and on for the others. */
        public Path logFile(String name, int instance) {
            return logDir().resolve(instance == 0 ? name + ".log" : name + "-" + (instance + 1) + ".log");
        }

        public Path logDir() {
            return stateDir.resolve("logs");
        }

        public String database(Service service) {
            return service.database() + databaseSuffix;
        }

        public String keycloakUrl() {
            return "http://localhost:" + keycloakPort;
        }

        public String serviceUrl(String name) {
            return "http://localhost:" + servicePorts.get(name);
        }
    }

    private final Options options;
    private final Infrastructure infrastructure;
    /** The running instances, by {@link #instanceName}; replaced by the supervisor when one is restarted. */
    private final Map<String, Process> services = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stopping;
    private Thread supervisor;

    private final Databases databases;

    private LocalStack(Options options) {
        this.options = options;
        this.infrastructure = new Infrastructure(options);
        this.databases = new Databases(options);
    }

    /** Starts everything and returns once every service reports itself ready (database and Kafka up). */
    public static LocalStack start(Options options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            if (!options.databaseSuffix().isEmpty()) {
                stack.dropDatabases();
            }
            throw e;
        }
    }

    public Options options() {
        return options;
    }

    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    private void startAll() {
        try {
            checkPortsFree();
            if (options.reset()) {
                log("--reset: dropping the databases and " + options.stateDir());
                SERVICES.forEach(s -> databases.dropDatabase(options.database(s)));
                Keycloak.deleteRecursively(options.stateDir());
            }
            Files.createDirectories(options.logDir());
            for (Service s : SERVICES) {
                databases.createDatabaseIfMissing(options.database(s));
                databases.ensureOwner(options.database(s), ServiceLauncher.secret(options, "db-" + s.name() + ".password"));
            }

            infrastructure.startKafka();
            infrastructure.startKeycloak();

            for (Service service : SERVICES) {
                for (int i = 0; i < options.instances(); i++) {
                    log("starting " + instanceName(service.name(), i) + " on port " + options.port(service.name(), i));
                    services.put(instanceName(service.name(), i), startService(service, i));
                }
            }
            // every JVM starts at once: on a small machine each further instance of the services slows them all
            Duration slower = Duration.ofMinutes(2L * (options.instances() - 1));
            infrastructure.awaitKeycloak(Duration.ofMinutes(4).plus(slower));
            for (Service service : SERVICES) {
                for (int i = 0; i < options.instances(); i++) {
                    String instance = instanceName(service.name(), i);
                    Processes.awaitReady(options.serviceUrl(service.name(), i) + "/q/health/ready", () -> services.get(instance),
                            instance, options.logFile(service.name(), i), Duration.ofMinutes(3).plus(slower));
                }
            }
            supervisor = new Thread(new Supervisor(this), "mash-supervisor");
            supervisor.setDaemon(true);
            supervisor.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails at once, naming it, if a port this stack needs is taken (another stack left running, say). */
    private void checkPortsFree() {
        List<Integer> ports = new ArrayList<>(List.of(options.kafkaPort(), options.kafkaControllerPort(), options.keycloakPort(),
                options.keycloakManagementPort()));
        for (Service service : SERVICES) {
            for (int i = 0; i < options.instances(); i++) {
                ports.add(options.port(service.name(), i));
            }
        }
        for (int port : ports) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                // as the servers themselves bind: a port left in TIME_WAIT by a stopped stack is free
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress(port));
            } catch (IOException taken) {
                throw new IllegalStateException("port " + port + " is in use: is another MASH stack (or something else) "
                        + "running? Stop it, or set the ports by environment (see deploy/run-local.sh)");
            }
        }
    }

    /** Stops every process this stack started, services first, then Keycloak, then Kafka. */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
        }
        if (supervisor != null) {
            supervisor.interrupt();
            try {
                // a restart under way finishes first, so the instance it starts is stopped below (or by replace)
                supervisor.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Processes.stopAll(List.copyOf(services.values()));
        services.clear();
        infrastructure.close();
    }

    /** Drops the databases this stack used (for tests, which use their own; a failed start of theirs drops them too). */
    public void dropDatabases() {
        SERVICES.forEach(s -> databases.dropDatabase(options.database(s)));
    }

    /** {@code triage-service} for the first instance, {@code triage-service#2} and on for the others. */
    public static String instanceName(String service, int instance) {
        return instance == 0 ? service : service + "#" + (instance + 1);
    }

    /** Kills one instance at once ({@code kill -9}), as a crash would; the supervisor starts it again. */
    public void kill(String service, int instance) {
        Process process = services.get(instanceName(service, instance));
        if (process != null) {
            log("killing " + instanceName(service, instance) + " (pid " + process.pid() + ") with SIGKILL");
            process.destroyForcibly();
        }
    }

    /** Whether an instance is running and answers its readiness check. */
    public boolean isReady(String service, int instance) {
        Process process = services.get(instanceName(service, instance));
        return process != null && process.isAlive()
                && Processes.httpStatus(options.serviceUrl(service, instance) + "/q/health/ready") == 200;
    }

    /** Stops the Kafka broker (a broker outage); {@link #startKafka} brings it back on the same data. */
    public void stopKafka() {
        infrastructure.stopKafka();
    }

    public void startKafka() {
        infrastructure.startKafka();
    }

    /** Stops Keycloak (an identity-provider outage); {@link #startKeycloak} brings it back on the same store. */
    public void stopKeycloak() {
        infrastructure.stopKeycloak();
    }

    /** Starts Keycloak again on its store (realm, users, signing keys) and returns once it serves the realm. */
    public void startKeycloak() {
        infrastructure.startKeycloak();
        infrastructure.awaitKeycloak(Duration.ofMinutes(4));
    }

    /** Bootstrap servers and the sign-in of a Kafka principal ({@code admin}, or a service's name) of this installation. */
    public Map<String, String> kafkaClientProperties(String principal) {
        return infrastructure.kafkaClientProperties(principal);
    }

    boolean stopping() {
        return stopping;
    }

    Process instance(String name) {
        return services.get(name);
    }

    synchronized void replace(String name, Process process) {
        if (stopping) {
            Processes.stop(process);
            return;
        }
        services.put(name, process);
    }

    Process startService(Service service, int instance) throws IOException {
        return ServiceLauncher.start(options, service, instance);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int envInt(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }

    static void log(String message) {
        System.out.println("[mash] " + message);
    }
}

package org.mash.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts valid contacts at a running contacts service from {@code concurrency} closed-loop clients for a fixed
 * time, after a warm-up, and reports sustained contacts per second, client-side latency percentiles, the
 * server's own request time (from its Prometheus metrics) and the CPU each process of the system used.
 *
 * <pre>java -cp deploy/benchmarks/target/classes org.mash.benchmarks.ContactsLoad [--seconds 60] [--warmup 15]
 *     [--concurrency 8] [--contacts http://localhost:8081] [--keycloak http://localhost:8180]</pre>
 */
public final class ContactsLoad {

    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "15"));
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "8"));
        String contacts = opts.getOrDefault("contacts", "http://localhost:8081");
        String keycloak = opts.getOrDefault("keycloak", "http://localhost:8180");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = token(http, keycloak);

        System.out.printf("warm-up %d s, then %d s with %d concurrent clients against %s%n", warmup, seconds, concurrency, contacts);
        run(http, contacts, token, concurrency, Duration.ofSeconds(warmup));
        double serverBefore[] = serverTime(http, contacts);
        Map<String, Long> cpuBefore = Processes.cpuTicks();
        Result result = run(http, contacts, token, concurrency, Duration.ofSeconds(seconds));
        Map<String, Long> cpuAfter = Processes.cpuTicks();
        double serverAfter[] = serverTime(http, contacts);

        long[] latencies = result.latenciesMicros();
        Arrays.sort(latencies);
        double perSecond = latencies.length * 1000.0 / result.elapsed().toMillis();
        System.out.println();
        System.out.printf("contacts stored (201):   %d in %.1f s%n", latencies.length, result.elapsed().toMillis() / 1000.0);
        System.out.printf("errors:                  %d%n", result.errors());
        System.out.printf("sustained throughput:    %.1f contacts/s%n", perSecond);
        System.out.printf("latency p50 / p90 / p99: %.1f / %.1f / %.1f ms (max %.1f ms)%n",
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1000.0);
        double requests = serverAfter[1] - serverBefore[1];
        if (requests > 0) {
            System.out.printf("server time per POST:    %.1f ms mean (Prometheus http_server_requests_seconds)%n",
                    (serverAfter[0] - serverBefore[0]) / requests * 1000);
        }
        System.out.println("CPU used during the run (share of one core):");
        long ticksPerSecond = 100;
        cpuAfter.forEach((name, ticks) -> {
            long used = ticks - cpuBefore.getOrDefault(name, 0L);
            System.out.printf("  %-30s %5.0f%%%n", name, used * 100.0 / ticksPerSecond / (result.elapsed().toMillis() / 1000.0));
        });
    }

    record Result(long[] latenciesMicros, long errors, Duration elapsed) {
    }

    static Result run(HttpClient http, String contacts, String token, int concurrency, Duration duration) throws InterruptedException {
        List<long[]> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        Map<Integer, Integer> counts = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        Instant start = Instant.now();
        Instant end = start.plus(duration);
        for (int c = 0; c < concurrency; c++) {
            long[] samples = new long[2_000_000];
            perClient.add(samples);
            int client = c;
            pool.submit(() -> {
                int n = 0;
                while (Instant.now().isBefore(end) && n < samples.length) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(contacts + "/api/v1/contacts"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(contact(n)))
                            .build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - t0) / 1000;
                        if (response.statusCode() == 201) {
                            samples[n++] = micros;
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                counts.put(client, n);
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        Duration elapsed = Duration.between(start, Instant.now());
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        long[] all = new long[total];
        int i = 0;
        for (int c = 0; c < concurrency; c++) {
            int n = counts.getOrDefault(c, 0);
            System.arraycopy(perClient.get(c), 0, all, i, n);
            i += n;
        }
        return new Result(all, errors.get(), elapsed);
    }

    /** A valid contact about one child, varied so no two are alike. */
    static String contact(int n) {
        LocalDate born = LocalDate.of(2010, 1, 1).plusDays(n % 5000);
        return """
                {"sourceCode": "6",
                 "referrer": {"name": "PC Load Test", "role": "Constable", "organisation": "Metropolitan Police"},
                 "children": [{"firstName": "Child%d", "lastName": "Bench", "dateOfBirth": "%s", "sex": "F", "ethnicity": "WBRI",
                               "address": {"line1": "%d Example Road", "town": "London", "postcode": "E8 1AA"}}],
                 "household": [{"firstName": "Parent%d", "lastName": "Bench", "relationship": "MOTHER"}],
                 "concernCodes": ["3A"],
                 "description": "Load test contact %d: police attended a domestic incident.",
                 "immediateDanger": false,
                 "consent": {"status": "GIVEN"}}""".formatted(n, born, n % 300 + 1, n, n);
    }

    static String token(HttpClient http, String keycloak) throws Exception {
        return token(http, keycloak, "referrer.police");
    }

    /** A token for a demo user (password "demo") from the local Keycloak. */
    static String token(HttpClient http, String keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=mash-cli&username=" + user + "&password=demo";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/mash/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token from Keycloak: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    /** [sum seconds, count] of the server's POST /api/v1/contacts requests answered 201. */
    static double[] serverTime(HttpClient http, String contacts) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(contacts + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        double sum = 0;
        double count = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("http_server_requests_seconds_") && line.contains("method=\"POST\"")
                    && line.contains("uri=\"/api/v1/contacts\"") && line.contains("status=\"201\"")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("http_server_requests_seconds_sum")) {
                    sum += value;
                } else if (line.startsWith("http_server_requests_seconds_count")) {
                    count += value;
                }
            }
        }
        return new double[] {sum, count};
    }

    static double percentile(long[] sortedMicros, int p) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }

    /**
     * Sign-in to the local stack's Kafka as its super user (the benchmarks play services and read everything): the
     * password the run command made in its state directory ({@code --state}, default {@code .mash-local}).
     */
    static java.util.Properties kafkaAdmin(Map<String, String> opts, String bootstrap) throws java.io.IOException {
        java.util.Properties props = new java.util.Properties();
        props.putAll(org.mash.kafka.KafkaAccess.clientProperties(bootstrap, org.mash.kafka.KafkaAccess.ADMIN, kafkaAdminPassword(opts)));
        return props;
    }

    static String kafkaAdminPassword(Map<String, String> opts) throws java.io.IOException {
        return Files.readString(Path.of(opts.getOrDefault("state", ".mash-local")).resolve("kafka-admin.password")).trim();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opts;
    }

    /** CPU time of the system's processes, from /proc (Linux). */
    static final class Processes {
        private Processes() {
        }

        static Map<String, Long> cpuTicks() throws Exception {
            Map<String, Long> ticks = new LinkedHashMap<>();
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : dirs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String cmdline = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                        String name = name(cmdline);
                        if (name == null) {
                            continue;
                        }
                        String[] stat = Files.readString(dir.resolve("stat")).replaceAll("^.*\\) ", "").split(" ");
                        long used = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                        ticks.merge(name, used, Long::sum);
                    } catch (Exception gone) {
                        // the process ended while we looked
                    }
                }
            }
            return ticks;
        }

        static String name(String cmdline) {
            for (String service : List.of("contacts-service", "triage-service", "strategy-discussion-service", "metrics-service")) {
                if (cmdline.contains(service + "/target/quarkus-app")) {
                    return service;
                }
            }
            if (cmdline.contains("kafka.Kafka")) {
                return "kafka";
            }
            if (cmdline.contains("postgres")) {
                return "postgresql";
            }
            if (cmdline.contains("keycloak")) {
                return "keycloak";
            }
            if (cmdline.contains("org.mash.benchmarks.ContactsLoad")) {
                return "load generator (this process)";
            }
            return null;
        }
    }
}

package org.mash.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * From a partner's {@code 201} to the case being in the MASH queue: posts contacts at a steady rate (open loop,
 * one per {@code 1/rate} seconds whatever the answers take), and watches the triage database every 10 ms for
 * the case of each contact. The time to "visible" is from the moment the client had its {@code 201} to the
 * moment the case's committed row was first seen; it includes the contacts outbox relay, Kafka, and the triage
 * consumer's transaction. Reports p50/p90/p99/max and any contact whose case never appeared.
 *
 * <pre>java -cp "deploy/benchmarks/target/classes:$(cat deploy/benchmarks/target/classpath)" org.mash.benchmarks.IntakeToQueueLatency
 *     [--rate 10] [--seconds 60] [--warmup 15] [--contacts http://localhost:8081]
 *     [--db jdbc:postgresql://127.0.0.1:5432/mash_triage?user=postgres]</pre>
 */
public final class IntakeToQueueLatency {

    private static final Pattern CONTACT_IDS = Pattern.compile("\"contactIds\"\\s*:\\s*\\[\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = ContactsLoad.options(args);
        double rate = Double.parseDouble(opts.getOrDefault("rate", "10"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "15"));
        String contacts = opts.getOrDefault("contacts", "http://localhost:8081");
        String keycloak = opts.getOrDefault("keycloak", "http://localhost:8180");
        String db = opts.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/mash_triage?user=postgres");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = ContactsLoad.token(http, keycloak);

        System.out.printf("warm-up %d s, then %d s at %.0f contacts/s%n", warmup, seconds, rate);
        run(http, contacts, token, db, rate, warmup);
        Result result = run(http, contacts, token, db, rate, seconds);
        long[] micros = result.latencies();
        java.util.Arrays.sort(micros);
        System.out.printf("%ncontacts posted (201):   %d, errors %d%n", result.posted(), result.errors());
        System.out.printf("cases seen in the queue: %d (never seen within 120 s: %d)%n", micros.length, result.posted() - micros.length);
        System.out.printf("201 -> visible p50 / p90 / p99: %.1f / %.1f / %.1f ms (max %.1f ms)%n",
                ContactsLoad.percentile(micros, 50), ContactsLoad.percentile(micros, 90), ContactsLoad.percentile(micros, 99),
                micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0);
    }

    record Result(long posted, long errors, long[] latencies) {
    }

    static Result run(HttpClient http, String contacts, String token, String db, double rate, int seconds) throws Exception {
        Map<UUID, Long> answeredAt = new ConcurrentHashMap<>();
        Map<UUID, Long> seenAt = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        AtomicInteger n = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = (long) (1_000_000 / rate);
        clock.scheduleAtFixedRate(() -> senders.submit(() -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(contacts + "/api/v1/contacts"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(ContactsLoad.contact(n.incrementAndGet()))).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long now = System.nanoTime();
                Matcher m = CONTACT_IDS.matcher(response.body());
                if (response.statusCode() == 201 && m.find()) {
                    answeredAt.put(UUID.fromString(m.group(1)), now);
                } else {
                    errors.incrementAndGet();
                }
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        }), 0, periodMicros, TimeUnit.MICROSECONDS);

        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long giveUp = end + TimeUnit.SECONDS.toNanos(120);
        try (Connection sql = DriverManager.getConnection(db);
             PreparedStatement find = sql.prepareStatement("select contact_id from triage_case where contact_id = any(?)")) {
            boolean stopped = false;
            while (System.nanoTime() < giveUp) {
                if (!stopped && System.nanoTime() >= end) {
                    clock.shutdown();
                    senders.shutdown();
                    senders.awaitTermination(60, TimeUnit.SECONDS);
                    stopped = true;
                }
                List<UUID> pending = new ArrayList<>();
                answeredAt.keySet().forEach(id -> {
                    if (!seenAt.containsKey(id)) {
                        pending.add(id);
                    }
                });
                if (stopped && pending.isEmpty()) {
                    break;
                }
                if (!pending.isEmpty()) {
                    Array ids = sql.createArrayOf("uuid", pending.toArray());
                    find.setArray(1, ids);
                    try (ResultSet rs = find.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            seenAt.putIfAbsent(rs.getObject(1, UUID.class), now);
                        }
                    }
                }
                Thread.sleep(10);
            }
        }
        long[] latencies = seenAt.entrySet().stream()
                .mapToLong(e -> Math.max(0, (e.getValue() - answeredAt.get(e.getKey())) / 1000)).toArray();
        return new Result(answeredAt.size(), errors.get(), latencies);
    }
}

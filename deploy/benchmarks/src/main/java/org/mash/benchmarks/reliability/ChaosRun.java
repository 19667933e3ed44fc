package org.mash.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.mash.localstack.LocalStack;

/**
 * The chaos run of docs/reliability.md. Starts its own system with two instances of each service (its own state
 * folder, databases and ports, so a running stack is left alone), posts contacts at a steady rate with one bad
 * request in a hundred from the fuzz generator, has practitioners and managers authorise a share of the decisions,
 * and meanwhile stops the Kafka broker for a minute, kills each service instance once with SIGKILL and restarts
 * PostgreSQL. Then it waits for the flow to settle and reconciles: every contact answered 201 has exactly one triage
 * case, every authorised decision reached the metrics once, the published counts equal the stored facts, no 5xx but
 * a 503 ("try again") was answered, and no dead letter or parked event is left.
 *
 * <pre>java -cp deploy/benchmarks/target/classes:$(cat deploy/benchmarks/target/classpath) \
 *     org.mash.benchmarks.reliability.ChaosRun [--contacts 10000] [--rate 20] [--instances 2] [--seed 7]</pre>
 * Needs root (it restarts the machine's PostgreSQL with pg_ctlcluster) and nothing else using PostgreSQL meanwhile.
 */
public final class ChaosRun {

    static final int PORT_OFFSET = 10_000;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = FuzzRun.options(args);
        int contacts = Integer.parseInt(opts.getOrDefault("contacts", "10000"));
        double rate = Double.parseDouble(opts.getOrDefault("rate", "20"));
        int instances = Integer.parseInt(opts.getOrDefault("instances", "2"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "7"));
        int badEvery = Integer.parseInt(opts.getOrDefault("bad-every", "100"));
        int decideEvery = Integer.parseInt(opts.getOrDefault("decide-every", "10"));
        Path root = Path.of(opts.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path state = Path.of(opts.getOrDefault("state", "/tmp/mash-chaos")).toAbsolutePath();

        Map<String, Integer> ports = new LinkedHashMap<>();
        LocalStack.SERVICES.forEach(s -> ports.put(s.name(), s.defaultPort() + PORT_OFFSET));
        LocalStack.Options options = new LocalStack.Options(root, state, 9092 + PORT_OFFSET, 9093 + PORT_OFFSET,
                8180 + PORT_OFFSET, 9190 + PORT_OFFSET, ports, "_chaos", true, "127.0.0.1", 5432, "postgres", "", instances);
        log("starting the system with " + instances + " instance(s) of each service (state " + state + ")");
        Reconciliation.Result result;
        try (LocalStack stack = LocalStack.start(options)) {
            result = new ChaosRun(stack, options, contacts, rate, seed, badEvery, decideEvery).run();
        }
        // everything this run started is stopped by now
        System.out.println(result.text());
        System.exit(result.passed() ? 0 : 1);
    }

    private final LocalStack stack;
    private final LocalStack.Options options;
    private final Stack system;
    private final int contacts;
    private final double rate;
    private final long seed;
    private final int badEvery;
    private final int decideEvery;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> authorised = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    /** Valid requests (contacts, decisions) that were not taken: each a failure of the run. */
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger clientRetries = new AtomicInteger();
    private volatile boolean loading = true;
    private Instant started;

    ChaosRun(LocalStack stack, LocalStack.Options options, int contacts, double rate, long seed, int badEvery, int decideEvery) {
        this.stack = stack;
        this.options = options;
        this.system = new Stack(options.keycloakUrl(), "jdbc:postgresql://127.0.0.1:5432/", "_chaos");
        this.contacts = contacts;
        this.rate = rate;
        this.seed = seed;
        this.badEvery = badEvery;
        this.decideEvery = decideEvery;
    }

    String url(String service, int n) {
        return options.serviceUrl(service, Math.floorMod(n, options.instances()));
    }

    Reconciliation.Result run() throws Exception {
        tokens.putAll(system.tokens());
        List<OpenApiOperations.Operation> contactOperations = OpenApiOperations.of("contacts-service", url("contacts-service", 0),
                system.getJson(url("contacts-service", 0) + "/q/openapi?format=json", tokens.get("manager"))).stream()
                .filter(op -> op.writes()).toList();
        BadRequests bad = new BadRequests(seed, tokens, List.of(UUID.randomUUID().toString()));
        ExecutorService pool = Executors.newFixedThreadPool(48);
        started = Instant.now();
        Future<?> outages = pool.submit(this::outages);
        Future<?> kills = pool.submit(this::kills);
        Future<?> decider = pool.submit(this::decide);
        Future<?> refresher = pool.submit(this::refreshTokens);
        // the load: one contact every 1/rate s, each posted by a client that retries as a partner system should
        List<Future<?>> posts = new ArrayList<>();
        for (int n = 1; n <= contacts; n++) {
            long due = started.toEpochMilli() + (long) (n * 1000 / rate);
            long wait = due - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            int number = n;
            if (n % badEvery == 0) {
                BadRequests.Request request = bad.next(contactOperations.get(n / badEvery % contactOperations.size()));
                posts.add(pool.submit(() -> sendBad(request)));
            } else {
                posts.add(pool.submit(() -> postContact(number)));
            }
            if (n % 1000 == 0) {
                log(n + " requests sent; " + accepted.size() + " contacts accepted; " + authorised.size() + " decisions authorised");
            }
        }
        for (Future<?> post : posts) {
            post.get();
        }
        loading = false;
        log("load done in " + Duration.between(started, Instant.now()).toSeconds() + " s; waiting for the flow to settle");
        outages.get();
        kills.get();
        decider.get();
        refresher.cancel(true);
        pool.shutdownNow();
        Instant settling = Instant.now();
        Reconciliation reconciliation = new Reconciliation(stack, system, accepted, authorised);
        boolean settled = reconciliation.settle(Duration.ofMinutes(15));
        log("settled: " + settled + " after " + Duration.between(settling, Instant.now()).toSeconds() + " s");
        return reconciliation.reconcile(settled, Duration.between(started, Instant.now()), answers, serverErrors, refused, events,
                clientRetries.get());
    }

    // --- the load ---

    private void postContact(int n) {
        String key = "chaos-" + seed + "-" + n;
        String body = contact(n);
        // a partner system keeps trying, with the same key, for as long as it takes (here: up to 10 minutes)
        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                HttpResponse<String> response = system.send("POST", url("contacts-service", n + attempt) + "/api/v1/contacts",
                        tokens.get("referrer.police"), "application/json", body, Duration.ofSeconds(15), "Idempotency-Key", key);
                count(response.statusCode());
                if (response.statusCode() == 201) {
                    JsonNode json = BadRequests.JSON.readTree(response.body());
                    json.path("contactIds").forEach(id -> accepted.add(id.asText()));
                    return;
                }
                if (response.statusCode() >= 500 && response.statusCode() != 503) {
                    serverErrors.add(response.statusCode() + " POST /api/v1/contacts: " + FuzzRun.abbreviate(response.body()));
                }
                if (response.statusCode() < 500 && response.statusCode() != 401) {
                    refused.add("valid contact " + n + " refused " + response.statusCode() + ": " + FuzzRun.abbreviate(response.body()));
                    return;
                }
            } catch (Exception e) {
                answers.computeIfAbsent("no answer (instance down)", k -> new AtomicInteger()).incrementAndGet();
            }
            clientRetries.incrementAndGet();
            sleep(1000);
        }
        refused.add("contact " + n + " never accepted after 600 tries");
    }

    private void sendBad(BadRequests.Request request) {
        try {
            HttpResponse<String> response = system.send(request.method(), request.url(), request.token(), request.contentType(),
                    request.body(), Duration.ofSeconds(15));
            count(response.statusCode());
            answers.computeIfAbsent("bad request answered " + response.statusCode() / 100 + "xx", k -> new AtomicInteger())
                    .incrementAndGet();
            if (response.statusCode() >= 500 && response.statusCode() != 503) {
                serverErrors.add(response.statusCode() + " " + request.operation().name() + " [" + request.mutation() + "]: "
                        + FuzzRun.abbreviate(response.body()));
            }
        } catch (Exception e) {
            answers.computeIfAbsent("bad request: no answer", k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private void count(int status) {
        answers.computeIfAbsent(String.valueOf(status), k -> new AtomicInteger()).incrementAndGet();
    }

    static String contact(int n) {
        String born = LocalDate.of(2010, 1, 1).plusDays(n % 4000).toString();
        return """
                {"sourceCode": "%s",
                 "referrer": {"name": "PC Chaos", "role": "Constable", "organisation": "Metropolitan Police"},
                 "children": [{"firstName": "Child%d", "lastName": "Chaos", "dateOfBirth": "%s", "sex": "%s",
                               "address": {"line1": "%d Example Road", "town": "London", "postcode": "E8 1AA"}}],
                 "household": [{"firstName": "Parent%d", "lastName": "Chaos", "relationship": "MOTHER"}],
                 "concernCodes": ["3A"],
                 "description": "Chaos run contact %d",
                 "immediateDanger": false,
                 "consent": {"status": "GIVEN"}}""".formatted(n % 3 == 0 ? "1A" : "6", n, born, n % 2 == 0 ? "F" : "M",
                n % 300 + 1, n, n);
    }

    // --- decisions ---

    /** A practitioner proposes and a manager authorises every {@code decideEvery}th accepted contact's decision. */
    private void decide() {
        Set<String> done = ConcurrentHashMap.newKeySet();
        Instant giveUp = null;
        int n = 0;
        while (giveUp == null || Instant.now().isBefore(giveUp)) {
            if (!loading && giveUp == null) {
                // after the load, every chosen contact's case has ten minutes to appear
                giveUp = Instant.now().plus(Duration.ofMinutes(10));
            }
            // the chosen contacts whose case is in the queue by now
            List<String> candidates = withCases(accepted.stream().filter(id -> Math.floorMod(id.hashCode(), decideEvery) == 0)
                    .filter(id -> !done.contains(id)).toList()).stream().limit(20).toList();
            boolean waiting = accepted.stream().anyMatch(id -> Math.floorMod(id.hashCode(), decideEvery) == 0 && !done.contains(id));
            if (candidates.isEmpty()) {
                if (!loading && !waiting) {
                    break;
                }
                sleep(1000);
                continue;
            }
            int decided = 0;
            for (String contactId : candidates) {
                String caseId = caseOf(contactId);
                if (caseId == null) {
                    continue;
                }
                n++;
                decided++;
                String outcome = n % 4 == 0 ? "CSC_ASSESSMENT" : n % 4 == 1 ? "EARLY_HELP" : n % 4 == 2 ? "NFA" : "INFORMATION_AND_ADVICE";
                if (act("triage-service", n, "/api/v1/triage/cases/" + caseId + "/decision", "practitioner",
                        "{\"outcome\": \"" + outcome + "\", \"rationale\": \"Chaos run\", "
                                + (outcome.equals("CSC_ASSESSMENT") ? "\"primaryNeedCode\": \"N1\", " : "")
                                + "\"levelOfNeed\": {\"level\": 2, \"rationale\": \"Chaos\"}}")
                        && act("triage-service", n + 1, "/api/v1/triage/cases/" + caseId + "/decision/authorisation", "manager", null)) {
                    authorised.add(contactId);
                }
                done.add(contactId);
            }
            if (decided == 0) {
                sleep(1000);
            }
        }
    }

    /** One practitioner or manager action, retried while an instance is down or the database restarts; true if it took. */
    private boolean act(String service, int n, String path, String user, String body) {
        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                HttpResponse<String> response = system.send("POST", url(service, n + attempt) + path, tokens.get(user),
                        "application/json", body, Duration.ofSeconds(15));
                count(response.statusCode());
                if (response.statusCode() / 100 == 2) {
                    return true;
                }
                if (response.statusCode() >= 500 && response.statusCode() != 503) {
                    serverErrors.add(response.statusCode() + " POST " + path + ": " + FuzzRun.abbreviate(response.body()));
                } else if (response.statusCode() == 409 && attempt > 0) {
                    // an earlier try went through and only its answer was lost (an instance killed): it stands
                    return true;
                } else if (response.statusCode() < 500 && response.statusCode() != 401) {
                    refused.add("decision refused " + response.statusCode() + " POST " + path + ": " + FuzzRun.abbreviate(response.body()));
                    return false;
                }
            } catch (Exception e) {
                answers.computeIfAbsent("no answer (instance down)", k -> new AtomicInteger()).incrementAndGet();
            }
            clientRetries.incrementAndGet();
            sleep(1000);
        }
        return false;
    }

    /** Those of {@code contactIds} that have a triage case by now. */
    private List<String> withCases(List<String> contactIds) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        try (Connection c = system.connect("mash_triage");
             PreparedStatement s = c.prepareStatement("select contact_id from triage_case where contact_id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", contactIds.stream().map(UUID::fromString).toArray()));
            List<String> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        } catch (Exception e) {
            return List.of();
        }
    }

    private String caseOf(String contactId) {
        try (Connection c = system.connect("mash_triage");
             PreparedStatement s = c.prepareStatement("select id from triage_case where contact_id = ?")) {
            s.setObject(1, UUID.fromString(contactId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            return null;
        }
    }

    private void refreshTokens() {
        while (!Thread.currentThread().isInterrupted()) {
            sleep(600_000);
            try {
                tokens.putAll(system.tokens());
            } catch (Exception e) {
                log("could not refresh tokens: " + e.getMessage());
            }
        }
    }

    // --- the faults ---

    /** The broker's outage and the database's restart, while the load runs. */
    private void outages() {
        at(60, () -> stack.stopKafka(), "Kafka broker stopped");
        at(120, () -> stack.startKafka(), "Kafka broker started again after 60 s");
        at(240, this::restartPostgres, "PostgreSQL restarted");
    }

    /** Each service instance killed once, from 150 s, while the load runs. */
    private void kills() {
        int second = 150;
        for (LocalStack.Service service : LocalStack.SERVICES) {
            for (int i = 0; i < options.instances(); i++) {
                int instance = i;
                // a failover, not an outage of the service: the other instances are back before this one goes
                awaitOthersReady(service.name(), instance);
                at(second, () -> stack.kill(service.name(), instance), LocalStack.instanceName(service.name(), i) + " killed (SIGKILL)");
                second = (int) Math.max(second + 25, Duration.between(started, Instant.now()).toSeconds() + 5);
            }
        }
    }

    private void awaitOthersReady(String service, int killing) {
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        for (int i = 0; i < options.instances(); i++) {
            while (i != killing && !stack.isReady(service, i) && Instant.now().isBefore(until)) {
                sleep(1000);
            }
        }
    }

    private void at(int second, Runnable fault, String what) {
        long wait = started.plusSeconds(second).toEpochMilli() - System.currentTimeMillis();
        if (wait > 0) {
            sleep(wait);
        }
        try {
            fault.run();
            events.add(String.format("%4d s  %s", Duration.between(started, Instant.now()).toSeconds(), what));
            log(what);
        } catch (RuntimeException e) {
            events.add(String.format("%4d s  %s FAILED: %s", Duration.between(started, Instant.now()).toSeconds(), what, e.getMessage()));
        }
    }

    private void restartPostgres() {
        try {
            Process restart = new ProcessBuilder("bash", "-c",
                    "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | sort -V | tail -n 1) main restart")
                    .inheritIO().start();
            if (restart.waitFor() != 0) {
                throw new IllegalStateException("pg_ctlcluster restart exited with " + restart.exitValue());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void log(String message) {
        System.out.println("[chaos] " + Instant.now() + " " + message);
    }
}

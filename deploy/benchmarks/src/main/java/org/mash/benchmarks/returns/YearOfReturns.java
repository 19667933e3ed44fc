package org.mash.benchmarks.returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mash.benchmarks.reliability.Stack;
import org.mash.platform.codes.Upn;

/**
 * A year of contacts driven through the running system at the volumes of the seed council (Hackney 2021/22: 12,313
 * contacts, 3,559 referrals, 825 section 47 enquiries, 267 initial child protection conferences), as the people who
 * work the hub would: the police post each contact, a practitioner proposes and a manager authorises its decision,
 * the chair holds the strategy discussion, the enquiry concludes and its conference is held. Then the returns officer
 * takes the Children in Need census of the year: it must break no error rule, and its referrals, enquiries and ICPCs
 * must equal the metrics service's figures for the same year. Reports how long the census takes.
 *
 * <pre>
 *   deploy/run-local.sh --reset        (in another terminal; the generator needs a fresh system)
 *   java -cp deploy/benchmarks/target/benchmarks.jar org.mash.benchmarks.returns.YearOfReturns [--contacts 12313] [--workers 6]
 * </pre>
 *
 * The contacts are received today, so the year is the current collection year. Run at a weekend, no conference can be
 * recorded (never at a weekend, census rule 8875): the enquiries meant to have one are left awaiting it.
 */
public final class YearOfReturns {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String[] SOURCES = {"1A", "1B", "2A", "3A", "5A", "6", "9", "10"};
    static final String[] ETHNICITIES = {"WBRI", "APKN", "BAFR", "BCRB", "MWBC", "OOTH", "WOTH", "REFU"};
    static final String[] DISABILITIES = {"NONE", "NONE", "NONE", "NONE", "MOB", "COMM", "LD", "AUT", "BEH", "HEAR", "VIS", "CON"};

    /** What is decided for a contact. */
    enum Plan { ICPC, S47_NO_CONFERENCE, S47_AWAITING, DISCUSSION_NFA, ASSESSMENT, FRONT_DOOR }

    private final Stack stack;
    private final String contacts;
    private final String triage;
    private final String strategy;
    private final String metrics;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<Plan, AtomicInteger> done = new ConcurrentHashMap<>();
    private final AtomicInteger failed = new AtomicInteger();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final LocalDate today = LocalDate.now(LONDON);

    YearOfReturns(Stack stack, String host) {
        this.stack = stack;
        this.contacts = host + ":8081";
        this.triage = host + ":8082";
        this.strategy = host + ":8083";
        this.metrics = host + ":8084";
    }

    public static void main(String[] args) throws Exception {
        int n = 12_313;
        int workers = 6;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--contacts" -> n = Integer.parseInt(args[i + 1]);
                case "--workers" -> workers = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Stack stack = new Stack(System.getenv().getOrDefault("KEYCLOAK_URL", "http://localhost:8180"),
                "jdbc:postgresql://127.0.0.1:5432/", "");
        boolean ok = new YearOfReturns(stack, "http://localhost").run(n, workers);
        System.exit(ok ? 0 : 1);
    }

    /** The plan of the {@code i}th of {@code n} contacts, at the seed council's rates, spread through the year. */
    static Plan plan(int i, int n) {
        long k = (long) i * 7919 % n; // a permutation of 0..n-1 (7919 is prime, n not a multiple of it)
        double share = (double) k / n;
        if (share < 267.0 / 12_313) {
            return Plan.ICPC;
        }
        if (share < 600.0 / 12_313) {
            return Plan.S47_NO_CONFERENCE;
        }
        if (share < 825.0 / 12_313) {
            return Plan.S47_AWAITING;
        }
        if (share < 900.0 / 12_313) {
            return Plan.DISCUSSION_NFA;
        }
        if (share < 3_559.0 / 12_313) {
            return Plan.ASSESSMENT;
        }
        return Plan.FRONT_DOOR;
    }

    boolean run(int n, int workers) throws Exception {
        tokens.putAll(stack.tokens());
        Thread refresher = new Thread(this::refreshTokens, "token-refresher");
        refresher.setDaemon(true);
        refresher.start();
        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int i = 0; i < n; i++) {
            int index = i;
            pool.submit(() -> drive(index, n));
        }
        pool.shutdown();
        while (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            log("driven: " + done + ", failed " + failed.get() + " (" + Duration.between(start, Instant.now()).toSeconds() + " s)");
        }
        Duration driving = Duration.between(start, Instant.now());
        log("driven in " + driving.toSeconds() + " s: " + done + ", failed " + failed.get());
        failures.stream().limit(10).forEach(f -> log("  failure: " + f));
        log("waiting for every event to be taken in");
        stack.awaitQuiet(Duration.ofSeconds(15), Duration.ofMinutes(15));
        refresher.interrupt();
        tokens.putAll(stack.tokens());
        return report(driving);
    }

    private boolean report(Duration driving) throws Exception {
        String year = (today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1) + "-"
                + String.format("%02d", (today.getMonthValue() >= 4 ? today.getYear() + 1 : today.getYear()) % 100);
        JsonNode figures = stack.getJson(metrics + "/api/v1/metrics", tokens.get("analyst")).path("figures");
        long referrals = numerator(figures, "referrals");
        long s47 = numerator(figures, "s47");
        long icpcs = numerator(figures, "icpcs");
        long contactsFigure = numerator(figures, "contacts");

        Instant t0 = Instant.now();
        JsonNode check = stack.getJson(triage + "/api/v1/returns/cin-census/check?year=" + year, tokens.get("returns"));
        Duration checking = Duration.between(t0, Instant.now());
        Instant t1 = Instant.now();
        HttpResponse<String> file = stack.send("GET", triage + "/api/v1/returns/cin-census?year=" + year, tokens.get("returns"),
                null, null, Duration.ofMinutes(5));
        Duration exporting = Duration.between(t1, Instant.now());
        JsonNode counts = check.path("counts");
        Map<String, Integer> byRule = new java.util.TreeMap<>();
        check.path("findings").forEach(f -> byRule.merge(f.path("rule").asText(), 1, Integer::sum));

        log("year " + year + ": metrics contacts " + contactsFigure + ", referrals " + referrals + ", s47 " + s47 + ", icpcs " + icpcs);
        log("census: children " + counts.path("children") + ", referrals " + counts.path("referrals") + ", s47 "
                + counts.path("section47s") + ", icpcs " + counts.path("icpcs") + "; passes " + check.path("passes")
                + "; errors " + counts.path("errors") + ", queries " + counts.path("queries") + " " + byRule);
        log("census file: HTTP " + file.statusCode() + ", " + file.body().length() + " characters, " + exporting.toMillis()
                + " ms (the check alone " + checking.toMillis() + " ms); the year was driven in " + driving.toSeconds() + " s");
        boolean equal = counts.path("referrals").asLong() == referrals && counts.path("section47s").asLong() == s47
                && counts.path("icpcs").asLong() == icpcs;
        boolean ok = file.statusCode() == 200 && check.path("passes").asBoolean() && equal && failed.get() == 0;
        log(ok ? "OK: the census passes and its counts equal the metrics' figures"
                : "NOT OK: passes=" + check.path("passes") + ", counts equal=" + equal + ", failed contacts=" + failed.get());
        return ok;
    }

    private static long numerator(JsonNode figures, String id) {
        for (JsonNode f : figures) {
            if (id.equals(f.path("id").asText())) {
                return f.path("numerator").asLong();
            }
        }
        throw new IllegalStateException("no figure " + id);
    }

    /** One contact, from the police's post to the end of what its plan decides. */
    private void drive(int i, int n) {
        Plan plan = plan(i, n);
        try {
            JsonNode posted = stack.postJson(contacts + "/api/v1/contacts", tokens.get("referrer.police"), contact(i));
            String contactId = posted.path("contactIds").get(0).asText();
            String caseId = await("triage case", () -> single("mash_triage", "select id from triage_case where contact_id = ?", contactId));
            String outcome = switch (plan) {
                case ICPC, S47_NO_CONFERENCE, S47_AWAITING, DISCUSSION_NFA -> "STRATEGY_DISCUSSION";
                case ASSESSMENT -> "CSC_ASSESSMENT";
                case FRONT_DOOR -> i % 3 == 0 ? "NFA" : i % 3 == 1 ? "INFORMATION_AND_ADVICE" : "EARLY_HELP";
            };
            boolean referral = plan != Plan.FRONT_DOOR;
            retrying(() -> stack.postJson(triage + "/api/v1/triage/cases/" + caseId + "/decision", tokens.get("practitioner"),
                    "{\"outcome\": \"" + outcome + "\", \"rationale\": \"Year of returns\""
                            + (referral ? ", \"primaryNeedCode\": \"N" + (1 + i % 9) + "\"" : "") + "}"));
            retrying(() -> stack.postJson(triage + "/api/v1/triage/cases/" + caseId + "/decision/authorisation",
                    tokens.get("manager"), null));
            if (outcome.equals("STRATEGY_DISCUSSION")) {
                discuss(contactId, plan);
            }
            done.computeIfAbsent(plan, p -> new AtomicInteger()).incrementAndGet();
        } catch (Exception e) {
            failed.incrementAndGet();
            failures.add(plan + " #" + i + ": " + e.getMessage());
        }
    }

    private void discuss(String contactId, Plan plan) throws Exception {
        String discussion = await("strategy discussion", () -> single("mash_strategy",
                "select discussion_id from discussion_child where contact_id = ?", contactId));
        String sd = strategy + "/api/v1/strategy-discussions/" + discussion;
        String decided = plan == Plan.DISCUSSION_NFA ? "NFA" : "S47_JOINT";
        retrying(() -> stack.postJson(sd + "/held", tokens.get("manager"), """
                {"heldAt": "%s", "mode": "VIDEO",
                 "attendance": {"social-care": "ATTENDED", "police": "ATTENDED", "health": "ATTENDED"},
                 "outcome": "%s", "rationale": "Year of returns", "safetyPlan": "Stay with the grandmother"}"""
                .formatted(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), decided)));
        if (plan == Plan.DISCUSSION_NFA || plan == Plan.S47_AWAITING) {
            return;
        }
        String enquiry = await("s47 enquiry", () -> single("mash_strategy",
                "select id from s47_enquiry where contact_id = ? and withdrawn_at is null", contactId));
        String outcomeCode = plan == Plan.ICPC ? "ICPC" : "S17_SERVICES";
        retrying(() -> stack.postJson(sd + "/enquiries/" + enquiry + "/outcome", tokens.get("manager"),
                "{\"concludedOn\": \"" + today + "\", \"outcomeCode\": \"" + outcomeCode + "\"}"));
        if (plan == Plan.ICPC && today.getDayOfWeek() != DayOfWeek.SATURDAY && today.getDayOfWeek() != DayOfWeek.SUNDAY) {
            retrying(() -> stack.postJson(sd + "/enquiries/" + enquiry + "/icpc", tokens.get("manager"),
                    "{\"heldOn\": \"" + today + "\"}"));
        }
    }

    /** The contact of the {@code i}th child: one child of 0 to 17, a UPN from school age (else UN1), disabilities. */
    String contact(int i) {
        LocalDate born = today.minusDays(30 + (i * 37L) % (17 * 365));
        boolean schoolAge = born.isBefore(LocalDate.of(today.getYear() - 5, 9, 1));
        // characters 2 to 13 of the UPN, different for every child (the census refuses one UPN on two children, 1520)
        String digits = String.format("204%09d", i);
        String upn = schoolAge ? "\"upn\": \"" + Upn.checkLetter(digits) + digits + "\"" : "\"upnUnknown\": \"UN1\"";
        String disability = DISABILITIES[i % DISABILITIES.length];
        String disabilities = !disability.equals("NONE") && !disability.equals("MOB") && i % 5 == 0
                ? "[\"" + disability + "\", \"MOB\"]" : "[\"" + disability + "\"]";
        return """
                {"sourceCode": "%s",
                 "referrer": {"name": "PC Year", "role": "Constable", "organisation": "Metropolitan Police"},
                 "children": [{"firstName": "Child%d", "lastName": "Year", "dateOfBirth": "%s", "sex": "%s",
                               "ethnicity": "%s", %s, "disabilities": %s,
                               "address": {"line1": "%d Example Road", "town": "London", "postcode": "E8 1AA"}}],
                 "household": [{"firstName": "Parent%d", "lastName": "Year", "relationship": "MOTHER"}],
                 "concernCodes": ["3A"], "description": "Year of returns contact %d",
                 "immediateDanger": false, "consent": {"status": "GIVEN"}}"""
                .formatted(SOURCES[i % SOURCES.length], i, born, i % 2 == 0 ? "F" : "M", ETHNICITIES[i % ETHNICITIES.length],
                        upn, disabilities, i % 300 + 1, i, i);
    }

    interface Call {
        Object call() throws Exception;
    }

    /** A call tried again, a few times, while the system answers 5xx or not at all (a restart, a busy moment). */
    private void retrying(Call call) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                call.call();
                return;
            } catch (IllegalStateException e) {
                if (e.getMessage() != null && e.getMessage().contains(" answered 4")) {
                    throw e; // a refusal is the generator's mistake: say so rather than try again
                }
                last = e;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(1000L << attempt);
        }
        throw last;
    }

    interface Lookup {
        String find() throws Exception;
    }

    private String await(String what, Lookup lookup) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            String found = lookup.find();
            if (found != null) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no " + what + " within 2 minutes");
    }

    private String single(String database, String sql, String id) throws Exception {
        try (Connection c = stack.connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private void refreshTokens() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(600_000);
                tokens.putAll(stack.tokens());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log("could not refresh the tokens: " + e.getMessage());
            }
        }
    }

    static void log(String message) {
        System.out.println("[year] " + java.time.LocalTime.now().withNano(0) + " " + message);
    }
}

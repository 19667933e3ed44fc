package org.mash.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Sends generated bad requests ({@link BadRequests}) to every endpoint of the four services, read from their OpenAPI
 * documents, against a running system (deploy/run-local.sh), one at a time, and reports: answers by status class,
 * every 5xx (goal 0), and rows written by a request that was refused (goal 0: the row counts of all four databases
 * are read before and after each refused write). A write that was accepted is reported apart, and the run waits
 * for its consequences to settle before going on, so they are not laid at the next request's door.
 *
 * <pre>java -cp deploy/benchmarks/target/classes:$(cat deploy/benchmarks/target/classpath) \
 *     org.mash.benchmarks.reliability.FuzzRun [--requests 10000] [--seed 42] [--keycloak http://localhost:8180]
 *     [--contacts http://localhost:8081] [--triage http://localhost:8082] [--strategy http://localhost:8083]
 *     [--metrics http://localhost:8084] [--jdbc jdbc:postgresql://127.0.0.1:5432/] [--database-suffix ""]</pre>
 */
public final class FuzzRun {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int requests = Integer.parseInt(opts.getOrDefault("requests", "10000"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
        Map<String, String> services = new LinkedHashMap<>();
        services.put("contacts-service", opts.getOrDefault("contacts", "http://localhost:8081"));
        services.put("triage-service", opts.getOrDefault("triage", "http://localhost:8082"));
        services.put("strategy-discussion-service", opts.getOrDefault("strategy", "http://localhost:8083"));
        services.put("metrics-service", opts.getOrDefault("metrics", "http://localhost:8084"));
        Stack stack = new Stack(opts.getOrDefault("keycloak", "http://localhost:8180"),
                opts.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/"), opts.getOrDefault("database-suffix", ""));
        Report report = run(stack, services, requests, seed);
        System.out.println(report.text());
        if (report.serverErrors() > 0 || report.rowsWrittenByRefused() > 0 || report.notProblems() > 0) {
            System.exit(1);
        }
    }

    /** What a run found. */
    record Report(int sent, Map<String, Integer> byStatus, Map<String, Integer> byService, int timeouts,
                  List<String> serverErrorSamples, int serverErrors, long rowsWrittenByRefused, List<String> refusedWriteSamples,
                  int acceptedWrites, List<String> acceptedSamples, List<String> noAnswerSamples, Map<Integer, Integer> byCode,
                  int notProblems, List<String> notProblemSamples, int httpLayer, int operations, Duration elapsed) {
        String text() {
            StringBuilder t = new StringBuilder();
            t.append("fuzz run: ").append(sent).append(" bad requests over ").append(operations).append(" operations in ")
                    .append(elapsed.toSeconds()).append(" s\n");
            t.append("answers by status: ").append(byStatus).append('\n');
            t.append("answers by code: ").append(byCode).append('\n');
            t.append("requests by service: ").append(byService).append('\n');
            t.append("refused by the HTTP layer before the application (414/431, request line over 4 KB, headers over 8 KB): ")
                    .append(httpLayer).append('\n');
            t.append("other 4xx/5xx answers that are not application/problem+json: ").append(notProblems).append('\n');
            notProblemSamples.forEach(s -> t.append("  ").append(s).append('\n'));
            t.append("5xx answers: ").append(serverErrors).append('\n');
            serverErrorSamples.forEach(s -> t.append("  ").append(s).append('\n'));
            t.append("timeouts (no answer within 10 s): ").append(timeouts).append('\n');
            t.append("connection closed before an answer was read (the HTTP layer, on a request line of 300,000 characters), e.g.:\n");
            noAnswerSamples.forEach(s -> t.append("  ").append(s).append('\n'));
            t.append("rows written by refused requests: ").append(rowsWrittenByRefused).append('\n');
            refusedWriteSamples.forEach(s -> t.append("  ").append(s).append('\n'));
            t.append("writes accepted (2xx) although broken on purpose: ").append(acceptedWrites).append('\n');
            acceptedSamples.forEach(s -> t.append("  ").append(s).append('\n'));
            return t.toString();
        }
    }

    static Report run(Stack stack, Map<String, String> services, int count, long seed) throws Exception {
        Map<String, String> tokens = stack.tokens();
        List<String> ids = seed(stack, services, tokens);
        List<OpenApiOperations.Operation> operations = new ArrayList<>();
        for (Map.Entry<String, String> service : services.entrySet()) {
            JsonNode openapi = stack.getJson(service.getValue() + "/q/openapi?format=json", tokens.get("manager"));
            operations.addAll(OpenApiOperations.of(service.getKey(), service.getValue(), openapi).stream()
                    .filter(op -> !op.path().endsWith("/stream")).toList());
        }
        System.out.printf("%d operations, %d known ids; sending %d bad requests (seed %d)%n", operations.size(), ids.size(), count, seed);
        if (!stack.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(2))) {
            throw new IllegalStateException("the system did not settle before the run");
        }
        BadRequests generator = new BadRequests(seed, tokens, ids);
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byService = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> refusedWrites = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        List<String> noAnswer = new ArrayList<>();
        List<String> notProblemSamples = new ArrayList<>();
        Map<Integer, Integer> byCode = new TreeMap<>();
        int notProblems = 0;
        int httpLayer = 0;
        int errors5xx = 0;
        int timeouts = 0;
        int acceptedWrites = 0;
        long rowsByRefused = 0;
        Instant started = Instant.now();
        Instant tokensAt = Instant.now();
        Map<String, Long> before = stack.rowCounts();
        for (int i = 0; i < count; i++) {
            if (Duration.between(tokensAt, Instant.now()).toMinutes() >= 10) {
                tokens.putAll(stack.tokens());
                tokensAt = Instant.now();
            }
            BadRequests.Request request = generator.next(operations.get(i % operations.size()));
            if (request.operation().writes()) {
                // the reads before this request wrote their access-log rows: count from here
                before = stack.rowCounts();
            }
            int status;
            try {
                HttpResponse<String> response = stack.send(request.method(), request.url(), request.token(), request.contentType(),
                        request.body(), Duration.ofSeconds(10));
                status = response.statusCode();
                String type = response.headers().firstValue("Content-Type").orElse("");
                if ((status == 414 || status == 431) && response.body().isEmpty()) {
                    // a request line over 4 KB or headers over 8 KB: the HTTP layer refuses it before any application code
                    httpLayer++;
                } else if (status >= 400 && !type.startsWith("application/problem+json")) {
                    notProblems++;
                    if (notProblemSamples.size() < 10) {
                        notProblemSamples.add(status + " " + type + " " + request.operation().name() + " [" + request.mutation()
                                + "] url of " + request.url().length() + " chars: " + abbreviate(response.body()));
                    }
                }
                byCode.merge(status, 1, Integer::sum);
                generator.answered(request, status);
                if (status >= 500 && serverErrors.size() < 20) {
                    serverErrors.add(status + " " + request.operation().name() + " [" + request.mutation() + "] "
                            + abbreviate(response.body()));
                }
            } catch (HttpTimeoutException e) {
                timeouts++;
                status = 0;
            } catch (java.io.IOException e) {
                // the server closed the connection: for a body too large that is the 413's "Connection: close"
                status = -1;
                String why = request.operation().name() + " [" + request.mutation() + "] body of "
                        + (request.body() == null ? 0 : request.body().length()) + " chars: " + e;
                if (noAnswer.size() < 5) {
                    noAnswer.add(why);
                }
            }
            byStatus.merge(status <= 0 ? "no answer" : (status / 100) + "xx", 1, Integer::sum);
            byService.merge(request.operation().service(), 1, Integer::sum);
            if (status >= 500) {
                errors5xx++;
            }
            if (!request.operation().writes()) {
                continue;
            }
            if (status >= 200 && status < 300) {
                acceptedWrites++;
                if (accepted.size() < 20) {
                    accepted.add(status + " " + request.operation().name() + " [" + request.mutation() + "]");
                }
                stack.awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(60));
                before = stack.rowCounts();
                continue;
            }
            Map<String, Long> after = stack.rowCounts();
            Map<String, Long> written = Stack.delta(before, after);
            // written on the services' own schedules, not by a request: the metrics' figure publication (when a
            // figure that moves with the clock changes) and triage's overdue flags
            written.remove("mash_metrics.outbox_event");
            written.remove("mash_metrics.publication_state");
            written.remove("mash_triage.case_activity");
            // and by consumers taking in events of earlier accepted writes: no request writes an inbox row itself
            written.keySet().removeIf(table -> table.endsWith(".processed_event"));
            if (!written.isEmpty()) {
                long rows = written.values().stream().mapToLong(Math::abs).sum();
                rowsByRefused += rows;
                if (refusedWrites.size() < 20) {
                    refusedWrites.add(status + " " + request.operation().name() + " [" + request.mutation() + "] wrote " + written);
                }
            }
            before = after;
            if ((i + 1) % 1000 == 0) {
                System.out.printf("  %d sent: %s%n", i + 1, byStatus);
            }
        }
        return new Report(count, byStatus, byService, timeouts, serverErrors, errors5xx, rowsByRefused, refusedWrites,
                acceptedWrites, accepted, noAnswer, byCode, notProblems, notProblemSamples, httpLayer, operations.size(),
                Duration.between(started, Instant.now()));
    }

    /** Real records to aim at: a contact, its triage case, a check, and a strategy discussion. */
    static List<String> seed(Stack stack, Map<String, String> services, Map<String, String> tokens) throws Exception {
        String contacts = services.get("contacts-service");
        String triage = services.get("triage-service");
        String strategy = services.get("strategy-discussion-service");
        JsonNode submitted = stack.postJson(contacts + "/api/v1/contacts", tokens.get("referrer.police"), """
                {"sourceCode": "6", "referrer": {"name": "PC Fuzz", "role": "Constable", "organisation": "Police"},
                 "children": [{"firstName": "Fuzz", "lastName": "Seed", "dateOfBirth": "2016-04-02", "sex": "F",
                               "address": {"line1": "1 Road", "town": "London", "postcode": "E8 1AA"}}],
                 "household": [{"firstName": "Parent", "lastName": "Seed", "relationship": "MOTHER"}],
                 "concernCodes": ["3A"], "description": "Seed for the fuzz run", "immediateDanger": false,
                 "consent": {"status": "GIVEN"}}""");
        String contactId = submitted.at("/contactIds/0").asText();
        String caseId = null;
        for (int i = 0; i < 60 && caseId == null; i++) {
            Thread.sleep(500);
            for (JsonNode item : stack.getJson(triage + "/api/v1/triage/queue?size=500", tokens.get("practitioner")).path("items")) {
                if (contactId.equals(item.path("contactId").asText())) {
                    caseId = item.path("id").asText();
                }
            }
        }
        if (caseId == null) {
            throw new IllegalStateException("the seed contact did not reach the queue");
        }
        String checkId = stack.postJson(triage + "/api/v1/triage/cases/" + caseId + "/checks", tokens.get("practitioner"),
                "{\"agency\": \"health\", \"question\": \"Known to health?\"}").path("id").asText();
        stack.postJson(triage + "/api/v1/triage/cases/" + caseId + "/decision", tokens.get("practitioner"),
                "{\"outcome\": \"STRATEGY_DISCUSSION\", \"rationale\": \"Seed\", \"primaryNeedCode\": \"N1\"}");
        stack.postJson(triage + "/api/v1/triage/cases/" + caseId + "/decision/authorisation", tokens.get("manager"), null);
        String discussionId = null;
        for (int i = 0; i < 60 && discussionId == null; i++) {
            Thread.sleep(500);
            for (JsonNode item : stack.getJson(strategy + "/api/v1/strategy-discussions?size=500", tokens.get("manager")).path("items")) {
                if (contactId.equals(item.path("contactId").asText())) {
                    discussionId = item.path("id").asText();
                }
            }
        }
        List<String> ids = new ArrayList<>(List.of(contactId, caseId, checkId, UUID.randomUUID().toString()));
        if (discussionId != null) {
            ids.add(discussionId);
        }
        return ids;
    }

    static String abbreviate(String text) {
        String one = text == null ? "" : text.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opts;
    }
}

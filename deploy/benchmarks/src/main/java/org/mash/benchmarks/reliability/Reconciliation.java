package org.mash.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.mash.localstack.LocalStack;

/**
 * After a chaos run: waits for the flow to settle, then checks it from the databases and the API (every contact
 * answered 201 has one triage case, every authorised decision reached the metrics once, the figures equal the
 * facts, nothing set aside or parked).
 */
final class Reconciliation {

    private final LocalStack stack;
    private final LocalStack.Options options;
    private final Stack system;
    private final Set<String> accepted;
    private final Set<String> authorised;

    Reconciliation(LocalStack stack, Stack system, Set<String> accepted, Set<String> authorised) {
        this.stack = stack;
        this.options = stack.options();
        this.system = system;
        this.accepted = accepted;
        this.authorised = authorised;
    }

    /** Every accepted contact in triage, every authorised decision in the metrics, nothing pending, every instance ready. */
    boolean settle(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            boolean ready = true;
            for (LocalStack.Service service : LocalStack.SERVICES) {
                for (int i = 0; i < options.instances(); i++) {
                    ready &= stack.isReady(service.name(), i);
                }
            }
            if (ready && system.pendingEvents() == 0
                    && countIn("mash_triage", "select count(*) from triage_case where contact_id = any(?)", accepted) == accepted.size()
                    && countIn("mash_metrics", "select count(*) from contact_fact where authorised_at is not null and contact_id = any(?)",
                    authorised) == authorised.size()
                    && system.awaitQuiet(Duration.ofSeconds(10), Duration.ofSeconds(30))) {
                return true;
            }
            Thread.sleep(5000);
        }
        return false;
    }

    private long countIn(String database, String sql, Set<String> ids) throws Exception {
        try (Connection c = system.connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** What the run found. */
    record Result(List<String> checks, boolean passed, List<String> faults, Map<String, Integer> answers, List<String> serverErrors,
                  int clientRetries, Duration elapsed) {
        String text() {
            StringBuilder t = new StringBuilder("\nchaos run: ").append(elapsed.toSeconds()).append(" s\nfaults:\n");
            faults.forEach(f -> t.append("  ").append(f).append('\n'));
            t.append("answers: ").append(answers).append('\n');
            t.append("client retries (instance down, 503): ").append(clientRetries).append('\n');
            t.append("5xx other than 503: ").append(serverErrors.size()).append('\n');
            serverErrors.stream().limit(20).forEach(e -> t.append("  ").append(e).append('\n'));
            t.append("reconciliation:\n");
            checks.forEach(c -> t.append("  ").append(c).append('\n'));
            t.append(passed ? "PASSED\n" : "FAILED\n");
            return t.toString();
        }
    }

    Result reconcile(boolean settled, Duration elapsed, Map<String, AtomicInteger> answers, List<String> serverErrors,
                     List<String> refused, List<String> events, int clientRetries) throws Exception {
        List<String> checks = new ArrayList<>();
        boolean passed = settled;
        checks.add((settled ? "ok   " : "FAIL ") + "the flow settled (every contact in triage, every decision in the metrics, nothing pending)");

        long inContacts = countIn("mash_contacts", "select count(*) from contact where id = any(?)", accepted);
        long cases = countIn("mash_triage", "select count(*) from triage_case where contact_id = any(?)", accepted);
        long distinctCases = countIn("mash_triage", "select count(distinct contact_id) from triage_case where contact_id = any(?)", accepted);
        boolean oneCaseEach = inContacts == accepted.size() && cases == accepted.size() && distinctCases == accepted.size();
        passed &= oneCaseEach;
        checks.add(String.format("%s contacts answered 201: %d; stored: %d; triage cases: %d (for %d distinct contacts)",
                oneCaseEach ? "ok   " : "FAIL ", accepted.size(), inContacts, cases, distinctCases));

        long decidedInTriage = countIn("mash_triage", "select count(*) from triage_case where authorised_at is not null and contact_id = any(?)", authorised);
        long decidedInMetrics = countIn("mash_metrics", "select count(*) from contact_fact where authorised_at is not null and contact_id = any(?)", authorised);
        long decisionEvents = system.single("mash_metrics",
                "select count(*) from processed_event where event_type = 'mash.triage.decision-authorised.v1'");
        long allDecided = system.single("mash_triage", "select count(*) from triage_case where authorised_at is not null");
        boolean decisionsOnce = decidedInTriage == authorised.size() && decidedInMetrics == authorised.size() && decisionEvents == allDecided;
        passed &= decisionsOnce;
        checks.add(String.format("%s decisions authorised: %d; in triage: %d; in the metrics' facts: %d; decision events applied by the "
                + "metrics: %d for %d decided cases", decisionsOnce ? "ok   " : "FAIL ", authorised.size(), decidedInTriage,
                decidedInMetrics, decisionEvents, allDecided));

        JsonNode figures = system.getJson(options.serviceUrl("metrics-service") + "/api/v1/metrics?from=2000-01-01&to=2099-12-31",
                system.token("analyst"));
        long contactsFigure = figure(figures, "contacts");
        long referralsFigure = figure(figures, "referrals");
        long contactFacts = system.single("mash_metrics", "select count(*) from contact_fact where received_at is not null");
        long referralFacts = system.single("mash_metrics", "select count(*) from contact_fact where referral and authorised_at is not null");
        boolean figuresMatch = contactsFigure == contactFacts && referralsFigure == referralFacts;
        passed &= figuresMatch;
        checks.add(String.format("%s published figures equal the stored facts: contacts %d = %d facts; referrals %d = %d facts",
                figuresMatch ? "ok   " : "FAIL ", contactsFigure, contactFacts, referralsFigure, referralFacts));

        boolean allTaken = refused.isEmpty();
        passed &= allTaken;
        checks.add((allTaken ? "ok   " : "FAIL ") + "every valid contact and decision was taken (" + refused.size() + " refused)");
        refused.stream().limit(10).forEach(r -> checks.add("       " + r));
        boolean no5xx = serverErrors.isEmpty();
        passed &= no5xx;
        checks.add((no5xx ? "ok   " : "FAIL ") + "no 5xx answered other than 503 (" + (answers.containsKey("503") ? answers.get("503").get() : 0) + " × 503)");

        Map<String, Long> deadLetters = new TreeMap<>();
        long parked = 0;
        for (String database : Stack.DATABASES) {
            deadLetters.put(database, system.single(database, "select count(*) from dead_letter"));
            parked += system.single(database, "select count(*) from outbox_event where parked_at is not null");
        }
        long onDlqTopics = dlqRecords();
        boolean nothingAside = deadLetters.values().stream().allMatch(n -> n == 0) && onDlqTopics == 0 && parked == 0;
        passed &= nothingAside;
        checks.add(String.format("%s dead letters: %s; records on the dead-letter topics: %d; parked events: %d",
                nothingAside ? "ok   " : "FAIL ", deadLetters, onDlqTopics, parked));
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach((k, v) -> counts.put(k, v.get()));
        return new Result(checks, passed, List.copyOf(events), counts, List.copyOf(serverErrors), clientRetries, elapsed);
    }

    private static long figure(JsonNode figures, String id) {
        for (JsonNode f : figures.path("figures")) {
            if (id.equals(f.path("id").asText()) && !f.hasNonNull("breakdown")) {
                return f.path("value").asLong();
            }
        }
        return -1;
    }

    private long dlqRecords() {
        java.util.Properties props = new java.util.Properties();
        props.putAll(stack.kafkaClientProperties(org.mash.kafka.KafkaAccess.ADMIN));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "chaos-reconcile-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(LocalStack.SERVICES.stream().map(s -> "mash." + s.name() + ".dlq").toList());
            Instant until = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(until)) {
                records += consumer.poll(Duration.ofMillis(500)).count();
            }
        }
        return records;
    }
}

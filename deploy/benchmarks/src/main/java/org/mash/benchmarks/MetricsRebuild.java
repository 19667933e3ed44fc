package org.mash.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How fast the metrics can be rebuilt from the topics.
 *
 * <ol>
 *   <li><b>Load</b> ({@code --load N}): publishes N schema-valid events, as the triage and strategy-discussion
 *   services would, onto the topics {@code bench.mash.triage.v1} and {@code bench.mash.strategy.v1} of the running
 *   system's broker: for each contact a {@code case-opened} and a
 *   {@code decision-authorised}; one referral in ten goes to a strategy discussion with
 *   {@code discussion-opened}, {@code discussion-held} and {@code s47-started}. Received dates are spread
 *   over the last three years. No personal data: pseudonymous refs, codes and times, as in production.</li>
 *   <li><b>Rebuild</b> ({@code --rebuild true}): starts a second metrics service from
 *   {@code metrics-service/target/quarkus-app} with an empty database and a new consumer group, reading those
 *   topics (and the live {@code mash.contacts.status.v1}) from the beginning, and reports how many events it applied per second until it has caught up
 *   (its inbox count stops growing for 20 s). The database is dropped afterwards.</li>
 * </ol>
 *
 * <pre>java -cp "deploy/benchmarks/target/classes:$(cat deploy/benchmarks/target/classpath)" org.mash.benchmarks.MetricsRebuild
 *     [--load 1000000] [--rebuild true] [--kafka 127.0.0.1:9092] [--state .mash-local (for the Kafka super user's password)] [--postgres jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres]</pre>
 */
public final class MetricsRebuild {

    /**
     * The replayed events go to topics of their own, which only the rebuilding service reads: the running
     * system's services (contacts reads {@code mash.triage.v1} too) and its figures are left alone.
     */
    static final String TRIAGE_TOPIC = "bench.mash.triage.v1";
    static final String STRATEGY_TOPIC = "bench.mash.strategy.v1";

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = ContactsLoad.options(args);
        String kafka = opts.getOrDefault("kafka", "127.0.0.1:9092");
        String postgres = opts.getOrDefault("postgres", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        long load = Long.parseLong(opts.getOrDefault("load", "0"));
        if (load > 0) {
            load(ContactsLoad.kafkaAdmin(opts, kafka), load);
        }
        if (Boolean.parseBoolean(opts.getOrDefault("rebuild", "false"))) {
            rebuild(kafka, ContactsLoad.kafkaAdminPassword(opts), postgres, opts.getOrDefault("heap", "384m"));
        }
    }

    static void load(Properties kafka, long events) throws Exception {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        long sent = 0;
        long nextReport = 100_000;
        long t0 = System.nanoTime();
        Instant start = LocalDate.now(ZoneOffset.UTC).minusYears(3).atStartOfDay().toInstant(ZoneOffset.UTC);
        long spanSeconds = ChronoUnit.SECONDS.between(start, Instant.now().minus(1, ChronoUnit.DAYS));
        String[] rags = {"RED", "AMBER", "AMBER", "GREEN", "GREEN"};
        String[] outcomes = {"NFA", "INFORMATION_AND_ADVICE", "EARLY_HELP", "CSC_ASSESSMENT", "EARLY_HELP", "NFA", "STRATEGY_DISCUSSION"};
        String[] sources = {"1A", "2A", "3A", "5A", "6", "7", "8", "9", "10"};
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (long i = 0; sent < events; i++) {
                String contactId = UUID.randomUUID().toString();
                String caseId = UUID.randomUUID().toString();
                String childRef = String.format("%064x", (i * 2654435761L) % 40_000_000L);
                Instant received = start.plusSeconds((i * 7919) % spanSeconds);
                String rag = rags[(int) (i % rags.length)];
                long hours = rag.equals("RED") ? 4 : rag.equals("AMBER") ? 24 : 72;
                Instant due = received.plus(hours, ChronoUnit.HOURS);
                Instant decided = received.plus((i % 90) + 1, ChronoUnit.HOURS);
                String outcome = outcomes[(int) (i % outcomes.length)];
                boolean referral = outcome.equals("CSC_ASSESSMENT") || outcome.equals("STRATEGY_DISCUSSION");
                send(producer, TRIAGE_TOPIC, contactId, "mash.triage.case-opened.v1", "/mash/triage-service", caseId, received, """
                        {"caseId":"%s","contactId":"%s","submissionId":"%s","receivedAt":"%s","openedAt":"%s","sourceCode":"%s",\
                        "concernCodes":["3A"],"rag":"%s","dueAt":"%s","oneWorkingDayDueAt":"%s","childRef":"%s","ageBand":"10-15",\
                        "sex":"%s","ethnicity":"WBRI","agency":"police"}""".formatted(caseId, contactId, UUID.randomUUID(), received,
                        received.plusSeconds(1), sources[(int) (i % sources.length)], rag, due, received.plus(1, ChronoUnit.DAYS),
                        childRef, i % 2 == 0 ? "F" : "M"));
                send(producer, TRIAGE_TOPIC, contactId, "mash.triage.decision-authorised.v1", "/mash/triage-service", caseId, decided, """
                        {"caseId":"%s","contactId":"%s","receivedAt":"%s","outcome":"%s","referral":%s,"primaryNeedCode":%s,"rag":"%s",\
                        "proposedBy":"mash-practitioner","proposedAt":"%s","authorisedAt":"%s","dueAt":"%s","oneWorkingDayDueAt":"%s",\
                        "childRef":"%s"}""".formatted(caseId, contactId, received, outcome, referral, referral ? "\"N1\"" : "null", rag,
                        decided.minusSeconds(600), decided, due, received.plus(1, ChronoUnit.DAYS), childRef));
                sent += 2;
                if (outcome.equals("STRATEGY_DISCUSSION") && sent + 3 <= events) {
                    String discussionId = UUID.randomUUID().toString();
                    Instant held = decided.plus(5, ChronoUnit.HOURS);
                    send(producer, STRATEGY_TOPIC, contactId, "mash.strategy.discussion-opened.v1", "/mash/strategy-discussion-service",
                            discussionId, decided, """
                            {"discussionId":"%s","caseId":"%s","contactId":"%s","childRef":"%s","rag":"%s","openedAt":"%s","dueAt":"%s"}"""
                                    .formatted(discussionId, caseId, contactId, childRef, rag, decided, decided.plus(1, ChronoUnit.DAYS)));
                    send(producer, STRATEGY_TOPIC, contactId, "mash.strategy.discussion-held.v1", "/mash/strategy-discussion-service",
                            discussionId, held, """
                            {"discussionId":"%s","contactId":"%s","childRef":"%s","heldAt":"%s","dueAt":"%s","withinTarget":true,\
                            "mode":"VIDEO","attendance":{"social-care":"ATTENDED","police":"ATTENDED","health":"%s"},\
                            "coreAgenciesPresent":%s,"outcome":"S47_JOINT"}""".formatted(discussionId, contactId, childRef, held,
                                    decided.plus(1, ChronoUnit.DAYS), i % 3 == 0 ? "DECLINED" : "ATTENDED", i % 3 != 0));
                    LocalDate on = held.atOffset(ZoneOffset.UTC).toLocalDate();
                    send(producer, STRATEGY_TOPIC, contactId, "mash.strategy.s47-started.v1", "/mash/strategy-discussion-service",
                            discussionId, held, """
                            {"enquiryId":"%s","discussionId":"%s","contactId":"%s","childRef":"%s","startedOn":"%s","icpcTargetDate":"%s",\
                            "joint":true}""".formatted(UUID.randomUUID(), discussionId, contactId, childRef, on, on.plusDays(21)));
                    sent += 3;
                }
                if (sent >= nextReport) {
                    System.out.printf("  %,d events sent%n", sent);
                    nextReport += 100_000;
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("published %,d events in %.0f s (%.0f events/s)%n", sent, seconds, sent / seconds);
    }

    static void send(KafkaProducer<String, String> producer, String topic, String key, String type, String source, String subject,
                     Instant time, String data) {
        String envelope = """
                {"specversion":"1.0","id":"%s","type":"%s","source":"%s","subject":"%s","time":"%s",\
                "datacontenttype":"application/json","dataschema":"urn:mash:schema:%s","correlationid":"benchmark","data":%s}"""
                .formatted(UUID.randomUUID(), type, source, subject, time, type, data);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, envelope);
        record.headers().add("content-type", "application/cloudevents+json".getBytes());
        producer.send(record);
    }

    static void rebuild(String kafka, String adminPassword, String postgres, String heap) throws Exception {
        String db = "mash_metrics_rebuild_" + Long.toHexString(System.nanoTime() & 0xffffff);
        // the service signs in as its own role owning only this database, as outside the tests it must
        String dbPassword = java.util.UUID.randomUUID().toString();
        try (Connection admin = DriverManager.getConnection(postgres); Statement st = admin.createStatement()) {
            st.execute("create role " + db + " login password '" + dbPassword + "'");
            st.execute("create database " + db + " owner " + db);
        }
        String group = "metrics-service-rebuild-" + db;
        Path app = Path.of("metrics-service/target/quarkus-app/quarkus-run.jar");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-Dquarkus.http.port=8094",
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/" + db,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + db,
                "-Dkafka.bootstrap.servers=" + kafka,
                // the benchmark's topics are not the service's: it reads them as the broker's super user
                "-Dmash.kafka.username=" + org.mash.kafka.KafkaAccess.ADMIN,
                "-Dmp.messaging.incoming.triage-events.group.id=" + group,
                "-Dmp.messaging.incoming.triage-events.topic=" + TRIAGE_TOPIC,
                "-Dmp.messaging.incoming.strategy-events.topic=" + STRATEGY_TOPIC,
                "-Dmp.messaging.incoming.strategy-events.group.id=" + group,
                "-Dmp.messaging.incoming.contacts-status-events.group.id=" + group,
                "-Dmp.messaging.outgoing.mash-events-out.topic=mash.metrics.rebuild.benchmark",
                "-jar", app.toString());
        Path log = Path.of("deploy/benchmarks/target/rebuild-" + db + ".log");
        pb.environment().put("MASH_KAFKA_PASSWORD", adminPassword);
        pb.environment().put("QUARKUS_DATASOURCE_USERNAME", db);
        pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
        // the pages are not used here, but a service outside dev and test has no default for their secrets
        pb.environment().putIfAbsent("MASH_WEB_CLIENT_SECRET", "mash-web-secret");
        pb.environment().putIfAbsent("MASH_WEB_SESSION_SECRET", java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process process = pb.start();
        System.out.printf("rebuilding into %s (log %s)%n", db, log);
        try (Connection sql = connect(postgres, db, process)) {
            long last = -1;
            long lastChange = System.nanoTime();
            long firstAt = 0;
            long firstCount = 0;
            while (true) {
                TimeUnit.SECONDS.sleep(5);
                long count;
                try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery("select count(*) from processed_event")) {
                    rs.next();
                    count = rs.getLong(1);
                } catch (Exception notYet) {
                    continue;
                }
                long now = System.nanoTime();
                if (count > 0 && firstAt == 0) {
                    firstAt = now;
                    firstCount = count;
                }
                if (count != last) {
                    System.out.printf("  %5.0f s: %,d events applied%n", (now - t0) / 1e9, count);
                    last = count;
                    lastChange = now;
                } else if (count > 0 && now - lastChange > TimeUnit.SECONDS.toNanos(20)) {
                    double seconds = (lastChange - t0) / 1e9;
                    double steady = (lastChange - firstAt) / 1e9;
                    System.out.printf("rebuilt %,d events in %.0f s from start (%.0f events/s overall, %.0f events/s once consuming)%n",
                            count, seconds, count / seconds, steady > 0 ? (count - firstCount) / steady : 0);
                    break;
                }
            }
            reportRecompute(log, process);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (Connection admin = DriverManager.getConnection(postgres); Statement st = admin.createStatement()) {
                st.execute("drop database if exists " + db + " with (force)");
                st.execute("drop role if exists " + db);
            }
        }
    }

    /**
     * Once caught up, the service computes the current financial year's figures over everything it rebuilt: waits up
     * to 5 minutes for that publication and reports how long it took, or that the service died (out of memory).
     */
    static void reportRecompute(Path log, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                System.out.printf("the service exited (code %d) before publishing the figures: see %s%n", process.exitValue(), log);
                return;
            }
            java.util.List<String> lines = java.nio.file.Files.readAllLines(log);
            int caughtUp = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("caught up (")) {
                    caughtUp = i;
                }
                if (caughtUp >= 0 && i > caughtUp && lines.get(i).contains("changed; published (computed in")) {
                    String line = lines.get(i);
                    System.out.printf("figures after catching up: %s%n", line.substring(line.indexOf("figures of")));
                    return;
                }
            }
            TimeUnit.SECONDS.sleep(5);
        }
        System.out.println("no figures published within 5 minutes of catching up");
    }

    static Connection connect(String postgres, String db, Process process) throws Exception {
        String url = postgres.replaceFirst("/postgres(\\?|$)", "/" + db + "$1");
        return DriverManager.getConnection(url);
    }
}

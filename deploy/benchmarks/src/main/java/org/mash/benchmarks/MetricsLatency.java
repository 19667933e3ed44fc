package org.mash.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * From an input event to the metric event that reflects it, under a steady load: publishes
 * {@code case-opened} events (received now, so they count in the current financial year) onto
 * {@code mash.triage.v1} at {@code rate} per second, and reads {@code mash.metrics.v1}. The k-th event is
 * reflected by the first {@code figures-updated} event of the current financial year whose {@code contacts}
 * figure is at least the starting value + k; its delay is from the send of event k to the receipt of that
 * metric event. The publisher coalesces, so the delay includes up to one publish interval.
 *
 * <pre>java -cp "deploy/benchmarks/target/classes:$(cat deploy/benchmarks/target/classpath)" org.mash.benchmarks.MetricsLatency
 *     [--rate 20] [--seconds 60] [--kafka 127.0.0.1:9092] [--state .mash-local] [--metrics http://localhost:8084]</pre>
 */
public final class MetricsLatency {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = ContactsLoad.options(args);
        double rate = Double.parseDouble(opts.getOrDefault("rate", "20"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        String kafka = opts.getOrDefault("kafka", "127.0.0.1:9092");
        String metrics = opts.getOrDefault("metrics", "http://localhost:8084");
        String keycloak = opts.getOrDefault("keycloak", "http://localhost:8180");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long baseline = contactsNow(http, metrics, ContactsLoad.token(http, keycloak, "analyst"));
        System.out.printf("contacts this financial year before the run: %d; %d s at %.0f events/s%n", baseline, seconds, rate);

        Properties cp = ContactsLoad.kafkaAdmin(opts, kafka);
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Properties pp = ContactsLoad.kafkaAdmin(opts, kafka);
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> delays = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp);
             KafkaProducer<String, String> producer = new KafkaProducer<>(pp)) {
            List<TopicPartition> partitions = consumer.partitionsFor("mash.metrics.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            AtomicInteger n = new AtomicInteger();
            int total = (int) (rate * seconds);
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
            clock.scheduleAtFixedRate(() -> {
                int k = n.incrementAndGet();
                if (k > total) {
                    return;
                }
                Instant now = Instant.now();
                String contactId = UUID.randomUUID().toString();
                String caseId = UUID.randomUUID().toString();
                MetricsRebuild.send(producer, "mash.triage.v1", contactId, "mash.triage.case-opened.v1", "/mash/triage-service", caseId,
                        now, """
                        {"caseId":"%s","contactId":"%s","submissionId":"%s","receivedAt":"%s","openedAt":"%s","sourceCode":"6",\
                        "concernCodes":["3A"],"rag":"AMBER","dueAt":"%s","oneWorkingDayDueAt":"%s","childRef":"%064x","ageBand":"10-15",\
                        "sex":"F","ethnicity":"WBRI","agency":"police"}""".formatted(caseId, contactId, UUID.randomUUID(), now, now,
                        now.plus(24, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS), (long) k * 7919 + System.nanoTime()));
                sentAt.put(k, System.nanoTime());
            }, 0, (long) (1_000_000 / rate), TimeUnit.MICROSECONDS);

            String fy = financialYear(LocalDate.now(ZoneOffset.UTC));
            int reflected = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60);
            while (reflected < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long received = System.nanoTime();
                    JsonNode data = JSON.readTree(record.value()).path("data");
                    if (!fy.equals(data.path("period").path("label").asText())) {
                        continue;
                    }
                    long value = contacts(data.path("figures"));
                    while (reflected < total && baseline + reflected + 1 <= value && sentAt.containsKey(reflected + 1)) {
                        reflected++;
                        delays.add((received - sentAt.get(reflected)) / 1000);
                    }
                }
            }
            clock.shutdownNow();
            System.out.printf("events sent %d, reflected in a metric event %d%n", Math.min(n.get(), total), reflected);
        }
        long[] micros = delays.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(micros);
        System.out.printf("input event -> metric event p50 / p90 / p99: %.0f / %.0f / %.0f ms (max %.0f ms)%n",
                ContactsLoad.percentile(micros, 50), ContactsLoad.percentile(micros, 90), ContactsLoad.percentile(micros, 99),
                micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0);
    }

    static String financialYear(LocalDate day) {
        int start = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        return "FY%d-%02d".formatted(start, (start + 1) % 100);
    }

    static long contacts(JsonNode figures) {
        for (JsonNode f : figures) {
            if ("contacts".equals(f.path("id").asText()) && (f.path("group").isMissingNode() || f.path("group").isNull())) {
                return f.path("numerator").asLong(f.path("value").asLong());
            }
        }
        return -1;
    }

    static long contactsNow(HttpClient http, String metrics, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(metrics + "/api/v1/metrics"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("metrics answered " + response.statusCode() + ": " + response.body());
        }
        return Math.max(0, contacts(JSON.readTree(response.body()).path("figures")));
    }
}

package org.mash.platform.freshness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.mash.platform.inbox.TopicConsumer;

/**
 * How far behind what a service shows may be, so that no screen or figure looks fresher than it is:
 * <ul>
 *   <li><b>events behind</b>: for each consumer group of the service and each topic it reads, the end of each
 *       partition minus the group's committed offset (the earliest offset where it has committed none), summed.
 *       Read from the broker (an admin client), so it is the group's lag across all instances, not one instance's;
 *       committed offsets trail what was applied by at most the commit interval, so a few events show "behind" for
 *       a few seconds while the flow is busy;</li>
 *   <li><b>newest event applied</b>: the latest CloudEvent {@code time} among the events the service's consumers
 *       have applied ({@code processed_event.event_time}).</li>
 * </ul>
 * Refreshed every {@code mash.freshness.interval} (5 s) on every instance; gauges {@code mash_consumer_lag_events}
 * (tags consumer, topic) and {@code mash_consumer_newest_event_age_seconds} in {@code /q/metrics}; a readiness
 * detail ({@link FreshnessCheck}) that stays UP and says "catching up". When the broker cannot be reached the last
 * known lag is kept and the view says since when.
 */
@ApplicationScoped
public class Freshness {

    private static final Logger LOG = Logger.getLogger(Freshness.class);

    /** What a reader needs to judge what they see. {@code eventsBehind} is null until the lag was read once. */
    public record View(Long eventsBehind, OffsetDateTime newestEventAppliedAt, boolean catchingUp, OffsetDateTime lagReadAt,
                       String status) {

        public static final String UP_TO_DATE = "up to date";
        public static final String CATCHING_UP = "catching up";
        public static final String UNKNOWN = "lag unknown";
    }

    private final Instance<TopicConsumer> consumers;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry registry;
    private final Clock clock;
    private final long catchingUpAbove;
    private final String service;
    private final Map<String, AtomicLong> lagGauges = new ConcurrentHashMap<>();
    private final AtomicLong newestAgeSeconds = new AtomicLong(-1);
    private volatile Admin admin;
    private volatile View view = new View(null, null, false, null, View.UNKNOWN);

    public Freshness(Instance<TopicConsumer> consumers, @Identifier("default-kafka-broker") Instance<Map<String, Object>> kafkaConfig,
                     MeterRegistry registry, Clock clock,
                     @ConfigProperty(name = "mash.freshness.catching-up-above", defaultValue = "50") long catchingUpAbove,
                     @ConfigProperty(name = "quarkus.application.name") String service) {
        this.consumers = consumers;
        this.kafkaConfig = kafkaConfig.isResolvable() ? kafkaConfig.get() : Map.of();
        this.registry = registry;
        this.clock = clock;
        this.catchingUpAbove = catchingUpAbove;
        this.service = service;
        Gauge.builder("mash.consumer.newest.event.age.seconds", newestAgeSeconds, AtomicLong::get)
                .description("age of the newest event this service's consumers have applied (-1 if none)")
                .tag("service", service).register(registry);
    }

    /** The latest reading. */
    public View view() {
        return view;
    }

    /** The events behind, over every consumer and topic, if known. */
    public OptionalLong eventsBehind() {
        Long behind = view.eventsBehind();
        return behind == null ? OptionalLong.empty() : OptionalLong.of(behind);
    }

    @Scheduled(every = "${mash.freshness.interval:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        List<TopicConsumer> all = new ArrayList<>();
        consumers.forEach(all::add);
        if (all.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // the database first, on the scheduler's Vert.x context: the broker's answers complete on the admin client's thread
        return newestApplied(all)
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("newest applied event not read: %s", e.toString());
                    return view.newestEventAppliedAt();
                })
                .chain(newest -> lag(all)
                        .onFailure().recoverWithItem(e -> {
                            LOG.debugf(e, "consumer lag not read");
                            return null;
                        })
                        .invoke(lag -> update(lag, newest)))
                .replaceWithVoid();
    }

    private void update(Map<String, Long> lagByConsumerTopic, OffsetDateTime newest) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Long behind = view.eventsBehind();
        OffsetDateTime readAt = view.lagReadAt();
        if (lagByConsumerTopic != null) {
            behind = lagByConsumerTopic.values().stream().mapToLong(Long::longValue).sum();
            readAt = now;
            lagByConsumerTopic.forEach((key, value) -> lagGauges.computeIfAbsent(key, this::registerLagGauge).set(value));
        }
        newestAgeSeconds.set(newest == null ? -1 : Math.max(0, Duration.between(newest, now).toSeconds()));
        boolean catchingUp = behind != null && behind > catchingUpAbove;
        String status = behind == null || lagByConsumerTopic == null ? View.UNKNOWN
                : catchingUp ? View.CATCHING_UP : View.UP_TO_DATE;
        view = new View(behind, newest, catchingUp, readAt, status);
    }

    private AtomicLong registerLagGauge(String consumerAndTopic) {
        String[] parts = consumerAndTopic.split(" ", 2);
        AtomicLong value = new AtomicLong();
        Gauge.builder("mash.consumer.lag.events", value, AtomicLong::get)
                .description("events on the topic not yet applied by the consumer group (end offset minus committed offset)")
                .tag("service", service).tag("consumer", parts[0]).tag("topic", parts[1]).register(registry);
        return value;
    }

    private Uni<OffsetDateTime> newestApplied(List<TopicConsumer> all) {
        Uni<OffsetDateTime> newest = Uni.createFrom().nullItem();
        for (String name : all.stream().map(TopicConsumer::name).distinct().toList()) {
            newest = newest.chain(sofar -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                            .createNativeQuery("select (extract(epoch from max(event_time)) * 1000)::bigint "
                                    + "from processed_event where consumer = ?1", Long.class)
                            .setParameter(1, name).getSingleResultOrNull()))
                    .map(millis -> {
                        if (millis == null) {
                            return sofar;
                        }
                        OffsetDateTime t = java.time.Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
                        return sofar == null || t.isAfter(sofar) ? t : sofar;
                    }));
        }
        return newest;
    }

    /** Events behind per "consumer topic", read from the broker without waiting on any consumer's polling thread. */
    private Uni<Map<String, Long>> lag(List<TopicConsumer> all) {
        Admin client = admin();
        Set<String> topics = new java.util.TreeSet<>();
        all.forEach(c -> topics.addAll(c.topics()));
        return Uni.createFrom().completionStage(client.describeTopics(topics).allTopicNames().toCompletionStage())
                .chain(descriptions -> {
                    List<TopicPartition> partitions = new ArrayList<>();
                    for (TopicDescription d : descriptions.values()) {
                        d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition())));
                    }
                    return offsets(client, partitions, OffsetSpec.latest())
                            .chain(ends -> offsets(client, partitions, OffsetSpec.earliest())
                                    .chain(starts -> committed(client, all).map(commits -> {
                                        Map<String, Long> lag = new HashMap<>();
                                        for (TopicConsumer c : all) {
                                            Map<TopicPartition, OffsetAndMetadata> mine = commits.get(c.name());
                                            for (TopicPartition p : partitions) {
                                                if (!c.topics().contains(p.topic())) {
                                                    continue;
                                                }
                                                OffsetAndMetadata at = mine.get(p);
                                                long from = at == null ? starts.getOrDefault(p, 0L) : at.offset();
                                                lag.merge(c.name() + " " + p.topic(),
                                                        Math.max(0, ends.getOrDefault(p, 0L) - from), Long::sum);
                                            }
                                        }
                                        return lag;
                                    })));
                });
    }

    private static Uni<Map<TopicPartition, Long>> offsets(Admin client, List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        return Uni.createFrom().completionStage(client.listOffsets(request).all().toCompletionStage())
                .map(result -> {
                    Map<TopicPartition, Long> offsets = new HashMap<>();
                    for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : result.entrySet()) {
                        offsets.put(e.getKey(), e.getValue().offset());
                    }
                    return offsets;
                });
    }

    private static Uni<Map<String, Map<TopicPartition, OffsetAndMetadata>>> committed(Admin client, List<TopicConsumer> all) {
        Uni<Map<String, Map<TopicPartition, OffsetAndMetadata>>> result = Uni.createFrom().item(new HashMap<>());
        for (String group : all.stream().map(TopicConsumer::name).distinct().toList()) {
            result = result.chain(map -> Uni.createFrom().completionStage(
                            client.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().toCompletionStage())
                    .map(offsets -> {
                        Map<TopicPartition, OffsetAndMetadata> known = new HashMap<>();
                        offsets.forEach((p, o) -> {
                            if (o != null) {
                                known.put(p, o);
                            }
                        });
                        map.put(group, known);
                        return map;
                    }));
        }
        return result;
    }

    private Admin admin() {
        Admin client = admin;
        if (client == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new HashMap<>();
                    Set<String> known = AdminClientConfig.configNames();
                    kafkaConfig.forEach((key, value) -> {
                        if (known.contains(key)) {
                            config.put(key, value);
                        }
                    });
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, service + "-freshness");
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
                    admin = Admin.create(config);
                }
                client = admin;
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}

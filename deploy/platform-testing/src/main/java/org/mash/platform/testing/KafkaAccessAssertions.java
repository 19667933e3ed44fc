package org.mash.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mash.kafka.KafkaAccess;

/**
 * Kafka as a control, proven per service: its channels use exactly the topics and groups {@link KafkaAccess} grants
 * it, and the test broker ({@link KafkaTestBroker}, with the same ACLs as the local stack's) refuses it the rest.
 */
public final class KafkaAccessAssertions {

    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(topic|group\\.id|dead-letter-queue\\.topic)");

    private KafkaAccessAssertions() {
    }

    /**
     * The service's channels ({@code src/main/resources/application.properties}, without profiles) read exactly the
     * topics it is granted, write only granted topics (its outgoing channel and dead-letter topic; the outbox may name
     * further granted ones per event), and use only groups under its prefix.
     */
    public static void assertChannelsMatchGrant(String service) throws IOException {
        KafkaAccess.Grant grant = KafkaAccess.of(service).orElseThrow(() -> new AssertionError(service + " has no Kafka grant"));
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            config.load(reader);
        }
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String key : config.stringPropertyNames()) {
            Matcher m = CHANNEL.matcher(key);
            if (!m.matches()) {
                continue;
            }
            String value = config.getProperty(key).strip();
            switch (m.group(3)) {
                case "topic" -> (m.group(1).equals("incoming") ? reads : writes).add(value);
                case "dead-letter-queue.topic" -> writes.add(value);
                default -> groups.add(value);
            }
        }
        assertEquals(new TreeSet<>(grant.reads()), reads, service + " reads exactly the topics it is granted");
        assertTrue(grant.writes().containsAll(writes), service + " writes " + writes + ", granted " + grant.writes());
        assertTrue(writes.contains(grant.deadLetterTopic()), "its consumers' failures go to its own dead-letter topic");
        groups.forEach(group -> assertTrue(group.startsWith(grant.groupPrefix()),
                "group " + group + " is not under " + grant.groupPrefix() + ": the broker would refuse it"));
    }

    /** Signed in as {@code principal}, reading {@code topic} is refused by the broker. */
    public static void assertReadRefused(String principal, String topic) {
        Properties props = consumer(KafkaTestBroker.clientPropertiesOf(principal), principal + "-access-test");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            TopicAuthorizationException refused = assertThrows(TopicAuthorizationException.class,
                    () -> pollUntilFailure(consumer), principal + " may not read " + topic);
            assertTrue(refused.unauthorizedTopics().contains(topic), refused.getMessage());
        }
    }

    /** Signed in as {@code principal}, writing to {@code topic} is refused by the broker. */
    public static void assertWriteRefused(String principal, String topic) {
        Properties props = producer(KafkaTestBroker.clientPropertiesOf(principal));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(topic, "k", "{}")).get(), principal + " may not write " + topic);
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), refused.getMessage());
        }
    }

    /** Signed in as {@code principal}, a consumer group of another service is refused, even on a topic it may read. */
    public static void assertGroupRefused(String principal, String topic, String group) {
        Properties props = consumer(KafkaTestBroker.clientPropertiesOf(principal), group);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            assertThrows(GroupAuthorizationException.class, () -> pollUntilFailure(consumer),
                    principal + " may not use group " + group);
        }
    }

    /** A principal with the wrong password does not get in at all. */
    public static void assertWrongPasswordRefused(String principal) {
        Properties props = producer(KafkaAccess.clientProperties(KafkaTestBroker.bootstrapServers(), principal, "not-its-password"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            Exception refused = assertThrows(Exception.class, () -> producer.partitionsFor("mash.triage.v1"));
            assertTrue(refused instanceof AuthenticationException || refused.getCause() instanceof AuthenticationException,
                    "refused for its sign-in, not something else: " + refused);
        }
    }

    private static void pollUntilFailure(KafkaConsumer<String, String> consumer) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(500));
        }
    }

    private static Properties consumer(Map<String, String> signIn, String group) {
        Properties props = new Properties();
        props.putAll(signIn);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    private static Properties producer(Map<String, String> signIn) {
        Properties props = new Properties();
        props.putAll(signIn);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return props;
    }
}

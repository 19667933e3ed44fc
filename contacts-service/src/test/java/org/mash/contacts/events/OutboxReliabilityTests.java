package org.mash.contacts.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.mash.platform.operations.Retention;
import org.mash.platform.outbox.OutboxRelay;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.PostgresTestDatabase;

/**
 * The outbox against a real broker and database: events leave in commit order, one event Kafka refuses for good
 * holds back only its own key, two relays at once neither duplicate nor reorder, and old rows are pruned.
 */
@QuarkusTest
class OutboxReliabilityTests {

    @Inject
    OutboxRelay relay;

    @Inject
    Retention retention;

    static Connection db() throws SQLException {
        return PostgresTestDatabase.connect(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
    }

    static UUID insert(Connection c, String topic, String key, String payload) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("insert into outbox_event (id, topic, message_key, type, payload, created_at) "
                + "values (?, ?, ?, 'mash.test.relayed.v1', ?, now())")) {
            s.setObject(1, id);
            s.setString(2, topic);
            s.setString(3, key);
            s.setString(4, payload == null ? "{\"id\":\"" + id + "\"}" : payload);
            s.executeUpdate();
        }
        return id;
    }

    static long seq(UUID id) {
        return PostgresTestDatabase.count("select seq from outbox_event where id = ?", id);
    }

    static boolean published(UUID id) {
        return PostgresTestDatabase.count("select count(*) from outbox_event where id = ? and published_at is not null", id) == 1;
    }

    @Test
    void anEventOfALaterCommitIsNumberedAfterOneThatCommittedFirstWhateverTheOrderOfInsertion() throws Exception {
        String topic = "mash.test.commit-order";
        String key = "contact-" + UUID.randomUUID();
        UUID insertedFirst;
        UUID committedFirst;
        try (Connection first = db(); Connection second = db()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            insertedFirst = insert(first, topic, key, null);
            committedFirst = insert(second, topic, key, null);
            second.commit();
            first.commit();
        }
        assertTrue(seq(committedFirst) < seq(insertedFirst), "seq is commit order");
        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords(topic, r -> key.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertTrue(records.get(0).value().contains(committedFirst.toString()), "the first committed leaves first");
        assertTrue(records.get(1).value().contains(insertedFirst.toString()));
    }

    @Test
    void anEventKafkaRefusesForGoodIsParkedAndHoldsBackOnlyItsOwnKey() throws Exception {
        String topic = "mash.test.parking";
        String blocked = "contact-" + UUID.randomUUID();
        String other = "contact-" + UUID.randomUUID();
        UUID tooLarge;
        UUID behind;
        UUID unrelated;
        try (Connection c = db()) {
            c.setAutoCommit(false);
            // larger than the producer sends (max.request.size, 1 MB): refused whatever is retried
            tooLarge = insert(c, topic, blocked, "{\"pad\":\"" + "x".repeat(2_000_000) + "\"}");
            behind = insert(c, topic, blocked, null);
            unrelated = insert(c, topic, other, null);
            c.commit();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> published(unrelated));
        await().atMost(Duration.ofSeconds(30)).until(() -> PostgresTestDatabase.count(
                "select count(*) from outbox_event where id = ? and parked_at is not null", tooLarge) == 1);
        assertTrue(!published(behind), "the later event of the same key waits: a contact's events stay in order");

        DemoUsers.manager().get("/api/v1/operations/outbox/parked").then().statusCode(403);
        DemoUsers.operator().get("/api/v1/operations/outbox/parked").then().statusCode(200)
                .body("items.find { it.id == '" + tooLarge + "' }.waitingBehind", equalTo(1))
                .body("items.find { it.id == '" + tooLarge + "' }.lastError", org.hamcrest.Matchers.containsString("RecordTooLarge"));
        await().atMost(Duration.ofSeconds(20)).until(() -> io.restassured.RestAssured.get("/q/metrics").asString()
                .lines().anyMatch(l -> l.startsWith("mash_outbox_parked{") && !l.endsWith(" 0.0")));

        DemoUsers.operator().contentType(ContentType.JSON).body("{\"reason\": \"a test record, too large by design\"}")
                .post("/api/v1/operations/outbox/" + tooLarge + "/discard").then().statusCode(200)
                .body("discardedBy", equalTo("operator"));
        await().atMost(Duration.ofSeconds(30)).until(() -> published(behind));
        DemoUsers.operator().get("/api/v1/operations/outbox/parked").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(tooLarge.toString())));
    }

    @Test
    void twoRelaysAtOnceSendEachEventOnceInOrderPerKey() throws Exception {
        String topic = "mash.test.two-relays";
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            keys.add("contact-" + UUID.randomUUID());
        }
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 1000; i++) {
                ids.add(insert(c, topic, keys.get(i % keys.size()), null));
                if (i % 100 == 99) {
                    c.commit();
                }
            }
            c.commit();
        }
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(two.submit(() -> {
                    int sent = 0;
                    Instant deadline = Instant.now().plusSeconds(60);
                    while (Instant.now().isBefore(deadline) && PostgresTestDatabase.count(
                            "select count(*) from outbox_event where topic = ? and published_at is null", topic) > 0) {
                        try {
                            sent += relay.relay();
                        } catch (Throwable e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return sent;
                }));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            two.shutdownNow();
        }
        assertEquals(0, PostgresTestDatabase.count("select count(*) from outbox_event where topic = ? and published_at is null", topic));

        // everything is acknowledged: a window of reading from the beginning sees every copy there is
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readAll(topic, r -> true, Duration.ofSeconds(10));
        Map<String, List<Long>> seqsByKey = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            String id = r.value().substring(r.value().indexOf(':') + 2, r.value().lastIndexOf('"'));
            copies.merge(id, 1, Integer::sum);
            seqsByKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(seq(UUID.fromString(id)));
        }
        assertEquals(ids.size(), copies.size(), "every event arrived");
        assertTrue(copies.values().stream().allMatch(n -> n == 1), "none twice");
        for (Map.Entry<String, List<Long>> key : seqsByKey.entrySet()) {
            List<Long> inOrder = new ArrayList<>(key.getValue());
            inOrder.sort(null);
            assertEquals(inOrder, key.getValue(), "the events of " + key.getKey() + " arrive in commit order");
        }
    }

    @Test
    void publishedEventsAndInboxIdsArePrunedAfterTheirRetentionButNothingPending() throws Throwable {
        UUID oldPublished;
        UUID oldPending;
        UUID recentPublished;
        try (Connection c = db()) {
            oldPublished = insert(c, "mash.test.retention", "k", null);
            oldPending = insert(c, "mash.test.retention", "k2-" + UUID.randomUUID(), null);
            recentPublished = insert(c, "mash.test.retention", "k3", null);
            try (PreparedStatement s = c.prepareStatement("update outbox_event set created_at = ?, published_at = ? where id = ?")) {
                Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(8)));
                s.setTimestamp(1, longAgo);
                s.setTimestamp(2, longAgo);
                s.setObject(3, oldPublished);
                s.executeUpdate();
                s.setTimestamp(1, longAgo);
                s.setTimestamp(2, Timestamp.from(Instant.now()));
                s.setObject(3, recentPublished);
                s.executeUpdate();
            }
            // never sent (parked): kept for an operator, however old
            try (PreparedStatement s = c.prepareStatement("update outbox_event set created_at = ?, parked_at = now() where id = ?")) {
                s.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(8))));
                s.setObject(2, oldPending);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into processed_event values (?, 'test', 'mash.test.old.v1', ?), "
                    + "(?, 'test', 'mash.test.recent.v1', now())")) {
                s.setString(1, "old-" + UUID.randomUUID());
                s.setTimestamp(2, Timestamp.from(Instant.now().minus(Duration.ofDays(31))));
                s.setString(3, "recent-" + UUID.randomUUID());
                s.executeUpdate();
            }
        }
        Long pruned = null;
        for (int i = 0; i < 50 && (pruned == null || pruned < 0); i++) {
            pruned = VertxContextSupport.subscribeAndAwait(() -> retention.prune());
        }
        assertTrue(pruned != null && pruned >= 2, "pruned " + pruned);
        assertEquals(0, PostgresTestDatabase.count("select count(*) from outbox_event where id = ?", oldPublished));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from outbox_event where id = ?", oldPending));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from outbox_event where id = ?", recentPublished));
        assertEquals(0, PostgresTestDatabase.count("select count(*) from processed_event where event_type = 'mash.test.old.v1'"));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from processed_event where event_type = 'mash.test.recent.v1'"));
        PostgresTestDatabase.executeInApplicationDatabase("update outbox_event set discarded_at = now() where topic = 'mash.test.retention'");
    }
}

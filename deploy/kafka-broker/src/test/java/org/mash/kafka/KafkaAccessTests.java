package org.mash.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The broker's grants are the catalogue of docs/events.md: who produces a topic writes it, who consumes it reads it, nobody else. */
class KafkaAccessTests {

    private static final Pattern ROW = Pattern.compile("^\\| `(mash\\.[a-z0-9.-]+)` \\| [^|]+ \\| ([a-z-]+) \\| ([^|]+) \\|");
    private static final Pattern DEAD_LETTER_ROW = Pattern.compile("^\\s*\\| `(mash\\.[a-z-]+\\.dlq)` \\| ([a-z-]+) \\|");

    @Test
    void everyTopicIsReadAndWrittenByExactlyTheServicesTheCatalogueNames() throws IOException {
        Map<String, Set<String>> writers = new TreeMap<>();
        Map<String, Set<String>> readers = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("../../docs/events.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                writers.computeIfAbsent(row.group(1), t -> new TreeSet<>()).add(service(row.group(2)));
                Set<String> consumers = readers.computeIfAbsent(row.group(1), t -> new TreeSet<>());
                Arrays.stream(row.group(3).split(",")).map(String::strip).map(c -> c.split("[ (]")[0])
                        .map(KafkaAccessTests::service).filter(KafkaAccess.grants()::containsKey).forEach(consumers::add);
            }
            Matcher dlq = DEAD_LETTER_ROW.matcher(line);
            if (dlq.find()) {
                writers.computeIfAbsent(dlq.group(1), t -> new TreeSet<>()).add(service(dlq.group(2)));
                readers.computeIfAbsent(dlq.group(1), t -> new TreeSet<>()).add(service(dlq.group(2)));
            }
        }
        assertFalse(writers.isEmpty(), "the catalogue was found");
        assertEquals(writers.keySet(), KafkaAccess.topics(), "every granted topic is in the catalogue, and every catalogued one granted");
        for (String topic : KafkaAccess.topics()) {
            assertEquals(writers.get(topic), holders(topic, false), "who may write " + topic);
            assertEquals(readers.get(topic), holders(topic, true), "who may read " + topic);
        }
    }

    @Test
    void onlyTriageReadsTheContactRecordsAndEachDeadLetterTopicStaysWithItsService() {
        assertEquals(Set.of("triage-service"), holders("mash.contacts.v1", true));
        assertEquals(Set.of("strategy-discussion-service"), holders("mash.triage.strategy-handoff.v1", true));
        KafkaAccess.grants().values().forEach(grant -> {
            assertEquals(Set.of(grant.principal()), holders(grant.deadLetterTopic(), true));
            assertEquals(Set.of(grant.principal()), holders(grant.deadLetterTopic(), false));
        });
    }

    @Test
    void aJaasLineQuotesWhatWouldBreakIt() {
        String line = KafkaAccess.clientProperties("127.0.0.1:9092", "metrics-service", "a\"b\\c").get("sasl.jaas.config");
        assertTrue(line.endsWith("username=\"metrics-service\" password=\"a\\\"b\\\\c\";"), line);
    }

    private static Set<String> holders(String topic, boolean reading) {
        return KafkaAccess.grants().values().stream()
                .filter(g -> (reading ? g.reads() : g.writes()).contains(topic))
                .map(KafkaAccess.Grant::principal).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String service(String name) {
        return name + "-service";
    }
}

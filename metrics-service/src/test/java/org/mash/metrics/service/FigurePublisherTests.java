package org.mash.metrics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mash.metrics.domain.Period;
import org.mash.metrics.events.InputEvents;
import org.mash.metrics.events.MetricsEvents;
import org.mash.metrics.events.TestEvents;
import org.mash.platform.testing.EventSchemas;
import org.mash.platform.testing.KafkaTestClient;

/** Dashboards learn the current financial year's figures from valid figures-updated events. */
@QuarkusTest
class FigurePublisherTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Inject
    FigurePublisher publisher;

    @Test
    void aContactReceivedNowIsPublishedInTheCurrentFinancialYearsFigures() {
        Period current = Period.financialYearOf(LocalDate.now(Period.ZONE));
        String contactId = UUID.randomUUID().toString();
        KafkaTestClient.send(InputEvents.TRIAGE_TOPIC, contactId, TestEvents.triage(InputEvents.CASE_OPENED, contactId, Map.of(
                "contactId", contactId, "caseId", UUID.randomUUID().toString(),
                "receivedAt", Instant.now().toString(), "openedAt", Instant.now().toString())));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords(MetricsEvents.TOPIC,
                r -> current.label().equals(r.key()) && contacts(r.value()) >= 1, 1, Duration.ofSeconds(30));

        JsonNode event = EventSchemas.assertValid(records.get(0).value());
        assertEquals(MetricsEvents.FIGURES_UPDATED, event.get("type").asText());
        assertEquals("/mash/metrics-service", event.get("source").asText());
        assertEquals(current.label(), event.get("subject").asText());
        assertEquals(current.from().toString(), event.at("/data/period/from").asText());
        assertEquals(current.to().toString(), event.at("/data/period/to").asText());
        JsonNode figures = event.at("/data/figures");
        List<String> ids = new java.util.ArrayList<>();
        figures.forEach(f -> ids.add(f.get("id").asText()));
        assertTrue(ids.containsAll(List.of("contacts", "contacts-rate", "referrals", "conversion", "re-referrals",
                "decision-timeliness", "backlog", "checks", "feedback", "sd-attendance", "s47", "s47-icpc", "icpc-timeliness")), ids.toString());
        assertEquals("contacts", figures.get(0).get("id").asText());
        assertTrue(figures.get(0).get("denominator").isNull(), "a count has no denominator");
        for (JsonNode figure : figures) {
            assertTrue(figure.get("breakdown") == null, "dashboards get the headline figures, no breakdowns");
        }
    }

    /** A run, again while the scheduled publisher holds the lock (SKIPPED is for another instance's run). */
    private FigurePublisher.Publication publish(Period period) throws Throwable {
        FigurePublisher.Publication done = publisher.publishIfChanged(period);
        for (int i = 0; i < 50 && done == FigurePublisher.Publication.SKIPPED; i++) {
            Thread.sleep(100);
            done = publisher.publishIfChanged(period);
        }
        return done;
    }

    @Test
    void unchangedFiguresAreNotPublishedAgain() {
        // June 2018 has no facts: the first time its figures are new, after that they are unchanged
        Period quiet = Period.custom(LocalDate.of(2018, 6, 1), LocalDate.of(2018, 6, 30));
        try {
            assertEquals(FigurePublisher.Publication.PUBLISHED, publish(quiet));
            assertEquals(FigurePublisher.Publication.UNCHANGED, publish(quiet));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        List<ConsumerRecord<String, String>> published = KafkaTestClient.readAll(MetricsEvents.TOPIC,
                r -> quiet.label().equals(r.key()), Duration.ofSeconds(5));
        assertEquals(1, published.size());
        EventSchemas.assertValid(published.get(0).value());
    }

    private static long contacts(String value) {
        try {
            for (JsonNode figure : JSON.readTree(value).at("/data/figures")) {
                if ("contacts".equals(figure.get("id").asText())) {
                    return figure.get("numerator").asLong();
                }
            }
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }
}

package org.mash.metrics.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mash.metrics.domain.Period;
import org.mash.metrics.events.InputEvents;
import org.mash.metrics.events.TestEvents;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.TestTokens;

/**
 * A dashboard watching the Server-Sent Events stream with a plain HTTP client: it gets the current figures at
 * once, then sees them change as events arrive.
 */
@QuarkusTest
class MetricsStreamTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestHTTPResource("/api/v1/metrics/stream")
    URL stream;

    @Test
    void aDashboardSeesTheFiguresChangeAsEventsArrive() throws Exception {
        Period current = Period.financialYearOf(LocalDate.now(Period.ZONE));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TestTokens.token("analyst", "mash", "analyst"))
                .GET().build();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> open = response.get(30, TimeUnit.SECONDS);
        assertEquals(200, open.statusCode());
        assertTrue(open.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try {
                open.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closedAtTheEnd) {
                // the test closes the stream when done
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode first = nextFigures(lines, Duration.ofSeconds(30));
            assertEquals(current.label(), first.at("/period/label").asText());
            long before = contacts(first);

            String contactId = UUID.randomUUID().toString();
            KafkaTestClient.send(InputEvents.TRIAGE_TOPIC, contactId, TestEvents.triage(InputEvents.CASE_OPENED, contactId, Map.of(
                    "contactId", contactId, "caseId", UUID.randomUUID().toString(),
                    "receivedAt", Instant.now().toString(), "openedAt", Instant.now().toString())));

            Instant deadline = Instant.now().plusSeconds(30);
            JsonNode changed = null;
            while (Instant.now().isBefore(deadline)) {
                JsonNode next = nextFigures(lines, Duration.between(Instant.now(), deadline));
                if (contacts(next) > before) {
                    changed = next;
                    break;
                }
            }
            assertNotNull(changed, "the stream showed the new contact");
            assertEquals(before + 1, contacts(changed));
            assertTrue(changed.get("asOf").asText().length() > 0);
            assertTrue(changed.at("/freshness/status").isTextual(), "each message says how fresh it is: " + changed);
            assertTrue(changed.at("/freshness/newestEventAppliedAt").isTextual(), changed.toString());
            // between figures, the stream is never silent: a freshness heartbeat (1 s in tests)
            JsonNode heartbeat = next(lines, "freshness", Duration.ofSeconds(10));
            assertTrue(heartbeat.get("status").isTextual(), heartbeat.toString());
            assertTrue(heartbeat.has("eventsBehind"), heartbeat.toString());
        } finally {
            open.body().close();
        }
    }

    /** The data of the next {@code figures-updated} event on the stream (heartbeats skipped). */
    private static JsonNode nextFigures(BlockingQueue<String> lines, Duration timeout) throws Exception {
        return next(lines, "figures-updated", timeout);
    }

    /** The data of the next event of this name on the stream. */
    private static JsonNode next(BlockingQueue<String> lines, String name, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String event = null;
        while (Instant.now().isBefore(deadline)) {
            String line = lines.poll(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            if (line == null) {
                break;
            }
            if (line.startsWith("event:")) {
                event = line.substring("event:".length()).trim();
            }
            if (line.startsWith("data:") && name.equals(event)) {
                return JSON.readTree(line.substring("data:".length()));
            }
        }
        throw new AssertionError("no " + name + " on the stream within " + timeout);
    }

    private static long contacts(JsonNode figures) {
        for (JsonNode f : figures.get("figures")) {
            if (f.get("id").asText().equals("contacts")) {
                return f.get("numerator").asLong();
            }
        }
        throw new AssertionError("no contacts figure in " + figures);
    }
}

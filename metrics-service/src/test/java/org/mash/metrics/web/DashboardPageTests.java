package org.mash.metrics.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mash.metrics.events.InputEvents;
import org.mash.metrics.events.TestEvents;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.TestTokens;

/**
 * The dashboard: the figures with what each counts, a breakdown with its small numbers suppressed, weekly chart data,
 * the CSV, and live updates relayed under the session; only analysts and managers open it.
 */
@QuarkusTest
class DashboardPageTests {

    @TestHTTPResource("/ui/dashboard/stream")
    URL stream;

    @Test
    void analystsAndManagersSeeEachFigureWithWhatItCountsAndNobodyElseDoes() {
        DemoUsers.analyst().get("/ui/dashboard").then().statusCode(200).contentType(containsString("text/html"))
                .body(allOf(containsString("id=\"figure-contacts\""), containsString("id=\"figure-conversion\""),
                        containsString("sse-connect=\"/ui/dashboard/stream\""), containsString("Definition")));
        DemoUsers.manager().get("/ui/dashboard?period=2026-11&breakdown=rag").then().statusCode(200)
                .body(allOf(containsString("By Rag"), containsString("not update live")));
        DemoUsers.analyst().get("/ui/dashboard?breakdown=ethnicity").then().statusCode(200)
                .body(containsString("counts of 1 to 4 show as &lt;5")).body(containsString("rounded to the nearest 5"));
        DemoUsers.referrer().get("/ui/dashboard").then().statusCode(403);
        DemoUsers.practitioner().get("/ui/dashboard").then().statusCode(403);
        DemoUsers.analyst().get("/ui/dashboard?period=2026-13").then().statusCode(400).contentType(containsString("text/html"));
    }

    @Test
    void theChartsGetTwelveWeeksAndTheCsvIsTheApisCsv() {
        DemoUsers.analyst().get("/ui/dashboard/weeks?period=FY2026-27").then().statusCode(200)
                .body("size()", equalTo(12)).body("[11]", hasKey("contacts")).body("[11]", hasKey("week"));
        DemoUsers.analyst().get("/ui/dashboard/csv?period=FY2026-27").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("FY2026-27"));
        DemoUsers.referrer().get("/ui/dashboard/weeks").then().statusCode(403);
    }

    @Test
    void theLiveFiguresArriveAsPageFragmentsWhenTheyChange() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString())).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TestTokens.token("analyst", "mash", "analyst")).GET().build();
        HttpResponse<Stream<String>> open = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        assertEquals(200, open.statusCode());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                open.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closed) {
                // closed by the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String contactId = UUID.randomUUID().toString();
            KafkaTestClient.send(InputEvents.TRIAGE_TOPIC, contactId, TestEvents.triage(InputEvents.CASE_OPENED, contactId, Map.of(
                    "contactId", contactId, "caseId", UUID.randomUUID().toString(),
                    "receivedAt", Instant.now().toString(), "openedAt", Instant.now().toString())));
            boolean heartbeat = false;
            boolean cards = false;
            String event = "";
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && !(heartbeat && cards)) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    continue;
                }
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    heartbeat |= event.equals("freshness") && line.contains("date");
                    cards |= event.equals("figures-updated") && line.contains("id=\"figure-contacts\"");
                }
            }
            assertTrue(heartbeat, "a freshness fragment every heartbeat");
            assertTrue(cards, "the figure cards again when the figures are published");
        } finally {
            open.body().close();
        }
    }
}

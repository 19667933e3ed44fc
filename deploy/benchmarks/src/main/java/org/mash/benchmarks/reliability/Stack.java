package org.mash.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The running system as the reliability runs see it: its services, tokens of the demo users, and its databases. */
public final class Stack {

    static final List<String> USERS = List.of("referrer.police", "referrer.school", "practitioner", "manager", "officer.health",
            "participant.health", "participant.police", "analyst", "operator", "returns");
    static final List<String> DATABASES = List.of("mash_contacts", "mash_triage", "mash_strategy", "mash_metrics");

    /** HTTP/1.1, as partner systems and curl speak it (no h2c upgrade). */
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final String keycloak;
    final String jdbcBase;
    final String databaseSuffix;

    public Stack(String keycloak, String jdbcBase, String databaseSuffix) {
        this.keycloak = keycloak;
        this.jdbcBase = jdbcBase;
        this.databaseSuffix = databaseSuffix;
    }

    /** A fresh token of every demo user (they last 15 minutes). */
    public Map<String, String> tokens() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : USERS) {
            tokens.put(user, token(user));
        }
        return tokens;
    }

    public String token(String user) throws Exception {
        String form = "grant_type=password&client_id=mash-cli&username=" + user + "&password=demo";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/mash/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = BadRequests.JSON.readTree(response.body());
        if (!body.has("access_token")) {
            throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        return body.get("access_token").asText();
    }

    /** Sends one request; {@code headers} are name, value pairs. */
    public HttpResponse<String> send(String method, String url, String token, String contentType, String body, Duration timeout,
                              String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public JsonNode getJson(String url, String token) throws Exception {
        HttpResponse<String> response = send("GET", url, token, null, null, Duration.ofSeconds(30));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return BadRequests.JSON.readTree(response.body());
    }

    /** POSTs JSON; fails unless the answer is 2xx. */
    public JsonNode postJson(String url, String token, String body) throws Exception {
        HttpResponse<String> response = send("POST", url, token, "application/json", body, Duration.ofSeconds(30));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? BadRequests.JSON.nullNode() : BadRequests.JSON.readTree(response.body());
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcBase + database + databaseSuffix, "postgres", System.getenv().getOrDefault("PGPASSWORD", ""));
    }

    /** The number of rows of every table of the four databases ({@code database.table -> rows}). */
    synchronized Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String database : DATABASES) {
            try {
                countRows(database, counts);
            } catch (SQLException e) {
                // the connection went (a database restart): once more on a new one
                closeCounting(database);
                countRows(database, counts);
            }
        }
        return counts;
    }

    private final Map<String, Connection> counting = new LinkedHashMap<>();
    private final Map<String, String> countSql = new LinkedHashMap<>();

    private void countRows(String database, Map<String, Long> counts) throws SQLException {
        Connection c = counting.get(database);
        if (c == null || c.isClosed()) {
            c = connect(database);
            counting.put(database, c);
        }
        try (Statement s = c.createStatement()) {
            String sql = countSql.get(database);
            if (sql == null) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public' "
                        + "and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by table_name")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                StringBuilder union = new StringBuilder();
                for (String table : tables) {
                    union.append(union.length() == 0 ? "" : " union all ").append("select '").append(table)
                            .append("', count(*) from ").append(table);
                }
                sql = union.toString();
                countSql.put(database, sql);
            }
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    counts.put(database + "." + rs.getString(1), rs.getLong(2));
                }
            }
        }
    }

    private void closeCounting(String database) {
        try {
            Connection c = counting.remove(database);
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // gone already
        }
    }

    /** Events written but not yet acknowledged by Kafka, over the four databases. */
    long pendingEvents() throws SQLException {
        long pending = 0;
        for (String database : DATABASES) {
            pending += single(database, "select count(*) from outbox_event where published_at is null and parked_at is null "
                    + "and discarded_at is null");
        }
        return pending;
    }

    public long single(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until no event is pending anywhere and nothing changed for {@code still}; false if not within {@code timeout}. */
    public boolean awaitQuiet(Duration still, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Long> last = rowCounts();
        Instant stableSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            Map<String, Long> now = rowCounts();
            if (!now.equals(last) || pendingEvents() > 0) {
                last = now;
                stableSince = Instant.now();
            } else if (Duration.between(stableSince, Instant.now()).compareTo(still) >= 0) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((table, rows) -> {
            long d = rows - before.getOrDefault(table, 0L);
            if (d != 0) {
                delta.put(table, d);
            }
        });
        return delta;
    }
}

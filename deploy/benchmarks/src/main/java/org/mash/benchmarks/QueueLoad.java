package org.mash.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The triage queue under volume: fills the running triage service's database with {@code open} open and
 * {@code closed} decided cases, then times {@code GET /api/v1/triage/queue} with each filter a practitioner uses,
 * one request at a time, and reports p50/p99 per filter.
 *
 * <p>The cases are copies of one real case (the newest in the database, or one made by posting a contact),
 * inserted with SQL because opening 550,000 cases through Kafka would take hours; every column the service
 * has is copied, and the ones the queue reads (ids, RAG, times, status, assignee) are varied. Seeded rows carry
 * the submission id {@link #SEED} so {@code --clean true} removes them. Overdue seeded cases are marked as
 * already flagged, so the overdue watcher does not publish 20,000 events while the queries are timed.
 *
 * <pre>java -cp "deploy/benchmarks/target/classes:$(cat deploy/benchmarks/target/classpath)" org.mash.benchmarks.QueueLoad
 *     [--open 50000] [--closed 500000] [--requests 500] [--triage http://localhost:8082]
 *     [--db jdbc:postgresql://127.0.0.1:5432/mash_triage?user=postgres] [--clean false]</pre>
 * ({@code --requests 0} only seeds.)
 */
public final class QueueLoad {

    static final String SEED = "b0000000-0000-4000-8000-00000000beef";

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = ContactsLoad.options(args);
        int open = Integer.parseInt(opts.getOrDefault("open", "50000"));
        int closed = Integer.parseInt(opts.getOrDefault("closed", "500000"));
        int requests = Integer.parseInt(opts.getOrDefault("requests", "500"));
        String triage = opts.getOrDefault("triage", "http://localhost:8082");
        String contacts = opts.getOrDefault("contacts", "http://localhost:8081");
        String keycloak = opts.getOrDefault("keycloak", "http://localhost:8180");
        String db = opts.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/mash_triage?user=postgres");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        try (Connection sql = DriverManager.getConnection(db)) {
            sql.setAutoCommit(true);
            if (Boolean.parseBoolean(opts.getOrDefault("clean", "false"))) {
                try (Statement st = sql.createStatement()) {
                    // first what refers to the seeded cases (the overdue watch may have written to their timeline)
                    List<String[]> references = new ArrayList<>();
                    try (ResultSet rs = st.executeQuery("select c.conrelid::regclass::text, a.attname from pg_constraint c "
                            + "join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1] "
                            + "where c.contype = 'f' and c.confrelid = 'triage_case'::regclass")) {
                        while (rs.next()) {
                            references.add(new String[] {rs.getString(1), rs.getString(2)});
                        }
                    }
                    for (String[] ref : references) {
                        st.executeUpdate("delete from " + ref[0] + " where " + ref[1]
                                + " in (select id from triage_case where submission_id = '" + SEED + "')");
                    }
                    int gone = st.executeUpdate("delete from triage_case where submission_id = '" + SEED + "'");
                    System.out.printf("removed %d seeded cases%n", gone);
                }
                return;
            }
            UUID template = template(sql, http, contacts, keycloak);
            long seeded = count(sql, "select count(*) from triage_case where submission_id = '" + SEED + "'");
            if (seeded < open + closed) {
                seed(sql, template, open, closed);
            }
            System.out.printf("cases in the database: %d open, %d decided%n",
                    count(sql, "select count(*) from triage_case where status <> 'DECIDED'"),
                    count(sql, "select count(*) from triage_case where status = 'DECIDED'"));
        }

        if (requests <= 0) {
            return;
        }
        String token = token(http, keycloak, "practitioner");
        Map<String, String> scenarios = new LinkedHashMap<>();
        scenarios.put("first page (50, by due time)", "");
        scenarios.put("rag=RED", "rag=RED");
        scenarios.put("overdue=true", "overdue=true");
        scenarios.put("mine=true", "mine=true");
        scenarios.put("status=PROPOSED", "status=PROPOSED");
        scenarios.put("rag=GREEN&overdue=false", "rag=GREEN&overdue=false");
        scenarios.put("page 200 (deep paging)", "page=200");
        System.out.printf("%n%-32s %8s %8s %8s %8s%n", "query", "p50 ms", "p90 ms", "p99 ms", "max ms");
        for (Map.Entry<String, String> scenario : scenarios.entrySet()) {
            URI uri = URI.create(triage + "/api/v1/triage/queue?" + scenario.getValue());
            time(http, uri, token, Math.max(20, requests / 5));
            long[] micros = time(http, uri, token, requests);
            Arrays.sort(micros);
            System.out.printf("%-32s %8.1f %8.1f %8.1f %8.1f%n", scenario.getKey(), ContactsLoad.percentile(micros, 50),
                    ContactsLoad.percentile(micros, 90), ContactsLoad.percentile(micros, 99), micros[micros.length - 1] / 1000.0);
        }
    }

    static long[] time(HttpClient http, URI uri, String token, int n) throws Exception {
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).GET().build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            micros[i] = (System.nanoTime() - t0) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        return micros;
    }

    /** The newest real case, or a new one made by posting a contact and waiting for triage to open it. */
    static UUID template(Connection sql, HttpClient http, String contacts, String keycloak) throws Exception {
        UUID existing = newestRealCase(sql);
        if (existing != null) {
            return existing;
        }
        String token = token(http, keycloak, "referrer.police");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(contacts + "/api/v1/contacts"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ContactsLoad.contact(1))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not post a template contact: " + response.statusCode() + " " + response.body());
        }
        for (int i = 0; i < 600; i++) {
            existing = newestRealCase(sql);
            if (existing != null) {
                return existing;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("triage did not open a case for the template contact within 60 s");
    }

    static UUID newestRealCase(Connection sql) throws Exception {
        try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery(
                "select id from triage_case where submission_id is distinct from '" + SEED + "' order by opened_at desc limit 1")) {
            return rs.next() ? rs.getObject(1, UUID.class) : null;
        }
    }

    static void seed(Connection sql, UUID template, int open, int closed) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery(
                "select column_name from information_schema.columns where table_schema = current_schema() "
                        + "and table_name = 'triage_case' order by ordinal_position")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        long t0 = System.nanoTime();
        int chunk = 50_000;
        for (int done = 0; done < open; done += chunk) {
            insert(sql, columns, template, done, Math.min(chunk, open - done), true);
        }
        for (int done = 0; done < closed; done += chunk) {
            insert(sql, columns, template, done, Math.min(chunk, closed - done), false);
        }
        try (Statement st = sql.createStatement()) {
            st.execute("analyze triage_case");
        }
        System.out.printf("seeded %d open and %d decided cases in %.0f s%n", open, closed, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Open cases are received over the last 5 days (so about a third are overdue); decided ones over the last
     * year. RAG is spread 20 % RED, 50 % AMBER, 30 % GREEN; one open case in 40 is assigned to the practitioner
     * and one in 10 is waiting for a manager.
     */
    static void insert(Connection sql, List<String> columns, UUID template, int from, int n, boolean open) throws Exception {
        Map<String, String> varied = new LinkedHashMap<>();
        String received = open ? "now() - ((g::bigint * 7919) % 432000) * interval '1 second'"
                : "now() - interval '5 days' - ((g::bigint * 7919) % 31536000) * interval '1 second'";
        String rag = "(case when g % 10 < 2 then 'RED' when g % 10 < 7 then 'AMBER' else 'GREEN' end)";
        String target = "(case when g % 10 < 2 then interval '4 hours' when g % 10 < 7 then interval '24 hours' else interval '72 hours' end)";
        varied.put("id", "gen_random_uuid()");
        varied.put("contact_id", "gen_random_uuid()");
        varied.put("submission_id", "'" + SEED + "'::uuid");
        varied.put("received_at", received);
        varied.put("opened_at", received);
        varied.put("rag", rag);
        varied.put("rag_suggested", rag);
        varied.put("due_at", "(" + received + ") + " + target);
        varied.put("one_working_day_due_at", "(" + received + ") + interval '1 day'");
        varied.put("child_ref", "encode(sha256(('seed-' || g || '-' || " + (open ? "'o'" : "'c'") + ")::bytea), 'hex')");
        varied.put("status", open ? "(case when g % 10 = 9 then 'PROPOSED' else 'OPEN' end)" : "'DECIDED'");
        varied.put("assignee", open ? "(case when g % 40 = 0 then 'practitioner' else null end)" : "'practitioner'");
        varied.put("overdue_flagged_at", "(case when (" + received + ") + " + target + " < now() then now() else null end)");
        if (!open) {
            varied.put("decided_outcome", "'NFA'");
            varied.put("authorised_by", "'manager'");
            varied.put("authorised_at", "(" + received + ") + interval '3 hours'");
        }
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (String column : columns) {
            names.add(column);
            values.add(varied.getOrDefault(column, "t." + column));
        }
        String insert = "insert into triage_case (" + names + ") select " + values + " from triage_case t, generate_series("
                + (from + 1) + ", " + (from + n) + ") g where t.id = '" + template + "'";
        try (Statement st = sql.createStatement()) {
            st.executeUpdate(insert);
        }
        System.out.printf("  %s cases %d..%d inserted%n", open ? "open" : "decided", from + 1, from + n);
    }

    static long count(Connection sql, String query) throws Exception {
        try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String token(HttpClient http, String keycloak, String user) throws Exception {
        return ContactsLoad.token(http, keycloak, user);
    }
}

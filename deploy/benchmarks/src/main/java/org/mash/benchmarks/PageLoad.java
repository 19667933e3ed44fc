package org.mash.benchmarks;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages under volume, as a browser loads them: signs in through Keycloak's sign-in page as each demo user (a
 * cookie jar, following the redirects of the authorization code flow), then times each page, one request at a time,
 * and reports p50/p90/p99/max. Seed the triage database first with {@code QueueLoad --requests 0} (50,000 open cases).
 *
 * <pre>java -cp "deploy/benchmarks/target/classes:$(cat deploy/benchmarks/target/classpath)" org.mash.benchmarks.PageLoad
 *     [--requests 200] [--contacts http://localhost:8081] [--triage http://localhost:8082]
 *     [--strategy http://localhost:8083] [--metrics http://localhost:8084]</pre>
 */
public final class PageLoad {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern FIRST_CASE = Pattern.compile("href=\"(/ui/cases/[0-9a-f-]+)\"");
    private static final Pattern SHOWN = Pattern.compile("shown=([0-9a-f]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = ContactsLoad.options(args);
        int requests = Integer.parseInt(opts.getOrDefault("requests", "200"));
        String contacts = opts.getOrDefault("contacts", "http://localhost:8081");
        String triage = opts.getOrDefault("triage", "http://localhost:8082");
        String strategy = opts.getOrDefault("strategy", "http://localhost:8083");
        String metrics = opts.getOrDefault("metrics", "http://localhost:8084");

        Map<String, String> pages = new LinkedHashMap<>();
        HttpClient practitioner = signIn("practitioner", triage + "/ui/queue");
        String queue = get(practitioner, triage + "/ui/queue").body();
        Matcher firstCase = FIRST_CASE.matcher(queue);
        Matcher shown = SHOWN.matcher(queue);
        if (!firstCase.find() || !shown.find()) {
            throw new IllegalStateException("the queue shows no case: seed it first (QueueLoad --requests 0)");
        }
        time("queue, first page", practitioner, triage + "/ui/queue", requests, pages);
        time("queue, rag=RED", practitioner, triage + "/ui/queue?rag=RED", requests, pages);
        time("queue, overdue", practitioner, triage + "/ui/queue?overdue=true", requests, pages);
        time("queue, awaiting authorisation", practitioner, triage + "/ui/queue?status=PROPOSED", requests, pages);
        time("queue, page 200", practitioner, triage + "/ui/queue?page=200", requests, pages);
        time("queue refresh, unchanged (204)", practitioner, triage + "/ui/queue/rows?page=0&shown=" + shown.group(1), requests, pages);
        time("case", practitioner, triage + firstCase.group(1), requests, pages);
        time("strategy discussions", practitioner, strategy + "/ui/discussions", requests, pages);
        time("deadlines", practitioner, strategy + "/ui/deadlines", requests, pages);

        HttpClient officer = signIn("officer.police", triage + "/ui/checks");
        time("partner officer's checks", officer, triage + "/ui/checks", requests, pages);
        HttpClient referrer = signIn("referrer.police", contacts + "/ui/contacts/new");
        time("contact form", referrer, contacts + "/ui/contacts/new", requests, pages);
        time("referrer's contacts", referrer, contacts + "/ui/contacts", requests, pages);
        HttpClient analyst = signIn("analyst", metrics + "/ui/dashboard");
        time("dashboard (financial year)", analyst, metrics + "/ui/dashboard", requests, pages);
        time("dashboard, by RAG", analyst, metrics + "/ui/dashboard?breakdown=rag", requests, pages);
        time("dashboard's weekly chart data (12 weeks)", analyst, metrics + "/ui/dashboard/weeks", Math.max(10, requests / 10), pages);

        System.out.println("| page | p50 | p90 | p99 | max |");
        System.out.println("|---|---|---|---|---|");
        pages.forEach((name, row) -> System.out.println("| " + name + " | " + row + " |"));
    }

    /** A browser of its own for one person, signed in through Keycloak's page. */
    static HttpClient signIn(String user, String page) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new LocalhostCookies()).followRedirects(HttpClient.Redirect.ALWAYS)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = get(http, page);
        Matcher action = FORM_ACTION.matcher(login.body());
        if (!action.find()) {
            throw new IllegalStateException(page + " did not lead to Keycloak's sign-in page: " + login.uri());
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo&credentialId=";
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 200 || !signedIn.uri().toString().startsWith(page.substring(0, page.indexOf("/ui")))) {
            throw new IllegalStateException("signing in as " + user + " ended at " + signedIn.uri() + " with " + signedIn.statusCode());
        }
        return http;
    }

    /**
     * A cookie jar that, as a browser does for {@code http://localhost} (a secure context), keeps the identity
     * provider's {@code Secure} cookies on plain HTTP; Java's own jar would drop them and the sign-in would fail.
     */
    static final class LocalhostCookies extends java.net.CookieHandler {
        private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers) throws java.io.IOException {
            return jar.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> headers) throws java.io.IOException {
            Map<String, java.util.List<String>> plain = new java.util.HashMap<>();
            headers.forEach((name, values) -> plain.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            jar.put(uri, plain);
        }
    }

    static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", url.contains("/weeks") ? "application/json" : "text/html")
                .header("Sec-Fetch-Site", "same-origin").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Warms up with a fifth of the requests, then times {@code n} one after another. */
    static void time(String name, HttpClient http, String url, int n, Map<String, String> rows) throws Exception {
        for (int i = 0; i < Math.max(5, n / 5); i++) {
            check(get(http, url), url);
        }
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            check(get(http, url), url);
            micros[i] = (System.nanoTime() - t0) / 1_000;
        }
        Arrays.sort(micros);
        rows.put(name, String.format("%.1f ms | %.1f ms | %.1f ms | %.1f ms", ContactsLoad.percentile(micros, 50),
                ContactsLoad.percentile(micros, 90), ContactsLoad.percentile(micros, 99),
                micros[n - 1] / 1000.0));
        System.out.println(name + ": " + rows.get(name));
    }

    private static void check(HttpResponse<String> response, String url) {
        if (response.statusCode() != 200 && response.statusCode() != 204) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
    }
}

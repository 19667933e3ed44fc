package org.mash.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through, run as written: its bash blocks, taken from README.md itself (so the README and this test
 * cannot drift), one after the other in one bash with {@code set -euo pipefail}, against a fresh system. Only the
 * ports change (the system under test listens on free ports), and the dashboard's block is left out (a stream that
 * never ends; {@code MetricsStreamTests} watches it). Any step that fails stops the run with the problem's detail.
 */
class ReadmeWalkthroughIT {

    private static final Pattern BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    @BeforeAll
    static void system() {
        MashSystem.start();
    }

    static List<String> walkthroughBlocks(String readme) {
        int from = readme.indexOf("## Walk-through");
        int to = readme.indexOf("\n## ", from + 1);
        assertTrue(from >= 0 && to > from, "README.md has a Walk-through section");
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme.substring(from, to));
        while (m.find()) {
            if (!m.group(1).contains("text/event-stream")) {
                blocks.add(m.group(1));
            }
        }
        return blocks;
    }

    @Test
    void theWalkthroughRunsAsWritten() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("mash.root", "../..")).toAbsolutePath().normalize();
        List<String> blocks = walkthroughBlocks(Files.readString(root.resolve("README.md")));
        assertTrue(blocks.size() >= 10, "the walk-through's blocks: " + blocks.size());
        String script = "set -euo pipefail\n" + String.join("\n", blocks) + "\necho WALKTHROUGH-DONE\n";
        for (Map.Entry<String, String> port : Map.of(
                "http://localhost:8081", MashSystem.url("contacts-service"),
                "http://localhost:8082", MashSystem.url("triage-service"),
                "http://localhost:8083", MashSystem.url("strategy-discussion-service"),
                "http://localhost:8084", MashSystem.url("metrics-service")).entrySet()) {
            script = script.replace(port.getKey(), port.getValue());
        }
        Path file = Files.createTempFile("walkthrough", ".sh");
        Files.writeString(file, script);
        Path output = Files.createTempFile("walkthrough", ".log");
        ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        bash.environment().put("KC", MashSystem.keycloakUrl() + "/realms/mash/protocol/openid-connect/token");
        Process run = bash.start();
        boolean finished = run.waitFor(6, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(finished, "the walk-through did not finish in 6 minutes:\n" + tail(log));
        assertEquals(0, run.exitValue(), "a step of the walk-through failed:\n" + tail(log));
        assertTrue(log.contains("WALKTHROUGH-DONE"), tail(log));
        // what the steps show, as the README says they do
        assertTrue(log.toLowerCase().contains("idempotent-replayed: true"), "the retry is a replay");
        assertTrue(log.contains("RECEIVED  referrer.police (referrer)"), "the timeline names the user:\n" + tail(log));
        assertTrue(log.contains("\"outcome\": \"STRATEGY_DISCUSSION\""), "the referrer sees the outcome");
        assertTrue(log.contains("\"band\":\"CERTAIN\",\"status\":\"CONFIRMED\""), "the certain match is confirmed:\n" + tail(log));
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : "…" + log.substring(log.length() - 6000);
    }
}

package org.mash.localstack;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stopping the stack's child processes, and asking them over HTTP whether they are up. */
final class Processes {

    private Processes() {
    }

    static int httpStatus(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Asks every instance to stop at once, then waits for each: the whole takes as long as the slowest instance, not
     * the sum of them all (a test JVM's shutdown hook may be cut short, and an instance left running holds its port).
     */
    static void stopAll(List<Process> processes) {
        processes.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        });
        processes.forEach(Processes::stop);
    }

    static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until {@code url} answers 200, failing at once, naming the log, if the process (as {@code current} gives it
     * now: a supervisor may replace it) exits, and after {@code timeout}.
     */
    static void awaitReady(String url, java.util.function.Supplier<Process> current, String name, java.nio.file.Path logFile,
                           java.time.Duration timeout) {
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        int status = -1;
        while (java.time.Instant.now().isBefore(deadline)) {
            Process process = current.get();
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            status = httpStatus(url);
            if (status == 200) {
                LocalStack.log(name + " is ready");
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + " (last status " + status + "); see " + logFile);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

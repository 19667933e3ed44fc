package org.mash.localstack;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps every instance running, as a platform's supervisor would: an instance that exits is started again (after
 * 1 s, doubling to 60 s while it keeps failing at once), and one whose liveness check fails for 30 s running (a
 * consumer that died, a hung process) is killed and started again.
 */
final class Supervisor implements Runnable {

    private final LocalStack stack;
    private final LocalStack.Options options;

    Supervisor(LocalStack stack) {
        this.stack = stack;
        this.options = stack.options();
    }

    private final Map<String, Integer> failedChecks = new LinkedHashMap<>();
    private final Map<String, Integer> quickExits = new LinkedHashMap<>();
    private final Map<String, Instant> startedAt = new LinkedHashMap<>();
    private final Map<String, Instant> notBefore = new LinkedHashMap<>();

    @Override
    public void run() {
        while (!stack.stopping()) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
            for (LocalStack.Service service : LocalStack.SERVICES) {
                for (int i = 0; i < options.instances() && !stack.stopping(); i++) {
                    check(service, i);
                }
            }
        }
    }

    private void check(LocalStack.Service service, int instance) {
        String name = LocalStack.instanceName(service.name(), instance);
        Process process = stack.instance(name);
        Instant now = Instant.now();
        if (process != null && process.isAlive()) {
            int status = Processes.httpStatus(options.serviceUrl(service.name(), instance) + "/q/health/live");
            boolean starting = startedAt.getOrDefault(name, Instant.MIN).isAfter(now.minusSeconds(90));
            int failed = status == 200 || (starting && status == -1) ? 0 : failedChecks.getOrDefault(name, 0) + 1;
            failedChecks.put(name, failed);
            if (failed >= 15) {
                LocalStack.log(name + " has failed its liveness check for 30 s (last answer " + status + "): restarting it");
                process.destroyForcibly();
                failedChecks.put(name, 0);
            }
            return;
        }
        if (now.isBefore(notBefore.getOrDefault(name, Instant.MIN))) {
            return;
        }
        if (process != null) {
            boolean quick = startedAt.getOrDefault(name, Instant.MIN).isAfter(now.minusSeconds(30));
            int exits = quick ? quickExits.getOrDefault(name, 0) + 1 : 0;
            quickExits.put(name, exits);
            long delay = Math.min(60, 1L << Math.min(exits, 6));
            if (exits > 0 && notBefore.get(name) == null) {
                notBefore.put(name, now.plusSeconds(delay));
                LocalStack.log(name + " exited with " + exitValue(process) + " soon after starting; starting it again in " + delay + " s");
                return;
            }
            LocalStack.log(name + " exited with " + exitValue(process) + "; starting it again (see " + options.logFile(service.name(), instance) + ")");
        }
        notBefore.remove(name);
        try {
            stack.replace(name, stack.startService(service, instance));
            startedAt.put(name, now);
        } catch (IOException | RuntimeException e) {
            LocalStack.log("cannot start " + name + ": " + e.getMessage());
            notBefore.put(name, now.plusSeconds(10));
        }
    }

    private String exitValue(Process process) {
        try {
            return String.valueOf(process.exitValue());
        } catch (IllegalThreadStateException e) {
            return "?";
        }
    }
}

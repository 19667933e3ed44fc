package org.mash.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The run command's entry point ({@code deploy/run-local.sh}): the whole system on this machine until Ctrl-C. */
public final class RunLocal {

    private RunLocal() {
    }

    /** {@code --root DIR --state DIR [--reset] [--instances N]}: runs the system until this process is stopped (Ctrl-C). */
    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path state = null;
        boolean reset = false;
        Integer instances = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            switch (arg) {
                case "--root" -> root = Path.of(rest.remove(0)).toAbsolutePath().normalize();
                case "--state" -> state = Path.of(rest.remove(0)).toAbsolutePath().normalize();
                case "--reset" -> reset = true;
                case "--instances" -> instances = Integer.parseInt(rest.remove(0));
                default -> throw new IllegalArgumentException("unknown option " + arg
                        + " (use --root, --state, --reset, --instances N)");
            }
        }
        LocalStack.Options options = LocalStack.Options.defaults(root, state != null ? state : root.resolve(".mash-local"), reset);
        if (instances != null) {
            options = options.withInstances(instances);
        }
        LocalStack stack = LocalStack.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalStack.log("stopping everything this command started");
            stack.close();
        }, "mash-stop"));
        System.out.println(Banner.text(options));
        Thread.currentThread().join();
    }
}

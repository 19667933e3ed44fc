package org.mash.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Keycloak from its distribution zip (a Maven artifact), unpacked into the state folder and run in dev mode with the realm. */
final class Keycloak {

    private Keycloak() {
    }

    static Process start(LocalStack.Options options) throws IOException {
        Path home = options.stateDir().resolve("keycloak-" + LocalStack.KEYCLOAK_VERSION);
        if (!Files.exists(home.resolve("bin").resolve("kc.sh"))) {
            unzip(keycloakZip(), options.stateDir());
        }
        Path imports = home.resolve("data").resolve("import");
        Files.createDirectories(imports);
        Files.copy(options.root().resolve("deploy/keycloak/mash-realm.json"), imports.resolve("mash-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm", "--http-port=" + options.keycloakPort(),
                "--http-management-port=" + options.keycloakManagementPort(), "--health-enabled=true")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(options.logDir().resolve("keycloak.log").toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    static Path keycloakZip() throws IOException {
        try (InputStream in = Keycloak.class.getResourceAsStream("keycloak.zip.path")) {
            if (in == null) {
                throw new IllegalStateException("keycloak.zip.path missing: build deploy/local-stack with Maven");
            }
            return Path.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }

    static void unzip(Path zip, Path into) throws IOException {
        LocalStack.log("unpacking " + zip.getFileName() + " into " + into);
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.toString().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

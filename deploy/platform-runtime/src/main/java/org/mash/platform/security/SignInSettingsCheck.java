package org.mash.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a service signs in to its database and to Kafka, checked before it starts.
 * <ul>
 *   <li>Outside dev and test it refuses the database defaults of its {@code application.properties} (the superuser
 *       {@code postgres}, no password): it must connect as its own role, owning only its own database, with a
 *       password (QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD).</li>
 *   <li>Its Kafka password ({@code mash.kafka.password}, from MASH_KAFKA_PASSWORD outside test) is required here, so a
 *       missing one stops the start naming MASH_KAFKA_PASSWORD, rather than as a Kafka client's "login module not
 *       specified" after the start.</li>
 * </ul>
 * The other secrets without a default outside dev and test (the pseudonym key, the callback key, the pages' secrets)
 * stop the start by configuration in the same way.
 */
@ApplicationScoped
@Startup(Interceptor.Priority.PLATFORM_BEFORE) // before the messaging channels are wired, which would fail less clearly
public class SignInSettingsCheck {

    static final String SUPERUSER = "postgres";

    public SignInSettingsCheck(@ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                               @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                               @ConfigProperty(name = "mash.kafka.password") Optional<String> kafkaPassword) {
        List<String> problems = new ArrayList<>();
        if (kafkaPassword.map(String::isBlank).orElse(true)) {
            problems.add("no Kafka password: set MASH_KAFKA_PASSWORD (the service signs in to Kafka as its own principal, "
                    + "see docs/security.md)");
        }
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            problems.addAll(problems(username, password));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start: " + String.join("; ", problems));
        }
    }

    /** What is wrong with how the service signs in to its database, outside dev and test. */
    static List<String> problems(Optional<String> username, Optional<String> password) {
        List<String> problems = new ArrayList<>();
        String user = username.map(String::strip).orElse("");
        if (user.isEmpty() || user.equals(SUPERUSER)) {
            problems.add("the database user is " + (user.isEmpty() ? "not set" : "the superuser '" + SUPERUSER + "'")
                    + ": set QUARKUS_DATASOURCE_USERNAME to the service's own role, which owns only its database");
        }
        if (password.map(String::isBlank).orElse(true)) {
            problems.add("the database password is not set: set QUARKUS_DATASOURCE_PASSWORD");
        }
        return problems;
    }
}

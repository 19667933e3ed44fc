package org.mash.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Outside dev and test a service refuses to start on the database defaults of its {@code application.properties}
 * (the superuser {@code postgres}, no password): it must connect as its own role, owning only its own database, with
 * a password (QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD). The other secrets without a default outside
 * dev and test (the pseudonym key, the callback key, the pages' secrets, MASH_KAFKA_PASSWORD) stop the start by
 * configuration; this says the same for the two values that have a default for the developers' local database.
 */
@ApplicationScoped
public class DatabaseSignInCheck {

    static final String SUPERUSER = "postgres";

    private final Optional<String> username;
    private final Optional<String> password;

    public DatabaseSignInCheck(@ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                               @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.username = username;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            List<String> problems = problems(username, password);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("refusing to start: " + String.join("; ", problems));
            }
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

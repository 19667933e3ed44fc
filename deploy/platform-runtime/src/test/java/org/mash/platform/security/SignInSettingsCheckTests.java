package org.mash.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Outside dev and test, no service signs in to its database as the superuser or without a password. */
class SignInSettingsCheckTests {

    @Test
    void theDevelopersDefaultsAreRefusedSayingWhatToSet() {
        List<String> problems = SignInSettingsCheck.problems(Optional.of("postgres"), Optional.empty());
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("QUARKUS_DATASOURCE_USERNAME"), problems.get(0));
        assertTrue(problems.get(1).contains("QUARKUS_DATASOURCE_PASSWORD"), problems.get(1));
        assertEquals(2, SignInSettingsCheck.problems(Optional.empty(), Optional.of(" ")).size());
    }

    @Test
    void aServicesOwnRoleWithAPasswordStarts() {
        assertEquals(List.of(), SignInSettingsCheck.problems(Optional.of("mash_triage"), Optional.of("s3cret-from-the-vault")));
    }
}

package org.mash.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The realm the system ships with is safe outside a developer's machine: each setting here failed a review once. */
class RealmTests {

    static JsonNode realm() throws Exception {
        return new ObjectMapper().readTree(Path.of("../keycloak/mash-realm.json").toFile());
    }

    @Test
    void tlsIsRequiredOutsideLocalAndGuessingPasswordsLocksTheAccount() throws Exception {
        JsonNode realm = realm();
        assertEquals("external", realm.get("sslRequired").asText(), "TLS for every address but local and private ones");
        assertTrue(realm.get("bruteForceProtected").asBoolean());
        assertTrue(realm.get("failureFactor").asInt() <= 10);
    }

    @Test
    void onlyTheLocalCliClientMayUseThePasswordGrant() throws Exception {
        List<String> passwordGrant = new ArrayList<>();
        realm().get("clients").forEach(c -> {
            if (c.path("directAccessGrantsEnabled").asBoolean(false)) {
                passwordGrant.add(c.get("clientId").asText());
            }
        });
        assertEquals(List.of("mash-cli"), passwordGrant);
    }

    @Test
    void thePagesIdTokenCarriesNoAgencySoPagesMustReadTheAccessToken() throws Exception {
        realm().get("clients").forEach(c -> {
            if (c.get("clientId").asText().equals("mash-web")) {
                c.get("protocolMappers").forEach(m -> {
                    if (m.path("config").path("claim.name").asText().equals("agency")) {
                        assertEquals("true", m.get("config").get("access.token.claim").asText());
                        assertFalse(m.get("config").get("id.token.claim").asBoolean());
                    }
                });
            }
        });
    }
}

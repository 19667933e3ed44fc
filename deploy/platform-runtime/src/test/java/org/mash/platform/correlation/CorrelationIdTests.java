package org.mash.platform.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A correlation id reaches the logs and the pseudonymous topics, so it can never carry a caller's text. */
class CorrelationIdTests {

    @Test
    void aCallersTextNeverBecomesACorrelationId() {
        for (String personal : new String[] {"Amira.Khan.2016-04-02", "walkthrough-1", "E1 6AN", "", " ",
                "6f1c2a9e-3b7d-4e58-9a0c-1d2e3f4a5b6c-Amira", "6f1c2a9e3b7d4e589a0c1d2e3f4a5b6c", "x\n6f1c2a9e-3b7d-4e58-9a0c-1d2e3f4a5b6c"}) {
            String id = CorrelationId.acceptOrCreate(personal);
            assertNotEquals(personal, id);
            UUID.fromString(id); // a new, server-made one
            assertNull(CorrelationId.opaque(personal), personal);
        }
        assertTrue(CorrelationId.acceptOrCreate(null).matches("[0-9a-f-]{36}"));
    }

    @Test
    void anOpaqueOneIsKept() {
        assertEquals("6f1c2a9e-3b7d-4e58-9a0c-1d2e3f4a5b6c", CorrelationId.acceptOrCreate("6F1C2A9E-3B7D-4E58-9A0C-1D2E3F4A5B6C"));
    }
}

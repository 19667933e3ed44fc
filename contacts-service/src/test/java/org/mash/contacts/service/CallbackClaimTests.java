package org.mash.contacts.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.mash.contacts.rest.ContactResourceTests;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.PostgresTestDatabase;

/** Several instances deliver callbacks side by side: each claim takes deliveries no other claim holds. */
@QuarkusTest
class CallbackClaimTests {

    @Inject
    CallbackDispatcher dispatcher;

    @Test
    void twoClaimsAtOnceNeverTakeTheSameDelivery() throws Exception {
        String contactId = ContactResourceTests.submit(DemoUsers.policeReferrer(), ContactResourceTests.TWO_SIBLINGS);
        String agency = "claims-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = PostgresTestDatabase.connect(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class))) {
            try (PreparedStatement s = c.prepareStatement("insert into agency_callback values (?, 'http://127.0.0.1:9/', 'secret-of-16-chars', 'test', now())")) {
                s.setString(1, agency);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into callback_delivery (id, contact_id, agency, url, payload, created_at, "
                    + "next_attempt_at) values (?, ?, ?, 'http://127.0.0.1:9/', '{}', now(), now() - interval '1 second')")) {
                for (int i = 0; i < 30; i++) {
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, UUID.fromString(contactId));
                    s.setString(3, agency);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        CompletableFuture<List<CallbackDispatcher.Due>> first = CompletableFuture.supplyAsync(this::claim);
        CompletableFuture<List<CallbackDispatcher.Due>> second = CompletableFuture.supplyAsync(this::claim);
        Set<UUID> claimedByFirst = new HashSet<>();
        first.get().forEach(d -> claimedByFirst.add(d.delivery().id));
        for (CallbackDispatcher.Due d : second.get()) {
            assertTrue(!claimedByFirst.contains(d.delivery().id), "claimed twice: " + d.delivery().id);
        }
        assertTrue(claimedByFirst.size() <= CallbackDispatcher.BATCH);
        PostgresTestDatabase.executeInApplicationDatabase("delete from agency_callback where agency = '" + agency + "'");
    }

    private List<CallbackDispatcher.Due> claim() {
        try {
            return dispatcher.claimDue();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

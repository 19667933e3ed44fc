package org.mash.platform.audit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/** The access log of the records a service holds: who, when, which record, in which role. */
@ApplicationScoped
public class AccessLog {

    private final Clock clock;

    public AccessLog(Clock clock) {
        this.clock = clock;
    }

    /** Call inside the transaction that reads the record, so a read is never served without its entry. */
    public Uni<Void> record(String recordType, UUID recordId, String username, String agency, Set<String> roles,
                            String action) {
        AccessLogEntry entry = new AccessLogEntry();
        entry.recordType = recordType;
        entry.recordId = recordId;
        entry.username = username;
        entry.agency = agency;
        entry.roles = String.join(",", roles.stream().sorted().toList());
        entry.action = action;
        entry.at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return entry.persist().replaceWithVoid();
    }
}

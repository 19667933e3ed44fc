package org.mash.platform.audit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
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

    /**
     * Records that every record of a list was shown: one entry per record, in one statement. {@code entity} is the
     * records' entity name (e.g. {@code TriageCase}); ids of records that do not exist get no entry. Call inside the
     * transaction that reads the list.
     */
    public Uni<Integer> recordList(String recordType, String entity, Collection<UUID> ids, String username, String agency,
                                   Set<String> roles, String action) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        if (!entity.chars().allMatch(Character::isJavaIdentifierPart)) {
            throw new IllegalArgumentException("not an entity name: " + entity);
        }
        return AccessLogEntry.getSession().chain(session -> session.createMutationQuery(
                        "insert into AccessLogEntry (recordType, recordId, username, agency, roles, action, at) "
                        + "select :type, e.id, :username, :agency, :roles, :action, :at from " + entity + " e where e.id in :ids")
                .setParameter("type", recordType)
                .setParameter("username", username)
                .setParameter("agency", agency)
                .setParameter("roles", String.join(",", roles.stream().sorted().toList()))
                .setParameter("action", action)
                .setParameter("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .setParameter("ids", ids)
                .executeUpdate());
    }
}

package org.mash.triage.service;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.mash.triage.domain.CaseStatus;

/** The queue's query for a filter: open cases (or one status), most urgent first. */
record QueueQuery(String where, Parameters params) {

    static final Sort ORDER = Sort.ascending("dueAt").and("receivedAt");

    /** A case's identity and version, all a fingerprint needs. */
    @RegisterForReflection
    record Row(UUID id, long version) {
    }

    static QueueQuery of(TriageService.QueueFilter filter, OffsetDateTime now) {
        StringBuilder query = new StringBuilder(filter.status() == null ? "status <> :decided" : "status = :status");
        Parameters params = filter.status() == null
                ? Parameters.with("decided", CaseStatus.DECIDED) : Parameters.with("status", filter.status());
        if (filter.rag() != null) {
            query.append(" and rag = :rag");
            params.and("rag", filter.rag());
        }
        if (filter.checksOverdue() != null) {
            query.append(filter.checksOverdue() ? " and checksOverdue > 0" : " and checksOverdue = 0");
        }
        if (filter.assignee() != null) {
            query.append(" and assignee = :assignee");
            params.and("assignee", filter.assignee());
        }
        if (filter.overdue() != null) {
            // the same rule as DecisionTargets.overdue: decided after the due time, or undecided past it
            String overdue = "((authorisedAt is null and dueAt < :now) or authorisedAt > dueAt)";
            query.append(filter.overdue() ? " and " + overdue : " and not " + overdue);
            params.and("now", now);
        }
        return new QueueQuery(query.toString(), params);
    }

    static String fingerprint(List<Row> rows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            rows.forEach(r -> digest.update((r.id() + ":" + r.version() + ";").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

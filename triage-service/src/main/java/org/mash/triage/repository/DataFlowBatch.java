package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One call of the data flow: at most 100 records, sent in order ({@code seq}), retried until the department accepts
 * it (its receipts kept, the payload then cleared) or refuses it for good (400, 413: its children go whole next run).
 */
@Entity
@Table(name = "data_flow_batch")
public class DataFlowBatch extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String REFUSED = "REFUSED";

    @Id
    public UUID id;

    @Column(name = "run_id")
    public UUID runId;

    public long seq;

    public int records;

    /** The local child ids it carries, comma-separated. */
    @Column(name = "child_ids")
    public String childIds;

    /** The JSON array sent; null once accepted. */
    public String payload;

    public String status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    /** Why the last attempt failed: a status or an error class, never the data. */
    @Column(name = "last_error")
    public String lastError;

    /** The department's receipt for each record, in order (a JSON array). */
    public String receipts;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}

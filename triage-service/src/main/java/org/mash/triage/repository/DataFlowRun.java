package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One run of the data flow: when, why (the schedule or on demand, by whom), and what it queued (counts only). */
@Entity
@Table(name = "data_flow_run")
public class DataFlowRun extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    /** SCHEDULE or DEMAND. */
    public String trigger;

    @Column(name = "requested_by")
    public String requestedBy;

    /** Children in the cohort. */
    public int children;

    /** Records queued: new or changed children, and purged ones. */
    public int records;

    public int purged;

    public int batches;
}

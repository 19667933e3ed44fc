package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A child's whole record as last queued for the data flow (JSON), so that the next run sends only what changed. */
@Entity
@Table(name = "data_flow_child")
public class DataFlowChild extends PanacheEntityBase {

    @Id
    @Column(name = "la_child_id")
    public String laChildId;

    public String record;

    @Column(name = "queued_at")
    public OffsetDateTime queuedAt;
}

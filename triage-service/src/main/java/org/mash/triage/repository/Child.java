package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A child in the person index: every case belongs to one (see {@code org.mash.triage.service.ChildIndex}). */
@Entity
@Table(name = "child")
public class Child extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The stable local child id ({@link org.mash.triage.domain.LocalChildId}). */
    @Column(name = "local_id")
    public String localId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The record this one was merged into (made twice for one child), or null. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "merged_at")
    public OffsetDateTime mergedAt;

    @Column(name = "merged_by")
    public String mergedBy;

    @Column(name = "merge_reason")
    public String mergeReason;

    /** The child's death, as the case management system's import gave it (census PersonDeathDate), or null. */
    @Column(name = "death_date")
    public java.time.LocalDate deathDate;

    /** Two changes to one record at once: one is kept, the other is refused (409), never silently lost. */
    @jakarta.persistence.Version
    public long version;
}

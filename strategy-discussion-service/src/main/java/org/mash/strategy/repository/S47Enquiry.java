package org.mash.strategy.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;

/** A section 47 enquiry started by a strategy discussion. */
@Entity
@Table(name = "s47_enquiry")
public class S47Enquiry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "discussion_id")
    public UUID discussionId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "child_ref")
    public String childRef;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "icpc_target_date")
    public LocalDate icpcTargetDate;

    public boolean joint;

    /** Set when the decision that started it was superseded by one that is not section 47. */
    @Column(name = "withdrawn_at")
    public java.time.OffsetDateTime withdrawnAt;

    @Column(name = "concluded_on")
    public LocalDate concludedOn;

    /** A code of codes/s47-outcome.csv. */
    @Column(name = "outcome_code")
    public String outcomeCode;

    @Column(name = "icpc_required")
    public Boolean icpcRequired;

    @Column(name = "concluded_by")
    public String concludedBy;

    @Column(name = "concluded_at")
    public java.time.OffsetDateTime concludedAt;

    @Column(name = "icpc_held_on")
    public LocalDate icpcHeldOn;

    @Column(name = "icpc_recorded_by")
    public String icpcRecordedBy;

    @Column(name = "icpc_recorded_at")
    public java.time.OffsetDateTime icpcRecordedAt;

    /** Set only by the OverdueWatch's conditional update, never by writing the entity back. */
    @Column(name = "icpc_overdue_flagged_at", updatable = false)
    public java.time.OffsetDateTime icpcOverdueFlaggedAt;

    /** Concurrent changes of one row: the later fails (409) instead of overwriting the first. */
    @Version
    public long version;

    public boolean active() {
        return withdrawnAt == null;
    }
}

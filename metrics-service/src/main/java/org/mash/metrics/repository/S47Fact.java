package org.mash.metrics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A section 47 enquiry, as the figures need it. */
@Entity
@Table(name = "s47_fact")
public class S47Fact extends PanacheEntityBase {

    @Id
    @Column(name = "enquiry_id")
    public UUID enquiryId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "child_ref")
    public String childRef;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "icpc_target_date")
    public LocalDate icpcTargetDate;

    public Boolean joint;

    @Column(name = "discussion_id")
    public UUID discussionId;

    @Column(name = "concluded_on")
    public LocalDate concludedOn;

    @Column(name = "outcome_code")
    public String outcomeCode;

    @Column(name = "icpc_required")
    public Boolean icpcRequired;

    @Column(name = "icpc_held_on")
    public LocalDate icpcHeldOn;

    @Column(name = "icpc_within_target")
    public Boolean icpcWithinTarget;

    @Column(name = "icpc_overdue_flagged_at")
    public java.time.OffsetDateTime icpcOverdueFlaggedAt;

    /** When it was withdrawn (a superseding decision moved the child out of section 47): no longer counts as started. */
    @Column(name = "withdrawn_at")
    public java.time.OffsetDateTime withdrawnAt;
}

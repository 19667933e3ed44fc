package org.mash.metrics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An information check to a partner agency: who was asked, when, by when, and when they answered. */
@Entity
@Table(name = "check_fact")
public class CheckFact extends PanacheEntityBase {

    @Id
    @Column(name = "check_id")
    public UUID checkId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "contact_id")
    public UUID contactId;

    public String agency;

    public String rag;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "responded_at")
    public OffsetDateTime respondedAt;

    public String result;

    @Column(name = "within_due")
    public Boolean withinDue;

    @Column(name = "overdue_flagged_at")
    public OffsetDateTime overdueFlaggedAt;
}

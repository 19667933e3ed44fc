package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.mash.triage.domain.CheckResult;
import org.mash.triage.domain.Rag;

/** A request for information to one partner agency, and its answer. */
@Entity
@Table(name = "partner_check")
public class PartnerCheck extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    /** The agency's code, e.g. {@code health}. */
    public String agency;

    /** What is asked and why: the context of the concern. */
    public String question;

    /** The case's rating when the check was asked (it set the due time). */
    @Enumerated(EnumType.STRING)
    public Rag rag;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Enumerated(EnumType.STRING)
    public CheckResult result;

    public String information;

    @Column(name = "responded_by")
    public String respondedBy;

    @Column(name = "responded_at")
    public OffsetDateTime respondedAt;

    /** When the check was found past its due time unanswered (its overdue event was published then). */
    @Column(name = "overdue_flagged_at")
    public OffsetDateTime overdueFlaggedAt;

    @Version
    public long version;
}

package org.mash.strategy.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.mash.strategy.domain.RiskGrading;

/** What one agency shared for a discussion, with its risk grading. */
@Entity
@Table(name = "contribution")
public class Contribution extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "discussion_id")
    public UUID discussionId;

    public String agency;

    /** The child of a sibling group the grading is about; null: every child of the discussion. */
    @Column(name = "contact_id")
    public UUID contactId;

    public String information;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_grading")
    public RiskGrading riskGrading;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}

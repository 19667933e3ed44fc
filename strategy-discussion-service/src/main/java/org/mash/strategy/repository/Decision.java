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
import org.mash.strategy.domain.Outcome;

/** The chair's decision for one child. Never changed: a later decision supersedes it. */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "discussion_id")
    public UUID discussionId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String rationale;

    @Column(name = "safety_plan")
    public String safetyPlan;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** The decision this one replaced, and why. */
    @Column(name = "supersedes_id")
    public UUID supersedesId;

    @Column(name = "supersession_reason")
    public String supersessionReason;

    /** When a later decision replaced this one, and which. */
    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;

    @Column(name = "superseded_by_id")
    public UUID supersededById;

    public boolean current() {
        return supersededAt == null;
    }
}

package org.mash.metrics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A strategy discussion, as the figures need it. */
@Entity
@Table(name = "discussion_fact")
public class DiscussionFact extends PanacheEntityBase {

    @Id
    @Column(name = "discussion_id")
    public UUID discussionId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "held_at")
    public OffsetDateTime heldAt;

    @Column(name = "within_target")
    public Boolean withinTarget;

    @Column(name = "core_agencies_present")
    public Boolean coreAgenciesPresent;

    public String outcome;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "child_ref")
    public String childRef;

    public String rag;

    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;

    @Column(name = "overdue_flagged_at")
    public OffsetDateTime overdueFlaggedAt;
}

package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A strategy discussion about a case's child, as the strategy-discussion service's events tell it: opened, held, and
 * the decision for this child (the latest, when a later decision superseded one). One row per discussion and case, so
 * each child of a sibling group has their own decision.
 */
@Entity
@Table(name = "case_discussion")
public class CaseDiscussion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "discussion_id")
    public UUID discussionId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "held_at")
    public OffsetDateTime heldAt;

    /** S47_SINGLE_AGENCY, S47_JOINT, CSC_ASSESSMENT, NFA or OTHER; null until held. */
    public String outcome;

    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;
}

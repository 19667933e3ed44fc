package org.mash.strategy.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An action agreed at a discussion, owned by an agency. */
@Entity
@Table(name = "discussion_action")
public class DiscussionAction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "discussion_id")
    public UUID discussionId;

    /** The child of a sibling group it is about; null: every child. */
    @Column(name = "contact_id")
    public UUID contactId;

    public String description;

    public String agency;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completion_note")
    public String completionNote;

    /** Set only by the OverdueWatch's conditional update, never by writing the entity back. */
    @Column(name = "overdue_flagged_at", updatable = false)
    public OffsetDateTime overdueFlaggedAt;

    /** Concurrent changes of one row: the later fails (409) instead of overwriting the first. */
    @Version
    public long version;
}

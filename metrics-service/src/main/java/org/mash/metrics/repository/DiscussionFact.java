package org.mash.metrics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One child's record of a strategy discussion, as the figures need it: siblings reported together share one
 * discussion (one {@code discussionId}) and each has its own record, keyed by its contact id.
 */
@Entity
@Table(name = "discussion_fact")
@IdClass(DiscussionFact.Key.class)
public class DiscussionFact extends PanacheEntityBase {

    @Id
    @Column(name = "discussion_id")
    public UUID discussionId;

    @Id
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

    /** The key: the discussion and the child (its contact). */
    public static class Key implements Serializable {

        public UUID discussionId;
        public UUID contactId;

        public Key() {
        }

        public Key(UUID discussionId, UUID contactId) {
            this.discussionId = discussionId;
            this.contactId = contactId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(discussionId, k.discussionId) && Objects.equals(contactId, k.contactId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(discussionId, contactId);
        }
    }
}

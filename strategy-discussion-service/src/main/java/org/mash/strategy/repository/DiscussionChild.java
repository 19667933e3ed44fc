package org.mash.strategy.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.mash.strategy.domain.Rag;

/** A child a discussion is about (one, or each child of a sibling group), as handed over by triage. */
@Entity
@Table(name = "discussion_child")
@IdClass(DiscussionChild.Key.class)
public class DiscussionChild extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID discussionId;
        public UUID contactId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(discussionId, k.discussionId) && Objects.equals(contactId, k.contactId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(discussionId, contactId);
        }
    }

    @Id
    @Column(name = "discussion_id")
    public UUID discussionId;

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "child_ref")
    public String childRef;

    @Enumerated(EnumType.STRING)
    public Rag rag;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "expected_birth")
    public LocalDate expectedBirth;

    /** The address as JSON, as received (may be null). */
    public String address;

    @Column(name = "concern_codes")
    public String concernCodes;

    @Column(name = "concern_summary")
    public String concernSummary;

    @Column(name = "joined_at")
    public OffsetDateTime joinedAt;
}

package org.mash.contacts.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The submission an agency's idempotency key stands for, and a hash of the request it came with. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey extends PanacheEntityBase {

    /** An idempotency key is the agency's own: two agencies may use the same one. */
    @Embeddable
    public record Id(String agency, @Column(name = "idempotency_key") String key) implements Serializable {
    }

    @EmbeddedId
    public Id id;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

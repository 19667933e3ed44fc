package org.mash.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event waiting to be relayed to Kafka, written in the same transaction as the change it describes; kept after
 * publication for {@code mash.outbox.retention}, then pruned.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    public String type;

    public String payload;

    @Column(name = "correlation_id")
    public String correlationId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Commit order: set as the transaction commits (outbox_event_number_at_commit), null until then. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** Set when Kafka refused the event for good: later events of its key wait until an operator retries or discards it. */
    @Column(name = "parked_at")
    public OffsetDateTime parkedAt;

    @Column(name = "discarded_at")
    public OffsetDateTime discardedAt;

    @Column(name = "discarded_by")
    public String discardedBy;

    @Column(name = "discard_reason")
    public String discardReason;
}

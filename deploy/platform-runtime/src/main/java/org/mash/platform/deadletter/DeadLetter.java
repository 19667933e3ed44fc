package org.mash.platform.deadletter;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A record one of this service's consumers set aside, as copied from its dead-letter topic. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {

    /** Where it stands: waiting for an operator, applied by a replay, or discarded by an operator (with why). */
    public enum Status { OPEN, REPLAYED, DISCARDED }

    @Id
    public UUID id;

    @Column(name = "dlq_topic")
    public String dlqTopic;

    @Column(name = "dlq_partition")
    public int dlqPartition;

    @Column(name = "dlq_offset")
    public long dlqOffset;

    @Column(name = "original_topic")
    public String originalTopic;

    @Column(name = "original_partition")
    public Integer originalPartition;

    @Column(name = "original_offset")
    public Long originalOffset;

    @Column(name = "message_key")
    public String messageKey;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    /** The record value as received, byte for byte (never shown by the API: it may be a child's record). */
    public byte[] value;

    public String reason;

    public String cause;

    @Column(name = "dead_lettered_at")
    public OffsetDateTime deadLetteredAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    @Column(name = "replay_attempts")
    public int replayAttempts;

    @Column(name = "last_replay_error")
    public String lastReplayError;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Version
    public long version;
}

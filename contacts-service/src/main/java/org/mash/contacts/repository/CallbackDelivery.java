package org.mash.contacts.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One outcome notification, retried until the agency acknowledges it. */
@Entity
@Table(name = "callback_delivery")
public class CallbackDelivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    public String agency;

    public String url;

    public String payload;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "last_error")
    public String lastError;
}

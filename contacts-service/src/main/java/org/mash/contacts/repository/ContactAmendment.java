package org.mash.contacts.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Information added to a contact after it was received; the contact itself is never changed. */
@Entity
@Table(name = "contact_amendment")
public class ContactAmendment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    public String kind;

    public String text;

    @Column(name = "amended_by")
    public String amendedBy;

    public String agency;

    public String role;

    @Column(name = "amended_at")
    public OffsetDateTime amendedAt;
}

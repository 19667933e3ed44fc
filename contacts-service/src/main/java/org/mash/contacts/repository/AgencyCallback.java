package org.mash.contacts.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Where an agency's case system takes outcome notifications, and the secret they are signed with. */
@Entity
@Table(name = "agency_callback")
public class AgencyCallback extends PanacheEntityBase {

    @Id
    public String agency;

    public String url;

    public String secret;

    @Column(name = "registered_by")
    public String registeredBy;

    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;
}

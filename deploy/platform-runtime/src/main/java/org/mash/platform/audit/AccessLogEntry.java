package org.mash.platform.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One read (or other use) of a child's record. */
@Entity
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "record_type")
    public String recordType;

    @Column(name = "record_id")
    public UUID recordId;

    public String username;

    public String agency;

    public String roles;

    public String action;

    public OffsetDateTime at;
}

package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Information added to the contact after it was received. */
@Entity
@Table(name = "case_amendment")
public class CaseAmendment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String kind;

    public String text;

    public String agency;

    @Column(name = "amended_by_role")
    public String amendedByRole;

    @Column(name = "amended_at")
    public OffsetDateTime amendedAt;
}

package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A referral's closure as the case management system's import gave it (census CINclosureDate, ReasonForClosure). */
@Entity
@Table(name = "case_system_episode")
public class CaseSystemEpisode extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "closure_date")
    public LocalDate closureDate;

    @Column(name = "closure_reason")
    public String closureReason;

    @Column(name = "imported_at")
    public OffsetDateTime importedAt;

    @Column(name = "imported_by")
    public String importedBy;
}

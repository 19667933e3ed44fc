package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** An assessment of a referral as the case management system's import gave it (census Assessments). */
@Entity
@Table(name = "case_system_assessment")
public class CaseSystemAssessment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "authorisation_date")
    public LocalDate authorisationDate;
}

package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A census file produced: its year, its serial number in the year, when, by whom and what it held (counts only). */
@Entity
@Table(name = "census_export")
public class CensusExportRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "census_year")
    public String censusYear;

    public int serial;

    @Column(name = "generated_at")
    public OffsetDateTime generatedAt;

    @Column(name = "generated_by")
    public String generatedBy;

    public int children;

    public int referrals;

    public int errors;

    public int queries;
}

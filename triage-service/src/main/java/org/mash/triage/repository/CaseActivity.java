package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One action on a case, with who (user name and role) and when: a line of the case's timeline. */
@Entity
@Table(name = "case_activity")
public class CaseActivity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String action;

    /** The user name, the referring agency (received, amended) or {@code system}. */
    public String actor;

    public String role;

    public OffsetDateTime at;

    public String detail;

    /** Insertion order, for actions at the same instant. */
    @Column(insertable = false, updatable = false)
    public Long seq;
}

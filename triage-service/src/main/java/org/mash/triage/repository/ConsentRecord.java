package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.mash.triage.domain.ConsentStatus;

/** One recording of the consent status of a case, with who and when (and, for an override, the manager's authorisation). */
@Entity
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public ConsentStatus status;

    public String reason;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_role")
    public String recordedRole;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "authorised_by")
    public String authorisedBy;

    @Column(name = "authorised_at")
    public OffsetDateTime authorisedAt;
}

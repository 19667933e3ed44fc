package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A section 47 enquiry about a case's child, as the strategy-discussion service's events tell it: its start (the date
 * of the strategy discussion), the ICPC target, its conclusion, the ICPC held, or its withdrawal.
 */
@Entity
@Table(name = "case_enquiry")
public class CaseEnquiry extends PanacheEntityBase {

    @Id
    @Column(name = "enquiry_id")
    public UUID enquiryId;

    @Column(name = "discussion_id")
    public UUID discussionId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "icpc_target")
    public LocalDate icpcTarget;

    public Boolean joint;

    @Column(name = "concluded_on")
    public LocalDate concludedOn;

    /** The enquiry's outcome (s47-outcome code list). */
    @Column(name = "outcome_code")
    public String outcomeCode;

    /** Whether a conference follows: null until concluded (or held). */
    @Column(name = "icpc_required")
    public Boolean icpcRequired;

    @Column(name = "icpc_held_on")
    public LocalDate icpcHeldOn;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
}

package org.mash.contacts.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.mash.contacts.domain.ContactStatus;

/** A contact about one child, as stored. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "submission_id")
    public UUID submissionId;

    public String agency;

    /** The place of the child in the submission (0 first); null for contacts stored before it was kept. */
    @Column(name = "submission_position")
    public Short submissionPosition;

    @Column(name = "submitted_by")
    public String submittedBy;

    public String channel;

    @Column(name = "source_code")
    public String sourceCode;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "child_first_name")
    public String childFirstName;

    @Column(name = "child_last_name")
    public String childLastName;

    @Column(name = "child_date_of_birth")
    public LocalDate childDateOfBirth;

    @Column(name = "child_expected_birth")
    public LocalDate childExpectedBirth;

    @Column(name = "immediate_danger")
    public boolean immediateDanger;

    /** The submission for this child, as JSON, exactly as received. */
    public String details;

    @Enumerated(EnumType.STRING)
    public ContactStatus status;

    @Column(name = "triage_case_id")
    public UUID triageCaseId;

    @Column(name = "in_triage_at")
    public OffsetDateTime inTriageAt;

    public String outcome;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "referrer_informed_at")
    public OffsetDateTime referrerInformedAt;

    /** VIEW (read in the referrer's view) or CALLBACK (their case system acknowledged the notification). */
    @Column(name = "referrer_informed_how")
    public String referrerInformedHow;

    @Version
    public long version;
}

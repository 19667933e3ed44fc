package org.mash.triage.repository;

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
import org.mash.triage.domain.CaseStatus;
import org.mash.triage.domain.Outcome;
import org.mash.triage.domain.Rag;

/** The MASH's work on one contact. */
@Entity
@Table(name = "triage_case")
public class TriageCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Column(name = "source_code")
    public String sourceCode;

    public String agency;

    /** Comma-separated concern factor codes. */
    @Column(name = "concern_codes")
    public String concernCodes;

    public String description;

    @Column(name = "immediate_danger")
    public boolean immediateDanger;

    @Enumerated(EnumType.STRING)
    public Rag rag;

    @Enumerated(EnumType.STRING)
    @Column(name = "rag_suggested")
    public Rag ragSuggested;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "one_working_day_due_at")
    public OffsetDateTime oneWorkingDayDueAt;

    @Column(name = "child_ref")
    public String childRef;

    @Column(name = "child_first_name")
    public String childFirstName;

    @Column(name = "child_last_name")
    public String childLastName;

    @Column(name = "child_date_of_birth")
    public LocalDate childDateOfBirth;

    @Column(name = "child_expected_birth")
    public LocalDate childExpectedBirth;

    @Column(name = "child_sex")
    public String childSex;

    @Column(name = "child_ethnicity")
    public String childEthnicity;

    @Column(name = "child_nhs_number")
    public String childNhsNumber;

    /** The child's address as JSON. */
    @Column(name = "child_address")
    public String childAddress;

    /** The contact-received event data, as received. */
    @Column(name = "contact_record")
    public String contactRecord;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    public String assignee;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_outcome")
    public Outcome proposedOutcome;

    @Column(name = "proposed_rationale")
    public String proposedRationale;

    @Column(name = "proposed_primary_need")
    public String proposedPrimaryNeed;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public OffsetDateTime proposedAt;

    @Column(name = "return_comment")
    public String returnComment;

    @Enumerated(EnumType.STRING)
    @Column(name = "decided_outcome")
    public Outcome decidedOutcome;

    @Column(name = "authorised_by")
    public String authorisedBy;

    @Column(name = "authorised_at")
    public OffsetDateTime authorisedAt;

    /** When the case was found past its due time undecided (its overdue event was published then). */
    @Column(name = "overdue_flagged_at")
    public OffsetDateTime overdueFlaggedAt;

    @Version
    public long version;
}

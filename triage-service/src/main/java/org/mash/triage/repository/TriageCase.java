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

/**
 * The MASH's work on one contact. Updates write only the changed columns, so the check counters, which are
 * kept by conditional bulk updates, are never overwritten with a stale value.
 */
@Entity
@org.hibernate.annotations.DynamicUpdate
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

    /** The child this case belongs to in the person index ({@link Child}). */
    @Column(name = "child_id")
    public UUID childId;

    /** That child's local id (the returns' LAchildID), kept on the case so lists show it without a join. */
    @Column(name = "child_local_id")
    public String childLocalId;

    /** The child's address as JSON. */
    /** The unique pupil number the contact gave, or null. */
    @Column(name = "child_upn")
    public String childUpn;

    /** Why the UPN is not known (UN1-UN7), or null. */
    @Column(name = "child_upn_unknown")
    public String childUpnUnknown;

    /** The disability codes the contact gave, comma-separated (NONE when none), or null when not given. */
    @Column(name = "child_disabilities")
    public String childDisabilities;

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

    /** Checks asked of partner agencies and not answered yet. */
    @Column(name = "checks_pending")
    public int checksPending;

    /** Of those, the ones flagged past their due time. */
    @Column(name = "checks_overdue")
    public int checksOverdue;

    /** The consent status in effect (an override counts only once a manager authorised it). */
    @Enumerated(EnumType.STRING)
    @Column(name = "consent_status")
    public org.mash.triage.domain.ConsentStatus consentStatus = org.mash.triage.domain.ConsentStatus.NOT_RECORDED;

    /** The consent record behind {@link #consentStatus}. */
    @Column(name = "consent_record_id")
    public UUID consentRecordId;

    /** An override of consent waiting for a manager's authorisation. */
    @Column(name = "consent_pending_id")
    public UUID consentPendingId;

    /** The latest level of need (1-4), if recorded. */
    @Column(name = "level_of_need")
    public Integer levelOfNeed;

    /** The child's names and postcode as history matching compares them (Names). */
    @Column(name = "child_first_norm")
    public String childFirstNorm;

    @Column(name = "child_last_norm")
    public String childLastNorm;

    @Column(name = "child_postcode_norm")
    public String childPostcodeNorm;

    /** When the case's history was matched (on its first read). */
    @Column(name = "history_matched_at")
    public OffsetDateTime historyMatchedAt;

    @Version
    public long version;
}

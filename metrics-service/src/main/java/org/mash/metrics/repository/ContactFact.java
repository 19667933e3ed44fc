package org.mash.metrics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the figures need to know about one contact: ids, codes, bands and timestamps, no personal data. */
@Entity
@Table(name = "contact_fact")
public class ContactFact extends PanacheEntityBase {

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "child_ref")
    public String childRef;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "source_code")
    public String sourceCode;

    public String rag;

    @Column(name = "age_band")
    public String ageBand;

    public String sex;

    public String ethnicity;

    public String agency;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    public String outcome;

    public Boolean referral;

    @Column(name = "authorised_at")
    public OffsetDateTime authorisedAt;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    /** The RAG due time of the latest rating, and when that rating was made. */
    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;

    @Column(name = "one_working_day_due_at")
    public OffsetDateTime oneWorkingDayDueAt;

    @Column(name = "level_of_need")
    public Integer levelOfNeed;

    @Column(name = "consent_status")
    public String consentStatus;

    @Column(name = "consent_override_reason_recorded")
    public Boolean consentOverrideReasonRecorded;

    @Column(name = "overdue_flagged_at")
    public OffsetDateTime overdueFlaggedAt;

    @Column(name = "informed_at")
    public OffsetDateTime informedAt;

    @Column(name = "informed_how")
    public String informedHow;
}

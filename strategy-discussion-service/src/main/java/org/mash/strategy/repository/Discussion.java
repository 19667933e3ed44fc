package org.mash.strategy.repository;

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
import org.mash.strategy.domain.DiscussionStatus;
import org.mash.strategy.domain.Mode;
import org.mash.strategy.domain.Outcome;
import org.mash.strategy.domain.Rag;

/** A strategy discussion about one child, as stored. */
@Entity
@Table(name = "discussion")
public class Discussion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "child_ref")
    public String childRef;

    @Enumerated(EnumType.STRING)
    public Rag rag;

    @Column(name = "child_first_name")
    public String childFirstName;

    @Column(name = "child_last_name")
    public String childLastName;

    @Column(name = "child_date_of_birth")
    public LocalDate childDateOfBirth;

    @Column(name = "child_expected_birth")
    public LocalDate childExpectedBirth;

    /** The child's address as JSON, as received from triage (may be null). */
    @Column(name = "child_address")
    public String childAddress;

    /** The concern factor codes as a JSON array. */
    @Column(name = "concern_codes")
    public String concernCodes;

    @Column(name = "concern_summary")
    public String concernSummary;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Enumerated(EnumType.STRING)
    public DiscussionStatus status;

    @Column(name = "held_at")
    public OffsetDateTime heldAt;

    @Enumerated(EnumType.STRING)
    public Mode mode;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String rationale;

    @Column(name = "absence_reason")
    public String absenceReason;

    @Column(name = "core_agencies_present")
    public Boolean coreAgenciesPresent;

    /** The partner submission the first child came in (siblings reported together share it); may be null. */
    @Column(name = "submission_id")
    public UUID submissionId;

    public String minutes;

    @Column(name = "minutes_recorded_by")
    public String minutesRecordedBy;

    @Column(name = "minutes_recorded_at")
    public OffsetDateTime minutesRecordedAt;

    /** When the minutes were first sent (the earliest circulation): from then on they cannot be changed. */
    @Column(name = "minutes_first_circulated_at")
    public OffsetDateTime minutesFirstCirculatedAt;

    /** When the watcher found it open past its due time (and published item-overdue). */
    /** Set only by the OverdueWatch's conditional update, never by writing the entity back. */
    @Column(name = "overdue_flagged_at", updatable = false)
    public OffsetDateTime overdueFlaggedAt;

    @Version
    public long version;
}

package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.mash.triage.domain.HistoryFlags.MatchStatus;
import org.mash.triage.domain.HistoryMatching.Band;

/**
 * Someone in this case (the child, or the household member {@link #subjectMemberId}) suggested as the same person as
 * someone in an earlier case (its child, or its household member {@link #matchedMemberId}), and the practitioner's choice.
 */
@Entity
@Table(name = "history_match")
public class HistoryMatch extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    /** Null when the subject is the case's child. */
    @Column(name = "subject_member_id")
    public UUID subjectMemberId;

    @Column(name = "matched_case_id")
    public UUID matchedCaseId;

    /** Null when the match is the earlier case's child. */
    @Column(name = "matched_member_id")
    public UUID matchedMemberId;

    public String method;

    public double confidence;

    @Enumerated(EnumType.STRING)
    public Band band;

    @Enumerated(EnumType.STRING)
    public MatchStatus status;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Version
    public long version;
}

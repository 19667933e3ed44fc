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
import org.mash.triage.domain.Rag;

/** One RAG rating of a case, with why, who and when. */
@Entity
@Table(name = "rag_rating")
public class RagRating extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Rag rag;

    public String rationale;

    @Column(name = "rated_by")
    public String ratedBy;

    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;

    /** A new rating of a case. */
    public static RagRating of(UUID caseId, Rag rag, String rationale, String by, OffsetDateTime at) {
        RagRating r = new RagRating();
        r.id = UUID.randomUUID();
        r.caseId = caseId;
        r.rag = rag;
        r.rationale = rationale;
        r.ratedBy = by;
        r.ratedAt = at;
        return r;
    }
}

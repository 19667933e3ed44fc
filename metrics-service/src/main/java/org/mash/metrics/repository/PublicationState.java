package org.mash.metrics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The figures last published for a period (as a hash), so unchanged figures are not published again. */
@Entity
@Table(name = "publication_state")
public class PublicationState extends PanacheEntityBase {

    @Id
    @Column(name = "period_label")
    public String periodLabel;

    @Column(name = "last_published_hash")
    public String lastPublishedHash;

    @Column(name = "last_published_at")
    public OffsetDateTime lastPublishedAt;
}

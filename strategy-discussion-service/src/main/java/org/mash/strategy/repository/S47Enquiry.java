package org.mash.strategy.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A section 47 enquiry started by a strategy discussion. */
@Entity
@Table(name = "s47_enquiry")
public class S47Enquiry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "discussion_id")
    public UUID discussionId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "child_ref")
    public String childRef;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "icpc_target_date")
    public LocalDate icpcTargetDate;

    public boolean joint;

    /** Set when the decision that started it was superseded by one that is not section 47. */
    @Column(name = "withdrawn_at")
    public java.time.OffsetDateTime withdrawnAt;

    public boolean active() {
        return withdrawnAt == null;
    }
}

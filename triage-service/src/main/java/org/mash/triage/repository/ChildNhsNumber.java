package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An NHS number and the one child it belongs to: the key that makes a certain match certain, and race-free. */
@Entity
@Table(name = "child_nhs_number")
public class ChildNhsNumber extends PanacheEntityBase {

    @Id
    @Column(name = "nhs_number")
    public String nhsNumber;

    @Column(name = "child_id")
    public UUID childId;
}

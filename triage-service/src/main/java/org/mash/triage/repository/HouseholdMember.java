package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A parent, carer, sibling or significant other named in a contact, kept for history matching. */
@Entity
@Table(name = "household_member")
public class HouseholdMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    /** When the contact naming them was received (so earlier contacts are found without a join). */
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "first_norm")
    public String firstNorm;

    @Column(name = "last_norm")
    public String lastNorm;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    public String relationship;

    /** Their own address's postcode, else the child's when they live with the child. */
    @Column(name = "postcode_norm")
    public String postcodeNorm;
}

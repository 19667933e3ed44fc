package org.mash.triage.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** How a case came to belong to a child: linked (how: a certain match, or a new child), by whom, when and why. */
@Entity
@Table(name = "child_link")
public class ChildLink extends PanacheEntityBase {

    public static final String LINKED = "LINKED";
    /** The case left this child (the record was merged into another, or the case was unlinked). */
    public static final String UNLINKED = "UNLINKED";
    /** A practitioner confirmed a suggested history match of the child. */
    public static final String BY_CONFIRMED_MATCH = "CONFIRMED_MATCH";
    /** A manager merged two records made for one child. */
    public static final String BY_MERGE = "MERGE";
    /** The case was linked to the wrong child and moved to a record of its own. */
    public static final String BY_UNLINK = "UNLINK";
    /** The case's child is the child of an earlier contact with the same NHS number. */
    public static final String BY_NHS_NUMBER = "NHS_NUMBER";
    /** No earlier contact is certainly this child: a new record. */
    public static final String NEW_CHILD = "NEW_CHILD";

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "child_id")
    public UUID childId;

    public String action;
    public String method;
    public String actor;
    public String reason;
    public OffsetDateTime at;
}

package org.mash.strategy.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** An agency invited to a discussion. */
@Entity
@Table(name = "invitation")
@IdClass(AgencyKey.class)
public class Invitation extends PanacheEntityBase {

    public static final String PENDING = "PENDING";

    @Id
    @Column(name = "discussion_id")
    public UUID discussionId;

    @Id
    public String agency;

    /** {@value #PENDING} until the discussion is held, then the agency's attendance. */
    public String response;

    public static Invitation of(UUID discussionId, String agency) {
        Invitation invitation = new Invitation();
        invitation.discussionId = discussionId;
        invitation.agency = agency;
        invitation.response = PENDING;
        return invitation;
    }
}

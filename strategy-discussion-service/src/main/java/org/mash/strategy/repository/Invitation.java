package org.mash.strategy.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.mash.strategy.domain.InvitationResponse;

/** An agency invited to a discussion, and its answer. */
@Entity
@Table(name = "invitation")
@IdClass(AgencyKey.class)
public class Invitation extends PanacheEntityBase {

    /** Who invites the core agencies when a discussion opens. */
    public static final String SYSTEM = "strategy-discussion-service";

    @Id
    @Column(name = "discussion_id")
    public UUID discussionId;

    @Id
    public String agency;

    @Enumerated(EnumType.STRING)
    public InvitationResponse response;

    @Column(name = "invited_at")
    public OffsetDateTime invitedAt;

    @Column(name = "invited_by")
    public String invitedBy;

    @Column(name = "responded_at")
    public OffsetDateTime respondedAt;

    @Column(name = "responded_by")
    public String respondedBy;

    public static Invitation of(UUID discussionId, String agency, OffsetDateTime invitedAt, String invitedBy) {
        Invitation invitation = new Invitation();
        invitation.discussionId = discussionId;
        invitation.agency = agency;
        invitation.response = InvitationResponse.PENDING;
        invitation.invitedAt = invitedAt;
        invitation.invitedBy = invitedBy;
        return invitation;
    }
}

package org.mash.strategy.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One read of, or decision on, a child's discussion. */
@Entity
@Table(name = "discussion_access_log")
public class DiscussionAccessLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "discussion_id")
    public UUID discussionId;

    public String username;

    public String agency;

    public String roles;

    public String action;

    public OffsetDateTime at;
}

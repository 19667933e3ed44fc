package org.mash.strategy.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;
import org.mash.strategy.domain.Attendance;

/** How one agency took part in a held discussion. */
@Entity
@Table(name = "attendance")
@IdClass(AgencyKey.class)
public class AgencyAttendance extends PanacheEntityBase {

    @Id
    @Column(name = "discussion_id")
    public UUID discussionId;

    @Id
    public String agency;

    @Enumerated(EnumType.STRING)
    public Attendance status;

    public static AgencyAttendance of(UUID discussionId, String agency, Attendance status) {
        AgencyAttendance row = new AgencyAttendance();
        row.discussionId = discussionId;
        row.agency = agency;
        row.status = status;
        return row;
    }
}

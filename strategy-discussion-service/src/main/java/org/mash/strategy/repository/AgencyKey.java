package org.mash.strategy.repository;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The key of a row per discussion and agency (invitation, attendance). */
public class AgencyKey implements Serializable {

    public UUID discussionId;
    public String agency;

    public AgencyKey() {
    }

    public AgencyKey(UUID discussionId, String agency) {
        this.discussionId = discussionId;
        this.agency = agency;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgencyKey other && Objects.equals(discussionId, other.discussionId)
                && Objects.equals(agency, other.agency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(discussionId, agency);
    }
}

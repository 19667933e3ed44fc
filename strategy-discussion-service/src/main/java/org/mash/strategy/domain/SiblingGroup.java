package org.mash.strategy.domain;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Siblings reported together (one partner submission) and decided together share one strategy discussion:
 * a hand-off whose {@code submissionId} matches a discussion that has not been held yet joins it as another
 * child; once held, a later sibling gets a discussion of its own. Each child keeps its own decision and
 * section 47 enquiry. The meeting is due by the earliest of the children's due times.
 */
public final class SiblingGroup {

    private SiblingGroup() {
    }

    public static boolean mayJoin(UUID handoffSubmissionId, UUID discussionSubmissionId, DiscussionStatus status) {
        return handoffSubmissionId != null && Objects.equals(handoffSubmissionId, discussionSubmissionId)
                && status == DiscussionStatus.OPEN;
    }

    public static OffsetDateTime dueAt(OffsetDateTime discussionDue, OffsetDateTime childDue) {
        return childDue.isBefore(discussionDue) ? childDue : discussionDue;
    }
}

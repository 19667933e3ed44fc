package org.mash.strategy.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One piece of pending work with a due time: an open discussion (due at its convening target), an action not
 * done (due by the end of its due date) or an ICPC not held (due by the end of its target date; an enquiry
 * concluded with "ICPC not required", or withdrawn, has none). Overdue once the due time has passed.
 */
public record Deadline(OverdueKind kind, UUID itemId, UUID discussionId, UUID contactId, String agency,
                       OffsetDateTime dueAt, OffsetDateTime flaggedAt) {

    public boolean overdue(Instant now) {
        return dueAt.toInstant().isBefore(now);
    }
}

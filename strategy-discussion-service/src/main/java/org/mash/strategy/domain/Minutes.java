package org.mash.strategy.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Minutes of a held discussion, and their circulation (MASH.md 3: "minutes not circulated"): each sending is
 * logged with the agency, the recipient and when. Minutes may be corrected until they are first circulated;
 * after that what went out stands. Pure: now is given.
 */
public final class Minutes {

    private Minutes() {
    }

    public static boolean mayRevise(boolean circulated) {
        return !circulated;
    }

    /** A sending is not in the future, nor before the minutes were written. */
    public static List<Violation> checkCirculation(String agency, OffsetDateTime sentAt, OffsetDateTime minutesRecordedAt,
                                                   Instant now) {
        List<Violation> violations = new ArrayList<>(Agencies.check("agency", agency));
        if (sentAt.toInstant().isAfter(now)) {
            violations.add(new Violation("sentAt", "not-in-future", sentAt + " is in the future"));
        }
        if (minutesRecordedAt != null && sentAt.toInstant().isBefore(minutesRecordedAt.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            violations.add(new Violation("sentAt", "not-before-minutes", "the minutes were written at " + minutesRecordedAt
                    + "; they cannot have been sent at " + sentAt));
        }
        return violations;
    }
}

package org.mash.strategy.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rules a held discussion must meet beyond its shape. Pure: the current time is given. */
public final class HoldRules {

    private HoldRules() {
    }

    public static List<Violation> check(HoldRequest request, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (request.heldAt().toInstant().isAfter(now)) {
            violations.add(new Violation("heldAt", "not-in-future",
                    "the discussion cannot be recorded as held at " + request.heldAt() + ", which is in the future"));
        }
        violations.addAll(CoreAgencies.check(request.attendance(), request.absenceReason()));
        return violations;
    }
}

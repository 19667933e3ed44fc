package org.mash.strategy.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The rules a held discussion must meet beyond its shape. Pure: the current time is given. */
public final class HoldRules {

    private HoldRules() {
    }

    /** How far before its opening a discussion may be recorded as held, by default. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(5);

    /**
     * @param openedAt when the discussion opened: it cannot have been held before then, less {@code grace}
     *                 (times are recorded to the minute, and a discussion by phone can start as the manager
     *                 authorises it, a few seconds before the hand-off reaches this service)
     * @param children the contact ids of the children the discussion is about: each needs a decision
     */
    public static List<Violation> check(HoldRequest request, OffsetDateTime openedAt, Duration grace,
                                        Collection<UUID> children, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (request.heldAt().toInstant().isAfter(now)) {
            violations.add(new Violation("heldAt", "not-in-future",
                    "the discussion cannot be recorded as held at " + request.heldAt() + ", which is in the future"));
        }
        if (openedAt != null && request.heldAt().toInstant().isBefore(openedAt.toInstant().minus(grace))) {
            violations.add(new Violation("heldAt", "not-before-opening",
                    "the discussion opened at " + openedAt + "; it cannot have been held at " + request.heldAt()));
        }
        // the keys become invitations and are published (mash.strategy.v1 carries no free text): agency names only
        request.attendance().keySet().forEach(agency ->
                violations.addAll(Agencies.check("attendance." + agency, agency)));
        violations.addAll(CoreAgencies.check(request.attendance(), request.absenceReason()));
        Map<UUID, ChildDecision> given = request.children() == null ? Map.of() : request.children();
        given.keySet().stream().filter(contactId -> !children.contains(contactId)).forEach(contactId ->
                violations.add(new Violation("children[" + contactId + "]", "child-of-the-discussion",
                        "contact " + contactId + " is not a child of this discussion")));
        boolean everyChildHasItsOwn = given.keySet().containsAll(children);
        if (!everyChildHasItsOwn) {
            if (request.outcome() == null) {
                violations.add(new Violation("outcome", "required",
                        "give the decision: S47_SINGLE_AGENCY, S47_JOINT, CSC_ASSESSMENT, NFA or OTHER"));
            }
            if (request.rationale() == null || request.rationale().isBlank()) {
                violations.add(new Violation("rationale", "required", "say why the discussion decided this"));
            }
        }
        return violations;
    }

    /** The decision for each child: its own from {@code children}, else the one given for every child. */
    public static Map<UUID, ChildDecision> decisionsByChild(HoldRequest request, Collection<UUID> children) {
        Map<UUID, ChildDecision> decisions = new LinkedHashMap<>();
        for (UUID contactId : children) {
            ChildDecision own = request.children() == null ? null : request.children().get(contactId);
            decisions.put(contactId, own != null ? own
                    : new ChildDecision(request.outcome(), request.rationale(), request.safetyPlan()));
        }
        return decisions;
    }
}

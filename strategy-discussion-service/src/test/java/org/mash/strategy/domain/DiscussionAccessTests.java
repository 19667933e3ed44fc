package org.mash.strategy.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What of a discussion a participant sees: the minimum (minutes once sent to them, their own agency's items). */
class DiscussionAccessTests {

    static final Set<String> PARTICIPANT = Set.of("strategy-participant");
    static final Set<String> PRACTITIONER = Set.of("mash-practitioner");
    static final Set<String> MANAGER = Set.of("mash-manager");

    @Test
    void aParticipantSeesTheMinutesOnlyOnceCirculatedToTheirAgency() {
        assertFalse(DiscussionAccess.maySeeMinutes(PARTICIPANT, "police", List.of()), "not the draft");
        assertFalse(DiscussionAccess.maySeeMinutes(PARTICIPANT, "police", List.of("health")), "not those sent to others");
        assertTrue(DiscussionAccess.maySeeMinutes(PARTICIPANT, "police", List.of("health", "police")));
        assertFalse(DiscussionAccess.maySeeMinutes(PARTICIPANT, null, List.of("police")));
        assertFalse(DiscussionAccess.maySeeMinutes(Set.of("analyst"), "police", List.of("police")));
    }

    @Test
    void mashStaffSeeTheMinutesFromTheDraft() {
        assertTrue(DiscussionAccess.maySeeMinutes(PRACTITIONER, null, List.of()));
        assertTrue(DiscussionAccess.maySeeMinutes(MANAGER, "social-care", List.of()));
    }

    @Test
    void aParticipantSeesOnlyTheirOwnAgencysActionsAndNoAbsenceReason() {
        assertTrue(DiscussionAccess.maySeeItemOf(PARTICIPANT, "health", "health"));
        assertFalse(DiscussionAccess.maySeeItemOf(PARTICIPANT, "health", "police"));
        assertTrue(DiscussionAccess.maySeeItemOf(MANAGER, null, "police"));
        assertTrue(DiscussionAccess.maySeeItemOf(PRACTITIONER, "social-care", "police"));
        assertFalse(DiscussionAccess.maySeeAbsenceReason(PARTICIPANT));
        assertTrue(DiscussionAccess.maySeeAbsenceReason(PRACTITIONER));
        assertTrue(DiscussionAccess.maySeeAbsenceReason(MANAGER));
    }
}

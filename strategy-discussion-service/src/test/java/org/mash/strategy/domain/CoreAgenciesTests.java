package org.mash.strategy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoreAgenciesTests {

    static final Map<String, Attendance> ALL_THREE = Map.of("social-care", Attendance.ATTENDED,
            "police", Attendance.ATTENDED, "health", Attendance.ATTENDED);

    @Test
    void socialCarePoliceAndHealthAreInvitedByDefault() {
        assertEquals(List.of("social-care", "police", "health"), CoreAgencies.defaultInvitations());
    }

    @Test
    void presentOnlyWhenAllThreeAttended() {
        assertTrue(CoreAgencies.present(ALL_THREE));
        assertFalse(CoreAgencies.present(Map.of("social-care", Attendance.ATTENDED, "police", Attendance.SENT_INFORMATION,
                "health", Attendance.ATTENDED)));
        assertFalse(CoreAgencies.present(Map.of("social-care", Attendance.ATTENDED, "health", Attendance.ATTENDED)));
        assertTrue(CoreAgencies.check(ALL_THREE, null).isEmpty());
    }

    @Test
    void holdingWithoutThemNeedsAReason() {
        Map<String, Attendance> noPolice = Map.of("social-care", Attendance.ATTENDED, "police", Attendance.DECLINED,
                "health", Attendance.ATTENDED);
        List<Violation> violations = CoreAgencies.check(noPolice, " ");
        assertEquals(1, violations.size());
        assertEquals("absenceReason", violations.get(0).field());
        assertTrue(violations.get(0).message().contains("police"));
        assertTrue(CoreAgencies.check(noPolice, "Police unavailable; their information was shared by phone").isEmpty());
    }

    @Test
    void participantsSeeOnlyDiscussionsTheirAgencyIsInvitedTo() {
        List<String> invited = List.of("social-care", "police", "health");
        assertTrue(DiscussionAccess.maySee(Set.of("strategy-participant"), "health", invited));
        assertFalse(DiscussionAccess.maySee(Set.of("strategy-participant"), "education", invited));
        assertTrue(DiscussionAccess.maySee(Set.of("mash-manager"), "mash", invited));
        assertTrue(DiscussionAccess.maySee(Set.of("mash-practitioner"), "mash", invited));
        assertFalse(DiscussionAccess.maySee(Set.of("analyst"), "health", invited));
        assertEquals("health", DiscussionAccess.listScope(Set.of("strategy-participant"), "health"));
        assertEquals(null, DiscussionAccess.listScope(Set.of("mash-manager"), "mash"));
    }
}

package org.mash.strategy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParticipationRulesTests {

    static final Set<String> PARTICIPANT = Set.of("strategy-participant");
    static final Set<String> MANAGER = Set.of("mash-manager");

    @Test
    void usualAgenciesStartWithTheCoreThreeAndOthersMayBeNamed() {
        assertEquals(List.of("social-care", "police", "health"), Agencies.USUAL.subList(0, 3));
        assertTrue(Agencies.USUAL.containsAll(List.of("education", "gp", "mental-health-trust")));
        assertTrue(Agencies.check("agency", "mental-health-trust").isEmpty());
        assertTrue(Agencies.check("agency", "youth-offending-team").isEmpty(), "any other agency by name");
        assertEquals("required", Agencies.check("agency", " ").get(0).rule());
        assertEquals("agency-name", Agencies.check("agency", "Mental Health").get(0).rule());
        assertEquals("agency", Agencies.check("agency", "x").get(0).field());
    }

    @Test
    void aParticipantSpeaksOnlyForTheirOwnAgencyAndMashStaffForAny() {
        assertTrue(DiscussionAccess.mayActFor(PARTICIPANT, "health", "health"));
        assertFalse(DiscussionAccess.mayActFor(PARTICIPANT, "health", "police"));
        assertFalse(DiscussionAccess.mayActFor(Set.of("analyst"), "health", "health"));
        assertTrue(DiscussionAccess.mayActFor(MANAGER, "mash", "police"));
        assertTrue(DiscussionAccess.maySeeContributionOf(MANAGER, "mash", "education"));
        assertFalse(DiscussionAccess.maySeeContributionOf(PARTICIPANT, "health", "police"));
    }

    @Test
    void onlyRealAnswersCanBeRecordedAndAnUninvitedAttendeesAnswerIsImplied() {
        assertFalse(InvitationResponse.PENDING.isAnswer());
        assertTrue(InvitationResponse.NO_RESPONSE.isAnswer());
        assertEquals(InvitationResponse.ACCEPTED, InvitationResponse.impliedBy(Attendance.ATTENDED));
        assertEquals(InvitationResponse.ACCEPTED, InvitationResponse.impliedBy(Attendance.SENT_INFORMATION));
        assertEquals(InvitationResponse.DECLINED, InvitationResponse.impliedBy(Attendance.DECLINED));
        assertEquals(InvitationResponse.NO_RESPONSE, InvitationResponse.impliedBy(Attendance.NO_RESPONSE));
    }

    @Test
    void theRiskScaleRunsFromLowToSignificantHarmLikely() {
        assertEquals(List.of(RiskGrading.LOW, RiskGrading.MEDIUM, RiskGrading.HIGH, RiskGrading.SIGNIFICANT_HARM_LIKELY),
                List.of(RiskGrading.values()));
        assertTrue(RiskGrading.SIGNIFICANT_HARM_LIKELY.meetsSection47Threshold());
        assertFalse(RiskGrading.HIGH.meetsSection47Threshold());
    }
}

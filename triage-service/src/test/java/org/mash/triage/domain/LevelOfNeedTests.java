package org.mash.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LevelOfNeedTests {

    @Test
    void aLevelFromOneToFourWithARationale() {
        assertEquals(List.of(), LevelOfNeed.check(CaseStatus.OPEN, 4, "acute", ""));
        assertEquals(List.of("level:range"), PartnerChecksTests.rules(LevelOfNeed.check(CaseStatus.OPEN, 5, "x", "")));
        assertEquals(List.of("level:range"), PartnerChecksTests.rules(LevelOfNeed.check(CaseStatus.OPEN, 0, "x", "")));
        assertEquals(List.of("levelOfNeed.level:required", "levelOfNeed.rationale:required"),
                PartnerChecksTests.rules(LevelOfNeed.check(CaseStatus.OPEN, null, " ", "levelOfNeed.")));
    }

    @Test
    void recordedBeforeOrWithTheProposalOnly() {
        assertEquals(List.of(":case-open"), PartnerChecksTests.rules(LevelOfNeed.check(CaseStatus.PROPOSED, 3, "x", "")));
        assertEquals(List.of(":case-open"), PartnerChecksTests.rules(LevelOfNeed.check(CaseStatus.DECIDED, 3, "x", "")));
    }

    @Test
    void aReferralNeedsALevelOnlyWhereTheCouncilRequiresIt() {
        assertTrue(LevelOfNeed.checkForProposal(Outcome.STRATEGY_DISCUSSION, null, false).isEmpty());
        assertEquals("required-for-referral",
                LevelOfNeed.checkForProposal(Outcome.CSC_ASSESSMENT, null, true).orElseThrow().rule());
        assertTrue(LevelOfNeed.checkForProposal(Outcome.CSC_ASSESSMENT, 4, true).isEmpty());
        assertTrue(LevelOfNeed.checkForProposal(Outcome.NFA, null, true).isEmpty(), "not a referral");
        assertTrue(LevelOfNeed.checkForProposal(Outcome.OTHER_COUNCIL, null, true).isEmpty(), "not a referral");
    }
}

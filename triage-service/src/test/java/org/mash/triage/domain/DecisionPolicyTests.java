package org.mash.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecisionPolicyTests {

    final DecisionPolicy policy = new DecisionPolicy(Set.of("N0", "N1", "N2")::contains);

    static List<String> rules(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void aReferralNeedsAKnownPrimaryNeedCode() {
        assertEquals(List.of("primaryNeedCode:required-for-referral"),
                rules(policy.checkProposal(CaseStatus.OPEN, Outcome.STRATEGY_DISCUSSION, "significant harm", null)));
        assertEquals(List.of("primaryNeedCode:known-code"),
                rules(policy.checkProposal(CaseStatus.OPEN, Outcome.CSC_ASSESSMENT, "needs assessment", "N99")));
        assertTrue(policy.checkProposal(CaseStatus.OPEN, Outcome.CSC_ASSESSMENT, "needs assessment", "N1").isEmpty());
    }

    @Test
    void aNonReferralTakesNoPrimaryNeedButAlwaysARationale() {
        assertEquals(List.of("primaryNeedCode:only-for-referral"),
                rules(policy.checkProposal(CaseStatus.OPEN, Outcome.NFA, "no concerns", "N1")));
        assertEquals(List.of("rationale:required"), rules(policy.checkProposal(CaseStatus.OPEN, Outcome.NFA, " ", null)));
    }

    @Test
    void onlyAnOpenCaseTakesAProposal() {
        assertEquals(List.of(":case-open"), rules(policy.checkProposal(CaseStatus.DECIDED, Outcome.NFA, "x", null)));
    }

    @Test
    void aManagerAuthorisesSomeoneElsesProposalOnly() {
        assertTrue(policy.checkAuthorisation(CaseStatus.PROPOSED, "practitioner", "manager").isEmpty());
        assertEquals("four-eyes", policy.checkAuthorisation(CaseStatus.PROPOSED, "manager", "manager").orElseThrow().rule());
        assertEquals("case-proposed", policy.checkAuthorisation(CaseStatus.OPEN, "practitioner", "manager").orElseThrow().rule());
        assertEquals("case-proposed", policy.checkAuthorisation(CaseStatus.DECIDED, "practitioner", "manager").orElseThrow().rule());
    }

    @Test
    void returningAProposalNeedsAComment() {
        assertEquals(List.of("comment:required"), rules(policy.checkReturn(CaseStatus.PROPOSED, "")));
        assertTrue(policy.checkReturn(CaseStatus.PROPOSED, "check the household").isEmpty());
    }

    @Test
    void onlyStrategyDiscussionsAndAssessmentsAreReferrals() {
        for (Outcome o : Outcome.values()) {
            assertEquals(o == Outcome.CSC_ASSESSMENT || o == Outcome.STRATEGY_DISCUSSION, o.isReferral(), o.name());
        }
    }
}

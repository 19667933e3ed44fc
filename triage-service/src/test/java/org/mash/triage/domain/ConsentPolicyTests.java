package org.mash.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentPolicyTests {

    @Test
    void givenRefusedAndSoughtNeedNoReason() {
        for (ConsentStatus s : List.of(ConsentStatus.SOUGHT, ConsentStatus.GIVEN, ConsentStatus.REFUSED)) {
            assertEquals(List.of(), ConsentPolicy.checkRecord(CaseStatus.OPEN, s, null), s.name());
        }
    }

    @Test
    void notSoughtAndOverriddenNeedAReason() {
        assertEquals(List.of("reason:required-for-not-sought"),
                PartnerChecksTests.rules(ConsentPolicy.checkRecord(CaseStatus.OPEN, ConsentStatus.NOT_SOUGHT, " ")));
        assertEquals(List.of("reason:required-for-overridden"),
                PartnerChecksTests.rules(ConsentPolicy.checkRecord(CaseStatus.PROPOSED, ConsentStatus.OVERRIDDEN, null)));
        assertEquals(List.of(), ConsentPolicy.checkRecord(CaseStatus.OPEN, ConsentStatus.NOT_SOUGHT,
                "Seeking consent would place the child at risk"));
    }

    @Test
    void aStatusIsRequiredNotRecordedIsNotAChoiceAndADecidedCaseIsFinal() {
        assertEquals(List.of("status:required"), PartnerChecksTests.rules(ConsentPolicy.checkRecord(CaseStatus.OPEN, null, null)));
        assertEquals(List.of("status:one-of"),
                PartnerChecksTests.rules(ConsentPolicy.checkRecord(CaseStatus.OPEN, ConsentStatus.NOT_RECORDED, null)));
        assertEquals(List.of(":case-open"),
                PartnerChecksTests.rules(ConsentPolicy.checkRecord(CaseStatus.DECIDED, ConsentStatus.GIVEN, null)));
    }

    @Test
    void onlyAnOverrideWaitsForAManagerAndNeverTheOneWhoRecordedIt() {
        assertTrue(ConsentPolicy.needsAuthorisation(ConsentStatus.OVERRIDDEN));
        assertFalse(ConsentPolicy.needsAuthorisation(ConsentStatus.NOT_SOUGHT));
        assertTrue(ConsentPolicy.checkAuthorisation(CaseStatus.OPEN, true, "practitioner", "manager").isEmpty());
        assertEquals("four-eyes", ConsentPolicy.checkAuthorisation(CaseStatus.OPEN, true, "manager", "manager").orElseThrow().rule());
        assertEquals("override-pending", ConsentPolicy.checkAuthorisation(CaseStatus.OPEN, false, null, "manager").orElseThrow().rule());
        assertEquals("case-open", ConsentPolicy.checkAuthorisation(CaseStatus.DECIDED, true, "p", "manager").orElseThrow().rule());
    }

    @Test
    void theDecisionEventSaysWhetherAnOverrideHadItsReasonAndAuthorisation() {
        assertTrue(ConsentPolicy.overrideReasonRecorded(ConsentStatus.OVERRIDDEN, "risk to the child", "manager"));
        assertFalse(ConsentPolicy.overrideReasonRecorded(ConsentStatus.OVERRIDDEN, "risk to the child", null));
        assertNull(ConsentPolicy.overrideReasonRecorded(ConsentStatus.GIVEN, null, null));
    }
}

package org.mash.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTests {

    @Test
    void aPractitionerClaimsAnUnassignedOpenCaseOrTheirOwn() {
        assertTrue(Allocation.checkClaim(CaseStatus.OPEN, null, "sam").isEmpty());
        assertTrue(Allocation.checkClaim(CaseStatus.PROPOSED, "sam", "sam").isEmpty());
        assertEquals("unassigned", Allocation.checkClaim(CaseStatus.OPEN, "alex", "sam").orElseThrow().rule());
        assertEquals("case-open", Allocation.checkClaim(CaseStatus.DECIDED, null, "sam").orElseThrow().rule());
    }

    @Test
    void theAssigneeOrAManagerReleases() {
        assertTrue(Allocation.checkRelease("sam", "sam", false).isEmpty());
        assertTrue(Allocation.checkRelease("sam", "manager", true).isEmpty());
        assertEquals("own-case", Allocation.checkRelease("sam", "alex", false).orElseThrow().rule());
        assertEquals("assigned", Allocation.checkRelease(null, "sam", false).orElseThrow().rule());
    }

    @Test
    void aReratingNeedsARagAndAReasonAndAnOpenCase() {
        assertTrue(Rerating.check(CaseStatus.OPEN, Rag.RED, "new information from the school").isEmpty());
        assertEquals(List.of("rationale"), Rerating.check(CaseStatus.OPEN, Rag.RED, " ").stream().map(Violation::field).toList());
        assertEquals(List.of("", "rag"), Rerating.check(CaseStatus.DECIDED, null, "x").stream().map(Violation::field).toList());
        assertEquals("suggested: the referrer says the child is in immediate danger", Rerating.suggestionRationale(true, "NOT_URGENT"));
    }
}

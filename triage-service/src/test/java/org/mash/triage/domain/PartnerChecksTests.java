package org.mash.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartnerChecksTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    final PartnerChecks checks = new PartnerChecks(PartnerChecks.DEFAULT_TARGETS);

    static Instant london(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, LONDON).toInstant();
    }

    @Test
    void aCheckOfADecidedCaseIsNoLongerFlaggedOverdue() {
        Instant due = london(2026, 11, 20, 18, 30);
        Instant later = london(2026, 11, 20, 19, 0);
        assertTrue(PartnerChecks.flagOverdue(CaseStatus.OPEN, due, null, null, later), "undecided, unanswered, past due");
        assertTrue(PartnerChecks.flagOverdue(CaseStatus.PROPOSED, due, null, null, later), "proposed is still undecided");
        assertFalse(PartnerChecks.flagOverdue(CaseStatus.DECIDED, due, null, null, later),
                "the decision is authorised: the check is not awaited for it any more");
        assertFalse(PartnerChecks.flagOverdue(CaseStatus.OPEN, due, null, null, due), "not before the due time has passed");
        assertFalse(PartnerChecks.flagOverdue(CaseStatus.OPEN, due, later, null, later), "answered");
        assertFalse(PartnerChecks.flagOverdue(CaseStatus.OPEN, due, null, later, later), "flagged once only");
        assertTrue(PartnerChecks.checkResponse(false, CheckResult.NOTHING_KNOWN, null).isEmpty(),
                "a check of a decided case can still be answered");
    }

    @Test
    void theAnswerIsDueByTheCasesRagInElapsedTime() {
        Instant asked = london(2026, 11, 20, 16, 30);
        assertEquals(london(2026, 11, 20, 18, 30), checks.due(asked, Rag.RED));
        assertEquals(london(2026, 11, 21, 0, 30), checks.due(asked, Rag.AMBER));
        assertEquals(london(2026, 11, 21, 16, 30), checks.due(asked, Rag.GREEN), "a Friday's GREEN check is due on Saturday");
    }

    @Test
    void elapsedTimeAcrossTheClockChange() {
        // 25 Oct 2026 01:30 BST is the last hour of summer time; eight elapsed hours later it is 08:30 GMT
        Instant asked = ZonedDateTime.of(2026, 10, 25, 0, 30, 0, 0, LONDON).toInstant();
        assertEquals(Duration.ofHours(8), Duration.between(asked, checks.due(asked, Rag.AMBER)));
        assertEquals(ZonedDateTime.of(2026, 10, 25, 7, 30, 0, 0, LONDON).toInstant(), checks.due(asked, Rag.AMBER));
    }

    @Test
    void targetsAreConfigurableAndMustBePositive() {
        PartnerChecks council = new PartnerChecks(Map.of(Rag.RED, Duration.ofHours(1), Rag.AMBER, Duration.ofHours(4),
                Rag.GREEN, Duration.ofHours(48)));
        assertEquals(Instant.parse("2026-11-20T11:00:00Z"), council.due(Instant.parse("2026-11-20T10:00:00Z"), Rag.RED));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new PartnerChecks(
                Map.of(Rag.RED, Duration.ZERO, Rag.AMBER, Duration.ofHours(4), Rag.GREEN, Duration.ofHours(48))));
        org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, () -> new PartnerChecks(
                Map.of(Rag.RED, Duration.ofHours(1))));
    }

    @Test
    void overdueWhenUnansweredPastTheDueTimeOrAnsweredAfterIt() {
        Instant due = Instant.parse("2026-11-20T12:00:00Z");
        assertFalse(PartnerChecks.overdue(due, null, Instant.parse("2026-11-20T12:00:00Z")));
        assertTrue(PartnerChecks.overdue(due, null, Instant.parse("2026-11-20T12:00:01Z")));
        assertFalse(PartnerChecks.overdue(due, Instant.parse("2026-11-20T11:59:00Z"), Instant.parse("2026-11-21T00:00:00Z")));
        assertTrue(PartnerChecks.overdue(due, Instant.parse("2026-11-20T12:05:00Z"), Instant.parse("2026-11-21T00:00:00Z")));
    }

    @Test
    void aRequestNamesAKnownAgencyAndSaysWhatIsAskedAndWhy() {
        assertEquals(List.of(), PartnerChecks.checkRequest(CaseStatus.OPEN, "adult-social-care", "Is the mother known?"));
        assertEquals(List.of("agency:required", "question:required"),
                rules(PartnerChecks.checkRequest(CaseStatus.OPEN, null, " ")));
        assertEquals(List.of("agency:one-of"), rules(PartnerChecks.checkRequest(CaseStatus.PROPOSED, "fire", "x")));
        assertEquals(List.of("question:max-length"),
                rules(PartnerChecks.checkRequest(CaseStatus.OPEN, "police", "x".repeat(4_001))));
        assertEquals(List.of(":case-open"), rules(PartnerChecks.checkRequest(CaseStatus.DECIDED, "police", "x")));
    }

    @Test
    void anAnswerIsGivenOnceAndInformationHeldCarriesTheInformation() {
        assertEquals(List.of(), PartnerChecks.checkResponse(false, CheckResult.NOTHING_KNOWN, null));
        assertEquals(List.of(), PartnerChecks.checkResponse(false, CheckResult.INFORMATION_HELD, "Known to CAMHS"));
        assertEquals(List.of("information:required-when-held"),
                rules(PartnerChecks.checkResponse(false, CheckResult.INFORMATION_HELD, " ")));
        assertEquals(List.of("result:required"), rules(PartnerChecks.checkResponse(false, null, null)));
        assertEquals(List.of(":unanswered"), rules(PartnerChecks.checkResponse(true, CheckResult.NOTHING_KNOWN, null)));
    }

    @Test
    void anOfficerSeesOnlyTheirOwnAgencysChecks() {
        assertTrue(PartnerChecks.visibleTo("health", "health"));
        assertFalse(PartnerChecks.visibleTo("health", "police"));
        assertFalse(PartnerChecks.visibleTo("health", null));
        assertEquals("adult-social-care", Agency.ADULT_SOCIAL_CARE.code());
        assertEquals(Agency.MENTAL_HEALTH, Agency.of("mental-health").orElseThrow());
    }

    static List<String> rules(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ":" + v.rule()).toList();
    }
}

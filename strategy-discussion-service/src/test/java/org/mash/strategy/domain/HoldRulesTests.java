package org.mash.strategy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HoldRulesTests {

    static final Map<String, Attendance> ALL_THREE = CoreAgenciesTests.ALL_THREE;
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final OffsetDateTime OPENED = OffsetDateTime.parse("2026-11-20T09:30:40Z");
    static final java.time.Duration GRACE = HoldRules.DEFAULT_GRACE;
    static final UUID AMIRA = UUID.fromString("0b6f4f7e-3b8e-4a8c-9a36-0c7e1fd3f2a4");
    static final UUID BILAL = UUID.fromString("1c7f5f8e-4c9e-4b9c-8b47-1d8f2fe4f3b5");

    static HoldRequest held(String heldAt, Outcome outcome, String rationale, Map<UUID, ChildDecision> children) {
        return new HoldRequest(OffsetDateTime.parse(heldAt), Mode.VIDEO, ALL_THREE, outcome, rationale, null,
                "Safety plan", children);
    }

    static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void aDiscussionCannotBeHeldInTheFuture() {
        assertEquals(List.of("heldAt"), fields(HoldRules.check(held("2026-11-20T12:00:01Z", Outcome.NFA, "NFA", null),
                OPENED, GRACE, List.of(AMIRA), NOW)));
        assertTrue(HoldRules.check(held("2026-11-20T12:00:00Z", Outcome.NFA, "NFA", null), OPENED, GRACE, List.of(AMIRA), NOW).isEmpty());
    }

    @Test
    void norBeforeItOpenedLessAFewMinutesGrace() {
        List<Violation> before = HoldRules.check(held("2026-11-20T09:25:39Z", Outcome.NFA, "NFA", null), OPENED, GRACE,
                List.of(AMIRA), NOW);
        assertEquals(List.of("heldAt"), fields(before));
        assertEquals("not-before-opening", before.get(0).rule());
        // opened at 09:30:40: "held at 09:30", recorded to the minute, or by phone as triage authorised, is accepted
        assertTrue(HoldRules.check(held("2026-11-20T09:30:00Z", Outcome.NFA, "NFA", null), OPENED, GRACE, List.of(AMIRA), NOW).isEmpty());
        assertTrue(HoldRules.check(held("2026-11-20T09:25:40Z", Outcome.NFA, "NFA", null), OPENED, GRACE, List.of(AMIRA), NOW).isEmpty());
    }

    @Test
    void everyChildNeedsADecisionAndARationale() {
        assertEquals(List.of("outcome", "rationale"),
                fields(HoldRules.check(held("2026-11-20T10:00:00Z", null, " ", null), OPENED, GRACE, List.of(AMIRA), NOW)));
        // a sibling group where each child has its own decision needs no decision for all
        Map<UUID, ChildDecision> own = Map.of(
                AMIRA, new ChildDecision(Outcome.S47_JOINT, "Present at the incident", "Stays with grandmother"),
                BILAL, new ChildDecision(Outcome.CSC_ASSESSMENT, "Was at nursery", null));
        HoldRequest each = held("2026-11-20T10:00:00Z", null, null, own);
        assertTrue(HoldRules.check(each, OPENED, GRACE, List.of(AMIRA, BILAL), NOW).isEmpty());
        assertEquals(Outcome.CSC_ASSESSMENT, HoldRules.decisionsByChild(each, List.of(AMIRA, BILAL)).get(BILAL).outcome());
        // only one child with its own: the other takes the decision given for all, which is then required
        HoldRequest oneOwn = held("2026-11-20T10:00:00Z", null, null, Map.of(AMIRA, own.get(AMIRA)));
        assertEquals(List.of("outcome", "rationale"), fields(HoldRules.check(oneOwn, OPENED, GRACE, List.of(AMIRA, BILAL), NOW)));
        HoldRequest mixed = held("2026-11-20T10:00:00Z", Outcome.NFA, "No further action", Map.of(AMIRA, own.get(AMIRA)));
        Map<UUID, ChildDecision> decided = HoldRules.decisionsByChild(mixed, List.of(AMIRA, BILAL));
        assertEquals(Outcome.S47_JOINT, decided.get(AMIRA).outcome());
        assertEquals(Outcome.NFA, decided.get(BILAL).outcome());
        assertEquals("Safety plan", decided.get(BILAL).safetyPlan());
    }

    @Test
    void aDecisionForAChildNotInTheDiscussionIsRefused() {
        UUID stranger = UUID.randomUUID();
        List<Violation> violations = HoldRules.check(held("2026-11-20T10:00:00Z", Outcome.NFA, "NFA",
                Map.of(stranger, new ChildDecision(Outcome.NFA, "x", null))), OPENED, GRACE, List.of(AMIRA), NOW);
        assertEquals(List.of("children[" + stranger + "]"), fields(violations));
    }

    @Test
    void supersessionStartsOrWithdrawsTheEnquiry() {
        assertEquals(Supersession.EnquiryEffect.START, Supersession.effect(Outcome.CSC_ASSESSMENT, Outcome.S47_JOINT, false, false));
        assertEquals(Supersession.EnquiryEffect.KEEP, Supersession.effect(Outcome.S47_SINGLE_AGENCY, Outcome.S47_JOINT, true, false));
        assertEquals(Supersession.EnquiryEffect.WITHDRAW, Supersession.effect(Outcome.S47_JOINT, Outcome.NFA, true, false));
        assertEquals(Supersession.EnquiryEffect.NONE, Supersession.effect(Outcome.S47_JOINT, Outcome.NFA, true, true),
                "a concluded enquiry stays on record");
        assertEquals(Supersession.EnquiryEffect.NONE, Supersession.effect(Outcome.NFA, Outcome.OTHER, false, false));
        assertTrue(Supersession.maySupersede(false));
        assertEquals(false, Supersession.maySupersede(true));
    }

    @Test
    void siblingsOfOneSubmissionShareADiscussionUntilItIsHeld() {
        UUID submission = UUID.randomUUID();
        assertTrue(SiblingGroup.mayJoin(submission, submission, DiscussionStatus.OPEN));
        assertEquals(false, SiblingGroup.mayJoin(submission, submission, DiscussionStatus.HELD));
        assertEquals(false, SiblingGroup.mayJoin(submission, UUID.randomUUID(), DiscussionStatus.OPEN));
        assertEquals(false, SiblingGroup.mayJoin(null, null, DiscussionStatus.OPEN));
        OffsetDateTime amber = OffsetDateTime.parse("2026-11-23T23:59:59Z");
        OffsetDateTime red = OffsetDateTime.parse("2026-11-20T23:59:59Z");
        assertEquals(red, SiblingGroup.dueAt(amber, red), "the earliest due time");
        assertEquals(red, SiblingGroup.dueAt(red, amber));
    }

    @Test
    void everyAttendanceKeyIsAnAgencyNameOfAtMost40Characters() {
        Map<String, Attendance> attendance = new java.util.LinkedHashMap<>(ALL_THREE);
        attendance.put("DS Jones", Attendance.ATTENDED);
        attendance.put("a".repeat(41), Attendance.ATTENDED);
        attendance.put("b".repeat(40), Attendance.ATTENDED);
        HoldRequest request = new HoldRequest(OffsetDateTime.parse("2026-11-20T11:00:00Z"), Mode.VIDEO, attendance,
                Outcome.NFA, "NFA", null, null, null);
        List<Violation> violations = HoldRules.check(request, OPENED, GRACE, List.of(AMIRA), NOW);
        assertEquals(List.of("attendance.DS Jones", "attendance." + "a".repeat(41)), fields(violations));
        assertTrue(violations.stream().allMatch(v -> v.rule().equals("agency-name")));
        assertTrue(Agencies.check("agency", "c".repeat(40)).isEmpty());
        assertEquals(1, Agencies.check("agency", "c".repeat(41)).size(), "the metrics store agencies as varchar(40)");
    }
}

package org.mash.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mash.triage.domain.HistoryFlags.Earlier;
import org.mash.triage.domain.HistoryFlags.Flags;
import org.mash.triage.domain.HistoryFlags.MatchStatus;
import org.mash.triage.domain.HistoryMatching.Band;

class HistoryFlagsTests {

    static final Instant RECEIVED = Instant.parse("2026-11-20T09:15:00Z");

    @Test
    void aContactInThe365DaysBeforeReceiptIsARepeatContact() {
        Instant edge = RECEIVED.minus(HistoryFlags.WINDOW);
        assertEquals(new Flags(true, false), HistoryFlags.of(RECEIVED, List.of(new Earlier(edge, false, null, true))),
                "exactly 365 days before counts");
        assertEquals(new Flags(false, false), HistoryFlags.of(RECEIVED,
                List.of(new Earlier(edge.minusSeconds(1), false, null, true))), "a second more does not");
        assertEquals(new Flags(false, false), HistoryFlags.of(RECEIVED, List.of(new Earlier(RECEIVED, false, null, true))),
                "only earlier contacts count");
        // across a leap day: 2024-02-29 lies within the year before 2024-11-20
        assertTrue(HistoryFlags.of(Instant.parse("2024-11-20T09:00:00Z"),
                List.of(new Earlier(Instant.parse("2023-11-22T09:00:00Z"), false, null, true))).repeatContactWithin12Months());
    }

    @Test
    void aPreviousReferralCountsFromItsAuthorisation() {
        Instant longAgo = RECEIVED.minus(HistoryFlags.WINDOW).minusSeconds(3600 * 24 * 30);
        Instant authorised = RECEIVED.minusSeconds(3600 * 24 * 300);
        assertEquals(new Flags(false, true), HistoryFlags.of(RECEIVED, List.of(new Earlier(longAgo, true, authorised, true))),
                "received 13 months ago but became a referral 10 months ago");
        assertFalse(HistoryFlags.of(RECEIVED, List.of(new Earlier(authorised, false, authorised, true)))
                .previousReferralWithin12Months(), "not a referral");
        assertFalse(HistoryFlags.of(RECEIVED, List.of(new Earlier(authorised, true, null, true)))
                .previousReferralWithin12Months(), "not decided yet");
    }

    @Test
    void onlyTheSameChildCountsCertainOrConfirmedNeverRejected() {
        assertEquals(new Flags(false, false), HistoryFlags.of(RECEIVED,
                List.of(new Earlier(RECEIVED.minusSeconds(60), true, RECEIVED.minusSeconds(30), false))));
        assertTrue(HistoryFlags.counts(Band.CERTAIN, MatchStatus.SUGGESTED));
        assertTrue(HistoryFlags.counts(Band.LOW, MatchStatus.CONFIRMED));
        assertFalse(HistoryFlags.counts(Band.HIGH, MatchStatus.SUGGESTED));
        assertFalse(HistoryFlags.counts(Band.CERTAIN, MatchStatus.REJECTED));
    }
}

package org.mash.triage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the case shows from the child's history (MASH.md 2.4, repeat contacts and re-referrals):
 * <ul>
 *   <li><b>repeat contact within 12 months</b>: another contact about the same child was received in the 365 days
 *       before this one was received;</li>
 *   <li><b>previous referral within 12 months</b>: a contact about the same child became a referral
 *       ({@code CSC_ASSESSMENT} or {@code STRATEGY_DISCUSSION}, authorised) in the 365 days before this one was
 *       received (the DfE re-referral definition counts from the earlier referral's date).</li>
 * </ul>
 * "The same child" is a match of this case's child to the earlier case's child that is certain (NHS number) or
 * confirmed by a practitioner; a rejected match never counts, and a suggestion counts once confirmed. Household
 * members' history shows on the case but does not set these flags. 12 months is 365 days, counted back from
 * this contact's receipt, the earlier contact's receipt (or referral) being strictly before it.
 */
public final class HistoryFlags {

    public static final Duration WINDOW = Duration.ofDays(365);

    /** An earlier case matched to this one's child. */
    public record Earlier(Instant receivedAt, boolean referral, Instant decidedAt, boolean sameChild) {
    }

    public record Flags(boolean repeatContactWithin12Months, boolean previousReferralWithin12Months) {
    }

    private HistoryFlags() {
    }

    public static Flags of(Instant receivedAt, List<Earlier> earlier) {
        Instant from = receivedAt.minus(WINDOW);
        boolean repeat = earlier.stream().anyMatch(e -> e.sameChild() && within(e.receivedAt(), from, receivedAt));
        boolean referral = earlier.stream().anyMatch(e -> e.sameChild() && e.referral() && e.decidedAt() != null
                && within(e.decidedAt(), from, receivedAt));
        return new Flags(repeat, referral);
    }

    /** Whether a match counts as the same child: certain, or confirmed, and never rejected. */
    public static boolean counts(HistoryMatching.Band band, MatchStatus status) {
        return status == MatchStatus.CONFIRMED || (status == MatchStatus.SUGGESTED && band == HistoryMatching.Band.CERTAIN);
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    /** A practitioner's view of a suggested match. */
    public enum MatchStatus { SUGGESTED, CONFIRMED, REJECTED }
}

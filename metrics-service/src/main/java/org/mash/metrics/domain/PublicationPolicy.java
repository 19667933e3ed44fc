package org.mash.metrics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * When the figures published for dashboards are recomputed (MASH.md 2.4: figures reach dashboards as they
 * change). Recomputing a financial year reads the year's facts, so it is done when it can tell something new:
 *
 * <ul>
 *   <li>a fact changed since the last computation, or {@code recomputeEvery} has passed (the backlog's overdue
 *   count moves with the clock alone);</li>
 *   <li>but not while the service is <em>catching up</em>, more than {@code catchUpLag} events behind its topics
 *   (after a restart, an outage or a rebuild from the beginning). Figures computed halfway through a backlog
 *   are figures of no real moment, and each computation would slow the catching up. While it catches up the
 *   figures are still recomputed every {@code maxHold}, so a dashboard is never left without news for longer
 *   than that, even if the service cannot keep up at all.</li>
 * </ul>
 */
public record PublicationPolicy(Duration recomputeEvery, long catchUpLag, Duration maxHold) {

    public enum Decision {
        /** Recompute the figures and publish them if they differ from the last published. */
        COMPUTE,
        /** Nothing new to tell yet. */
        WAIT,
        /** Facts are still arriving from a backlog: keep the change for when it is caught up (or max hold). */
        HOLD_CATCHING_UP
    }

    public PublicationPolicy {
        Objects.requireNonNull(recomputeEvery, "recomputeEvery");
        Objects.requireNonNull(maxHold, "maxHold");
        if (recomputeEvery.isNegative() || recomputeEvery.isZero()) {
            throw new IllegalArgumentException("recomputeEvery must be positive, not " + recomputeEvery);
        }
        if (maxHold.isNegative() || maxHold.isZero()) {
            throw new IllegalArgumentException("maxHold must be positive, not " + maxHold);
        }
        if (catchUpLag < 0) {
            throw new IllegalArgumentException("catchUpLag must be 0 or more, not " + catchUpLag);
        }
    }

    /**
     * @param now          the time now
     * @param changed      whether a fact changed since the last computation
     * @param lastComputed when the figures were last computed ({@link Instant#MIN} if never)
     * @param eventsBehind how many events the service is behind its topics (0 if not known); asked only when the
     *                     figures would otherwise be computed
     */
    public Decision decide(Instant now, boolean changed, Instant lastComputed, LongSupplier eventsBehind) {
        boolean due = !now.isBefore(plus(lastComputed, recomputeEvery));
        if (!changed && !due) {
            return Decision.WAIT;
        }
        if (now.isBefore(plus(lastComputed, maxHold)) && catchingUp(eventsBehind.getAsLong())) {
            return Decision.HOLD_CATCHING_UP;
        }
        return Decision.COMPUTE;
    }

    /** Whether the service counts as catching up at {@code eventsBehind}. */
    public boolean catchingUp(long eventsBehind) {
        return eventsBehind > catchUpLag;
    }

    private static Instant plus(Instant t, Duration d) {
        return t.equals(Instant.MIN) ? Instant.MIN : t.plus(d);
    }
}

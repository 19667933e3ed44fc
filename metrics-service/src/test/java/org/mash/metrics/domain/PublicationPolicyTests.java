package org.mash.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.mash.metrics.domain.PublicationPolicy.Decision;

class PublicationPolicyTests {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final PublicationPolicy POLICY = new PublicationPolicy(Duration.ofSeconds(60), 1000, Duration.ofMinutes(5));
    private static final LongSupplier CAUGHT_UP = () -> 0;
    private static final LongSupplier BACKLOG = () -> 250_000;

    @Test
    void figuresNeverComputedAreComputedEvenWhileCatchingUp() {
        assertEquals(Decision.COMPUTE, POLICY.decide(NOW, false, Instant.MIN, CAUGHT_UP));
        assertEquals(Decision.COMPUTE, POLICY.decide(NOW, true, Instant.MIN, BACKLOG));
    }

    @Test
    void aChangedFactIsComputedAtOnceWhenCaughtUp() {
        assertEquals(Decision.COMPUTE, POLICY.decide(NOW, true, NOW.minusSeconds(2), CAUGHT_UP));
    }

    @Test
    void withNothingChangedTheFiguresWaitForTheRecomputeInterval() {
        assertEquals(Decision.WAIT, POLICY.decide(NOW, false, NOW.minusSeconds(59), CAUGHT_UP));
        assertEquals(Decision.COMPUTE, POLICY.decide(NOW, false, NOW.minusSeconds(60), CAUGHT_UP));
    }

    @Test
    void whileCatchingUpOnABacklogTheFiguresAreHeld() {
        assertEquals(Decision.HOLD_CATCHING_UP, POLICY.decide(NOW, true, NOW.minusSeconds(2), BACKLOG));
        assertEquals(Decision.HOLD_CATCHING_UP, POLICY.decide(NOW, false, NOW.minusSeconds(61), BACKLOG));
    }

    @Test
    void aBacklogOfAtMostTheThresholdIsNotCatchingUp() {
        assertEquals(Decision.COMPUTE, POLICY.decide(NOW, true, NOW.minusSeconds(2), () -> 1000));
        assertEquals(Decision.HOLD_CATCHING_UP, POLICY.decide(NOW, true, NOW.minusSeconds(2), () -> 1001));
    }

    @Test
    void aServiceThatNeverCatchesUpStillPublishesEveryMaxHold() {
        assertEquals(Decision.HOLD_CATCHING_UP, POLICY.decide(NOW, true, NOW.minus(Duration.ofMinutes(5)).plusSeconds(1), BACKLOG));
        assertEquals(Decision.COMPUTE, POLICY.decide(NOW, true, NOW.minus(Duration.ofMinutes(5)), BACKLOG));
    }

    @Test
    void theLagIsAskedOnlyWhenTheFiguresWouldOtherwiseBeComputed() {
        AtomicInteger asked = new AtomicInteger();
        LongSupplier counted = () -> {
            asked.incrementAndGet();
            return 0;
        };
        POLICY.decide(NOW, false, NOW.minusSeconds(2), counted);
        assertEquals(0, asked.get());
        POLICY.decide(NOW, true, NOW.minusSeconds(2), counted);
        assertEquals(1, asked.get());
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PublicationPolicy(Duration.ZERO, 1000, Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> new PublicationPolicy(Duration.ofSeconds(60), -1, Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> new PublicationPolicy(Duration.ofSeconds(60), 1000, Duration.ofSeconds(-1)));
    }
}

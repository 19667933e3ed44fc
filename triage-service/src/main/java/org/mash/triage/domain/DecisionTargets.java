package org.mash.triage.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import org.mash.platform.time.WorkingDays;

/**
 * When a decision on a contact is due. Two clocks, both counted from receipt and both reported:
 * <ul>
 *   <li>the council's RAG target (defaults RED 4 h, AMBER 24 h, GREEN 72 h, in elapsed time);</li>
 *   <li>Working Together 2023's "decision within one working day": the same local time on the next working
 *       day; a contact received on a weekend or bank holiday is due by the end of the next working day.</li>
 * </ul>
 * Local times are in the MASH's zone, so a due time across a clock change stays at the same wall-clock time.
 */
public final class DecisionTargets {

    public static final Map<Rag, Duration> DEFAULTS = Map.of(
            Rag.RED, Duration.ofHours(4), Rag.AMBER, Duration.ofHours(24), Rag.GREEN, Duration.ofHours(72));

    private final Map<Rag, Duration> targets;
    private final WorkingDays workingDays;
    private final ZoneId zone;

    public DecisionTargets(Map<Rag, Duration> targets, WorkingDays workingDays, ZoneId zone) {
        for (Rag rag : Rag.values()) {
            Objects.requireNonNull(targets.get(rag), "no decision target for " + rag);
        }
        this.targets = Map.copyOf(targets);
        this.workingDays = workingDays;
        this.zone = zone;
    }

    /** Late: decided after the due time, or still undecided past it. */
    public static boolean overdue(Instant dueAt, Instant decidedAt, Instant now) {
        return (decidedAt != null ? decidedAt : now).isAfter(dueAt);
    }

    public Instant ragDue(Instant receivedAt, Rag rag) {
        return receivedAt.plus(targets.get(rag));
    }

    public Instant oneWorkingDayDue(Instant receivedAt) {
        ZonedDateTime received = receivedAt.atZone(zone);
        LocalDate day = received.toLocalDate();
        if (!workingDays.isWorkingDay(day)) {
            LocalDate next = workingDays.onOrAfter(day);
            return next.atTime(LocalTime.MAX).atZone(zone).toInstant();
        }
        LocalDate next = workingDays.plusWorkingDays(day, 1);
        return ZonedDateTime.of(next, received.toLocalTime(), zone).toInstant();
    }
}

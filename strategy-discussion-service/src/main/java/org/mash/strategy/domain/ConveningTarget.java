package org.mash.strategy.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.mash.platform.time.WorkingDays;

/**
 * When a strategy discussion must be held, from the child's RAG and the time triage authorised the decision
 * (MASH.md 2.3), in working days per RAG, configurable; by default RED 0 (by the end of the same working day; a
 * decision authorised on a weekend or bank holiday: the end of the next working day), AMBER and GREEN 1 (by the
 * end of the next working day). "End of day" is 23:59:59 Europe/London.
 */
public final class ConveningTarget {

    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    public static final Map<Rag, Integer> DEFAULT_WORKING_DAYS = Map.of(Rag.RED, 0, Rag.AMBER, 1, Rag.GREEN, 1);

    private final WorkingDays workingDays;
    private final Map<Rag, Integer> workingDaysByRag;

    public ConveningTarget(WorkingDays workingDays) {
        this(workingDays, DEFAULT_WORKING_DAYS);
    }

    public ConveningTarget(WorkingDays workingDays, Map<Rag, Integer> workingDaysByRag) {
        for (Rag rag : Rag.values()) {
            Integer n = workingDaysByRag.get(rag);
            if (n == null || n < 0) {
                throw new IllegalArgumentException("the convening target of " + rag + " must be 0 or more working days");
            }
        }
        this.workingDays = workingDays;
        this.workingDaysByRag = new EnumMap<>(workingDaysByRag);
    }

    /** The due time, in UTC. */
    public OffsetDateTime dueAt(Rag rag, Instant authorisedAt) {
        LocalDate authorisedOn = authorisedAt.atZone(MashTime.ZONE).toLocalDate();
        LocalDate dueOn = workingDays.plusWorkingDays(authorisedOn, workingDaysByRag.get(rag));
        return dueOn.atTime(END_OF_DAY).atZone(MashTime.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    public OffsetDateTime dueAt(Rag rag, OffsetDateTime authorisedAt) {
        return dueAt(rag, authorisedAt.toInstant());
    }

    /** Still open after its due time. */
    public static boolean overdue(DiscussionStatus status, OffsetDateTime dueAt, Instant now) {
        return status == DiscussionStatus.OPEN && dueAt != null && dueAt.toInstant().isBefore(now);
    }

    /** Held no later than its due time. */
    public static boolean withinTarget(OffsetDateTime heldAt, OffsetDateTime dueAt) {
        return !heldAt.toInstant().isAfter(dueAt.toInstant());
    }
}

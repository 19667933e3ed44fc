package org.mash.triage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Information checks with partner agencies (MASH.md 2.2; reviews found agencies asked "without context"
 * and information shared late):
 * <ul>
 *   <li>a practitioner asks one agency at a time, always saying what is asked and why (the context of the
 *       concern), while the case is undecided;</li>
 *   <li>the answer is due a RAG-dependent time after the request, in elapsed time (partner officers in the
 *       hub cover the same hours as the MASH, and the police answer around the clock). The defaults leave
 *       time to decide within the case's own target: RED 2 h (half of RED's 4 h), AMBER 8 h (a third of
 *       AMBER's 24 h, the same working day), GREEN 24 h (a third of GREEN's 72 h). Configurable per council
 *       ({@code mash.triage.check-targets.*});</li>
 *   <li>the agency answers once: information held (with the information) or nothing known; an answer is
 *       late when it comes after the due time, and an unanswered check past its due time is overdue;</li>
 *   <li>a partner officer sees only the checks addressed to their own agency; another agency's check is
 *       "not found", so its existence does not leak;</li>
 *   <li>once the case's decision is authorised, a check still unanswered is no longer awaited for the decision:
 *       it stays answerable (what the agency holds may still matter to the next step), but it is not flagged
 *       or announced overdue any more ({@link #flagOverdue}); a check flagged before the decision stays flagged.</li>
 * </ul>
 */
public final class PartnerChecks {

    public static final Map<Rag, Duration> DEFAULT_TARGETS = Map.of(
            Rag.RED, Duration.ofHours(2), Rag.AMBER, Duration.ofHours(8), Rag.GREEN, Duration.ofHours(24));

    public static final int MAX_QUESTION = 4_000;
    public static final int MAX_INFORMATION = 8_000;

    private final Map<Rag, Duration> targets;

    public PartnerChecks(Map<Rag, Duration> targets) {
        for (Rag rag : Rag.values()) {
            Duration d = Objects.requireNonNull(targets.get(rag), "no check target for " + rag);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("the check target for " + rag + " must be positive");
            }
        }
        this.targets = Map.copyOf(targets);
    }

    /** When the agency's answer is due: the request time plus the target for the case's current rating. */
    public Instant due(Instant requestedAt, Rag rag) {
        return requestedAt.plus(targets.get(rag));
    }

    /** Late: answered after the due time, or unanswered past it. */
    public static boolean overdue(Instant dueAt, Instant respondedAt, Instant now) {
        return (respondedAt != null ? respondedAt : now).isAfter(dueAt);
    }

    /**
     * Whether the overdue watch flags a check now (and announces it, once): unanswered, not flagged yet, past its
     * due time, and its case still undecided. A check of a decided case is not overdue work: the decision it was
     * asked for has been taken.
     */
    public static boolean flagOverdue(CaseStatus caseStatus, Instant dueAt, Instant respondedAt, Instant flaggedAt,
                                      Instant now) {
        return caseStatus != CaseStatus.DECIDED && respondedAt == null && flaggedAt == null && now.isAfter(dueAt);
    }

    public static List<Violation> checkRequest(CaseStatus status, String agency, String question) {
        List<Violation> violations = new ArrayList<>();
        if (status == CaseStatus.DECIDED) {
            violations.add(new Violation("", "case-open", "the case is decided: no more checks can be asked"));
        }
        if (agency == null || agency.isBlank()) {
            violations.add(new Violation("agency", "required", "name the agency to ask: " + Agency.codes()));
        } else if (Agency.of(agency).isEmpty()) {
            violations.add(new Violation("agency", "one-of", "'" + agency + "' is not one of " + Agency.codes()));
        }
        if (question == null || question.isBlank()) {
            violations.add(new Violation("question", "required",
                    "say what is asked and why (the context of the concern): agencies asked without context cannot help"));
        } else if (question.length() > MAX_QUESTION) {
            violations.add(new Violation("question", "max-length", "at most " + MAX_QUESTION + " characters"));
        }
        return violations;
    }

    public static List<Violation> checkResponse(boolean alreadyAnswered, CheckResult result, String information) {
        List<Violation> violations = new ArrayList<>();
        if (alreadyAnswered) {
            violations.add(new Violation("", "unanswered", "the check is already answered"));
        }
        if (result == null) {
            violations.add(new Violation("result", "required", "INFORMATION_HELD or NOTHING_KNOWN"));
        } else if (result == CheckResult.INFORMATION_HELD && (information == null || information.isBlank())) {
            violations.add(new Violation("information", "required-when-held", "give the information the agency holds"));
        }
        if (information != null && information.length() > MAX_INFORMATION) {
            violations.add(new Violation("information", "max-length", "at most " + MAX_INFORMATION + " characters"));
        }
        return violations;
    }

    /** Whether a partner officer of {@code callerAgency} may see a check addressed to {@code checkAgency}. */
    public static boolean visibleTo(String checkAgency, String callerAgency) {
        return checkAgency != null && checkAgency.equals(callerAgency);
    }

    /** The agency code of a request, once {@link #checkRequest} passed. */
    public static Optional<Agency> agency(String code) {
        return Agency.of(code);
    }
}

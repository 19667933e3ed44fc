package org.mash.triage.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules for changing which child a case belongs to (the person index). Each change is recorded with who made it,
 * when and why; none is silent.
 * <ul>
 *   <li><b>Merge</b> (two records made for one child): every case of one record moves to the other, and the first
 *       answers from then on with where it went. A record is not merged into itself, nor into or out of a record
 *       already merged; a reason is required. Confirming a suggested history match of the child merges the two
 *       records the same way. Two records with different NHS numbers are two children, and are not merged.</li>
 *   <li><b>Unlink</b> (a case linked to the wrong child): the case moves to a new record of its own. A reason is
 *       required, and a record's only case has nothing to be unlinked from.</li>
 * </ul>
 */
public final class ChildLinking {

    public static final int REASON_MAX = 500;

    /**
     * A child record as these rules see it: its local id, whether it was merged away, how many cases it has and the
     * NHS numbers they give.
     */
    public record Record(String localId, boolean merged, long cases, java.util.Set<String> nhsNumbers) {
        public Record {
            nhsNumbers = java.util.Set.copyOf(nhsNumbers);
        }
    }

    private ChildLinking() {
    }

    public static List<Violation> checkMerge(Record from, Record into, String reason) {
        List<Violation> violations = new ArrayList<>(checkReason(reason));
        if (from.localId().equals(into.localId())) {
            violations.add(new Violation("into", "differentChild", "a record is not merged into itself"));
        } else if (into.merged()) {
            violations.add(new Violation("into", "notMerged", into.localId() + " was merged into another record: merge into that one"));
        }
        if (!from.nhsNumbers().isEmpty() && !into.nhsNumbers().isEmpty()
                && from.nhsNumbers().stream().noneMatch(into.nhsNumbers()::contains)) {
            violations.add(new Violation("into", "sameNhsNumber", from.localId() + " and " + into.localId()
                    + " have different NHS numbers: they are two children"));
        }
        if (from.merged()) {
            violations.add(new Violation("", "notMerged", from.localId() + " was merged into another record already"));
        }
        return violations;
    }

    public static List<Violation> checkUnlink(Record current, String reason) {
        List<Violation> violations = new ArrayList<>(checkReason(reason));
        if (current.cases() <= 1) {
            violations.add(new Violation("", "notOnlyCase", "this is the only case of " + current.localId()
                    + ": there is nothing to unlink it from"));
        }
        return violations;
    }

    private static List<Violation> checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return List.of(new Violation("reason", "required", "say why, for the record"));
        }
        if (reason.length() > REASON_MAX) {
            return List.of(new Violation("reason", "maxLength", "at most " + REASON_MAX + " characters"));
        }
        return List.of();
    }
}

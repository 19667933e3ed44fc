package org.mash.triage.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A practitioner confirms or changes the suggested RAG rating with a rationale; every rating is kept (who,
 * when, why) and the decision target follows the latest one. A decided case keeps the rating it was decided on.
 */
public final class Rerating {

    private Rerating() {
    }

    public static List<Violation> check(CaseStatus status, Rag rag, String rationale) {
        List<Violation> violations = new ArrayList<>();
        if (status == CaseStatus.DECIDED) {
            violations.add(new Violation("", "case-open", "the case is decided: its rating is final"));
        }
        if (rag == null) {
            violations.add(new Violation("rag", "required", "choose RED, AMBER or GREEN"));
        }
        if (rationale == null || rationale.isBlank()) {
            violations.add(new Violation("rationale", "required", "say why the case is rated so"));
        }
        return violations;
    }

    /** Why the rating was suggested, in words, for the first entry of the rating history. */
    public static String suggestionRationale(boolean immediateDanger, String referrerUrgency) {
        if (immediateDanger) {
            return "suggested: the referrer says the child is in immediate danger";
        }
        return referrerUrgency == null ? "suggested: no urgency given by the referrer"
                : "suggested from the referrer's urgency " + referrerUrgency;
    }
}

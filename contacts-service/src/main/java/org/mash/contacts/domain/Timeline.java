package org.mash.contacts.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** What the referrer sees happen to their contact, in order: received, in triage, decided (with the outcome). */
public final class Timeline {

    public record Step(String step, OffsetDateTime at, String detail) {
    }

    private Timeline() {
    }

    public static List<Step> of(OffsetDateTime receivedAt, OffsetDateTime inTriageAt, OffsetDateTime decidedAt, String outcome) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("RECEIVED", receivedAt, "contact received by the MASH"));
        if (inTriageAt != null) {
            steps.add(new Step("IN_TRIAGE", inTriageAt, "in the MASH triage queue"));
        }
        if (decidedAt != null) {
            steps.add(new Step("DECIDED", decidedAt, "decision authorised: " + outcome));
        }
        return steps;
    }

    /** A status never goes back: a late "case opened" after the decision leaves the contact decided. */
    public static ContactStatus advance(ContactStatus current, ContactStatus next) {
        return next.ordinal() > current.ordinal() ? next : current;
    }
}

package org.mash.contacts.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** What the referrer sees happen to their contact, in order: received, in triage, decided (with the outcome), referrer informed. */
public final class Timeline {

    public record Step(String step, OffsetDateTime at, String detail) {
    }

    private Timeline() {
    }

    public static List<Step> of(OffsetDateTime receivedAt, OffsetDateTime inTriageAt, OffsetDateTime decidedAt, String outcome) {
        return of(receivedAt, inTriageAt, decidedAt, outcome, null, null);
    }

    public static List<Step> of(OffsetDateTime receivedAt, OffsetDateTime inTriageAt, OffsetDateTime decidedAt, String outcome,
                                OffsetDateTime referrerInformedAt, String informedHow) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("RECEIVED", receivedAt, "contact received by the MASH"));
        if (inTriageAt != null) {
            steps.add(new Step("IN_TRIAGE", inTriageAt, "in the MASH triage queue"));
        }
        if (decidedAt != null) {
            steps.add(new Step("DECIDED", decidedAt, "decision authorised: " + outcome));
        }
        if (referrerInformedAt != null) {
            steps.add(new Step("REFERRER_INFORMED", referrerInformedAt, "CALLBACK".equals(informedHow)
                    ? "your case system acknowledged the outcome notification" : "the outcome was read in the referrer's view"));
        }
        return steps;
    }

    /** The referrer is told once: the first time their agency reads the decided contact, or acknowledges our callback. */
    public static boolean informsReferrer(ContactStatus status, OffsetDateTime alreadyInformedAt, boolean readerIsTheReferringAgency) {
        return status == ContactStatus.DECIDED && alreadyInformedAt == null && readerIsTheReferringAgency;
    }

    /** A status never goes back: a late "case opened" after the decision leaves the contact decided. */
    public static ContactStatus advance(ContactStatus current, ContactStatus next) {
        return next.ordinal() > current.ordinal() ? next : current;
    }
}

package org.mash.triage.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.mash.triage.domain.CaseAction;
import org.mash.triage.domain.ConsentPolicy;
import org.mash.triage.domain.ConsentStatus;
import org.mash.triage.events.ContactReceived;
import org.mash.triage.repository.ConsentRecord;
import org.mash.triage.repository.TriageCase;

/**
 * What the referrer said in the contact, carried onto the new case: who made it (the user name of the account that
 * posted it, the person named as referrer) and the consent they recorded, which stands as the case's first consent
 * record until the MASH records its own.
 */
@ApplicationScoped
public class ReferrerConsent {

    public static final String REFERRER_ROLE = "referrer";

    private final CaseActivities activities;

    public ReferrerConsent(CaseActivities activities) {
        this.activities = activities;
    }

    /** Call inside the transaction that opens the case, after the case was persisted. */
    public Uni<Void> carry(TriageCase c, ContactReceived contact) {
        ContactReceived.Consent given = contact.consent();
        ConsentStatus status = ConsentPolicy.fromReferrer(given == null ? null : given.status());
        if (status == null) {
            return Uni.createFrom().voidItem();
        }
        ConsentRecord r = new ConsentRecord();
        r.id = UUID.randomUUID();
        r.caseId = c.id;
        r.status = status;
        r.reason = given.reason() == null || given.reason().isBlank() ? null : given.reason().strip();
        r.recordedBy = submitter(contact);
        r.recordedRole = REFERRER_ROLE;
        r.recordedAt = c.receivedAt;
        c.consentStatus = status;
        c.consentRecordId = r.id;
        return r.persist().chain(() -> activities.record(c.id, CaseAction.CONSENT_RECORDED, r.recordedBy, REFERRER_ROLE,
                c.receivedAt, status + " (recorded by the referrer in the contact)"
                        + (r.reason == null ? "" : ": " + r.reason)));
    }

    /** The user name of the account that posted the contact; the agency for events that did not carry it. */
    public static String submitter(ContactReceived contact) {
        return contact.submittedBy() == null || contact.submittedBy().isBlank() ? contact.agency() : contact.submittedBy();
    }

    /** The timeline's words for the receipt: the agency, the source and the person who made the contact. */
    public static String receivedDetail(ContactReceived contact) {
        ContactReceived.Referrer referrer = contact.referrer();
        String by = referrer == null || referrer.name() == null ? ""
                : ", made by " + referrer.name()
                + (referrer.role() == null ? "" : " (" + referrer.role() + ", " + referrer.organisation() + ")");
        return "contact received from " + contact.agency() + " (source " + contact.sourceCode() + ")" + by;
    }
}

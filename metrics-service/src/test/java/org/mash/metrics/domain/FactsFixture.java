package org.mash.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Facts for the definitions' unit tests; times are London wall-clock times unless given as instants. */
final class FactsFixture {

    final List<Facts.Contact> contacts = new ArrayList<>();
    final List<Facts.Check> checks = new ArrayList<>();
    final List<Facts.Discussion> discussions = new ArrayList<>();
    final List<Facts.Enquiry> enquiries = new ArrayList<>();

    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Period.ZONE).toInstant();
    }

    static String child(int n) {
        return String.format("%064x", n);
    }

    /** A contact received at {@code received} (London), not decided. */
    static Facts.Contact received(String child, String received) {
        Instant at = london(received);
        return new Facts.Contact(UUID.randomUUID(), child, at, "5A", Set.of("3A"), "GREEN", "5-9", "F", "WBRI", "police",
                at.plusSeconds(72 * 3600), null, null, null, null, null, null, null);
    }

    /** A contact received and decided with {@code outcome} at {@code decided} (London). */
    static Facts.Contact decided(String child, String received, String decided, String outcome) {
        Facts.Contact c = received(child, received);
        return decide(c, london(decided), outcome);
    }

    static Facts.Contact decide(Facts.Contact c, Instant decidedAt, String outcome) {
        boolean referral = outcome.equals("CSC_ASSESSMENT") || outcome.equals("STRATEGY_DISCUSSION");
        return new Facts.Contact(c.contactId(), c.childRef(), c.receivedAt(), c.sourceCode(), c.concernCodes(), c.rag(),
                c.ageBand(), c.sex(), c.ethnicity(), c.agency(), c.dueAt(), c.oneWorkingDayDueAt(), decidedAt, outcome,
                referral, c.consentStatus(), c.consentOverrideReasonRecorded(), c.informedAt());
    }

    static Facts.Contact with(Facts.Contact c, String rag, Instant dueAt, String ethnicity, String consent, Boolean reason,
                              Instant informedAt) {
        return new Facts.Contact(c.contactId(), c.childRef(), c.receivedAt(), c.sourceCode(), c.concernCodes(), rag,
                c.ageBand(), c.sex(), ethnicity, c.agency(), dueAt, c.oneWorkingDayDueAt(), c.authorisedAt(), c.outcome(),
                c.referral(), consent, reason, informedAt);
    }

    FactsFixture add(Facts.Contact c) {
        contacts.add(c);
        return this;
    }

    FactsFixture check(UUID contactId, String agency, String requested, String due, String responded) {
        checks.add(new Facts.Check(UUID.randomUUID(), contactId, agency, london(requested), london(due),
                responded == null ? null : london(responded), null, null));
        return this;
    }

    FactsFixture discussion(UUID contactId, String held, boolean withinTarget, Map<String, String> attendance) {
        discussions.add(new Facts.Discussion(UUID.randomUUID(), contactId, london(held), withinTarget, null, attendance, "S47_JOINT"));
        return this;
    }

    FactsFixture enquiry(UUID contactId, LocalDate started, LocalDate target, LocalDate icpcHeld) {
        enquiries.add(new Facts.Enquiry(UUID.randomUUID(), contactId, started, target, null, icpcHeld, null));
        return this;
    }

    Facts facts() {
        return new Facts(contacts, checks, discussions, enquiries);
    }
}

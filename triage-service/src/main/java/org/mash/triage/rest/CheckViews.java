package org.mash.triage.rest;

import io.vertx.core.json.Json;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.mash.triage.domain.CheckResult;
import org.mash.triage.domain.PartnerChecks;
import org.mash.triage.domain.Rag;
import org.mash.triage.repository.PartnerCheck;
import org.mash.triage.repository.TriageCase;

/** Information checks as the MASH staff and the partner officers see them. */
public final class CheckViews {

    private CheckViews() {
    }

    /** A check on the case, for the MASH staff working it. */
    public record CaseCheck(UUID id, String agency, String question, Rag rag, String requestedBy,
                            OffsetDateTime requestedAt, OffsetDateTime dueAt, boolean overdue,
                            OffsetDateTime overdueFlaggedAt, CheckResult result, String information, String respondedBy,
                            OffsetDateTime respondedAt) {

        static CaseCheck of(PartnerCheck c, OffsetDateTime now) {
            return new CaseCheck(c.id, c.agency, c.question, c.rag, c.requestedBy, c.requestedAt, c.dueAt,
                    isOverdue(c, now), c.overdueFlaggedAt, c.result, c.information, c.respondedBy, c.respondedAt);
        }
    }

    /** Only what a partner agency needs to find the child in its own records. */
    public record ChildToCheck(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
                               Object address) {
    }

    /**
     * A check as the partner officer of the agency asked sees it: the child's identity, what is asked and why,
     * by when, and their agency's answer. Nothing else of the case, and no other agency's checks.
     */
    public record PartnerView(UUID id, String agency, ChildToCheck child, String question, String requestedBy,
                              OffsetDateTime requestedAt, OffsetDateTime dueAt, boolean overdue, CheckResult result,
                              String information, String respondedBy, OffsetDateTime respondedAt) {

        static PartnerView of(PartnerCheck check, TriageCase c, OffsetDateTime now) {
            Object address = c.childAddress == null ? null : Json.decodeValue(c.childAddress, Map.class);
            return new PartnerView(check.id, check.agency,
                    new ChildToCheck(c.childFirstName, c.childLastName, c.childDateOfBirth, c.childExpectedBirth, address),
                    check.question, check.requestedBy, check.requestedAt, check.dueAt, isOverdue(check, now), check.result,
                    check.information, check.respondedBy, check.respondedAt);
        }
    }

    public record PartnerPage(int page, int size, java.util.List<PartnerView> items) {
    }

    static boolean isOverdue(PartnerCheck c, OffsetDateTime now) {
        return PartnerChecks.overdue(c.dueAt.toInstant(), c.respondedAt == null ? null : c.respondedAt.toInstant(),
                now.toInstant());
    }
}

package org.mash.strategy.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The part of {@code mash.triage.strategy-discussion-requested.v1} this service reads; other fields are ignored. */
public record StrategyDiscussionRequested(UUID caseId, UUID contactId, String rag, OffsetDateTime authorisedAt,
                                          String childRef, StrategyDiscussionRequested.Child child,
                                          List<String> concernCodes, String concernSummary, UUID submissionId) {

    public record Child(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
                        Address address) {
    }

    public record Address(String line1, String line2, String town, String postcode) {
    }
}

package org.mash.strategy.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * What an agency shares for a discussion: its information and its risk grading. A participant records for
 * its own agency ({@code agency} may be left out); MASH staff name the agency they record for. In a sibling
 * group {@code contactId} says which child the grading is about (none: every child of the discussion).
 */
public record ContributionRequest(
        @NotBlank @Size(max = 8_000) String information,
        @NotNull RiskGrading riskGrading,
        @Size(max = Agencies.MAX_LENGTH) String agency,
        UUID contactId) {
}

package org.mash.strategy.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The chair's decision for one child: the outcome, why, and the safety plan. */
public record ChildDecision(
        @NotNull Outcome outcome,
        @NotBlank @Size(max = 4_000) String rationale,
        @Size(max = 8_000) String safetyPlan) {
}

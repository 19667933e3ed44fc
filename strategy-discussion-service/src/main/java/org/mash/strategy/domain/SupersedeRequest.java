package org.mash.strategy.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A later decision for a child that replaces the recorded one, and why. */
public record SupersedeRequest(
        @NotNull Outcome outcome,
        @NotBlank @Size(max = 4_000) String rationale,
        @Size(max = 8_000) String safetyPlan,
        @NotBlank @Size(max = 4_000) String reason) {
}

package org.mash.strategy.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What the chair (social care) records once the discussion has been held. Shape rules are declared here;
 * rules that need the clock or the attendance as a whole are in {@link HoldRules}.
 */
public record HoldRequest(
        @NotNull OffsetDateTime heldAt,
        @NotNull Mode mode,
        @NotEmpty @Size(max = 30) Map<@NotBlank @Size(max = 100) String, @NotNull Attendance> attendance,
        @NotNull Outcome outcome,
        @NotBlank @Size(max = 4_000) String rationale,
        @Size(max = 4_000) String absenceReason) {
}

package org.mash.strategy.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * What the chair (social care) records once the discussion has been held. {@code outcome}, {@code rationale}
 * and {@code safetyPlan} are the decision for every child of the discussion; in a sibling group,
 * {@code children} (by contact id) gives a child its own decision instead. Shape rules are declared here;
 * rules that need the clock, the discussion or the request as a whole are in {@link HoldRules}.
 */
public record HoldRequest(
        @NotNull OffsetDateTime heldAt,
        @NotNull Mode mode,
        @NotEmpty @Size(max = 30) Map<@NotBlank @Size(max = 100) String, @NotNull Attendance> attendance,
        Outcome outcome,
        @Size(max = 4_000) String rationale,
        @Size(max = 4_000) String absenceReason,
        @Size(max = 8_000) String safetyPlan,
        @Size(max = 20) Map<@NotNull UUID, @NotNull @Valid ChildDecision> children) {

    public HoldRequest(OffsetDateTime heldAt, Mode mode, Map<String, Attendance> attendance, Outcome outcome,
                       String rationale, String absenceReason) {
        this(heldAt, mode, attendance, outcome, rationale, absenceReason, null, null);
    }
}

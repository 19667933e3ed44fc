package org.mash.strategy.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** An action agreed at the discussion: what, which agency owns it, by when; for one child of a sibling group, or all. */
public record ActionRequest(
        @NotBlank @Size(max = 2_000) String description,
        @NotBlank @Size(max = Agencies.MAX_LENGTH) String agency,
        @NotNull LocalDate dueOn,
        UUID contactId) {
}

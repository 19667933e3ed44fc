package org.mash.strategy.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** How a section 47 enquiry ended: the date and the outcome code (codes/s47-outcome.csv). */
public record S47OutcomeRequest(@NotNull LocalDate concludedOn, @NotBlank @Size(max = 40) String outcomeCode) {
}

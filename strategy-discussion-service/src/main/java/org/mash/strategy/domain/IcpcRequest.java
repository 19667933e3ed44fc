package org.mash.strategy.domain;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The date the initial child protection conference was held. */
public record IcpcRequest(@NotNull LocalDate heldOn) {
}

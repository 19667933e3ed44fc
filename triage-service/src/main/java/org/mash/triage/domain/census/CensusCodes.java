package org.mash.triage.domain.census;

import java.util.function.Predicate;

/** The code lists the census rules check values against (docs/returns.md section 3). */
public record CensusCodes(Predicate<String> referralSource, Predicate<String> ethnicity, Predicate<String> disability,
                          Predicate<String> primaryNeed, Predicate<String> reasonForClosure) {
}

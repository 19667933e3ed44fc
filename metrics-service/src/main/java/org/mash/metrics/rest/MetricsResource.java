package org.mash.metrics.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mash.metrics.domain.Figure;
import org.mash.metrics.domain.Period;
import org.mash.metrics.events.MetricsEvents;
import org.mash.metrics.service.MetricsService;
import org.mash.platform.problem.Problem;
import org.mash.platform.problem.ProblemException;
import org.mash.platform.security.Roles;

@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metrics", description = "Figures of the MASH for a period, each with its numerator, denominator and definition")
@SecurityRequirement(name = "keycloak")
public class MetricsResource {

    /** The figures of a period; the same shape as the {@code figures-updated} event's data. */
    public record FiguresView(MetricsEvents.PeriodV1 period, OffsetDateTime asOf, List<Figure> figures) {
    }

    private final MetricsService metrics;
    private final Clock clock;

    public MetricsResource(MetricsService metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.MANAGER})
    @Operation(summary = "Figures for a period",
            description = "Give a period label (FY2026-27, 2026-11) or from and to (inclusive dates), or nothing for the "
                    + "current financial year. Contacts count by received date, decisions by authorisation date, "
                    + "section 47 enquiries by start date, on the London calendar.")
    @APIResponse(responseCode = "200", description = "The figures: contacts, referrals, conversion, s47")
    @APIResponse(responseCode = "400", description = "A parameter is invalid (application/problem+json names it)")
    public Uni<FiguresView> figures(
            @Parameter(description = "FY2026-27 or 2026-11") @QueryParam("period") String period,
            @Parameter(description = "first day, e.g. 2026-04-01") @QueryParam("from") String from,
            @Parameter(description = "last day, inclusive, e.g. 2027-03-31") @QueryParam("to") String to) {
        Period chosen = choose(period, from, to);
        return metrics.report(chosen)
                .map(r -> new FiguresView(MetricsEvents.PeriodV1.of(r.period()), r.asOf(), r.figures()));
    }

    private Period choose(String label, String from, String to) {
        if (label != null && (from != null || to != null)) {
            throw invalid("period", "exclusive", "give either period or from and to, not both");
        }
        if (label != null) {
            try {
                return Period.parse(label);
            } catch (IllegalArgumentException e) {
                throw invalid("period", "format", e.getMessage());
            }
        }
        if (from == null && to == null) {
            return Period.currentFinancialYear(clock);
        }
        if (from == null) {
            throw invalid("from", "required", "from is required with to");
        }
        if (to == null) {
            throw invalid("to", "required", "to is required with from");
        }
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first.isAfter(last)) {
            throw invalid("from", "range", "from (" + first + ") is after to (" + last + ")");
        }
        return Period.custom(first, last);
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(parameter, "date", "'" + value + "' is not a date (yyyy-mm-dd)");
        }
    }

    private static ProblemException invalid(String parameter, String rule, String message) {
        return ProblemException.invalid(List.of(new Problem.FieldError(parameter, rule, message)));
    }
}

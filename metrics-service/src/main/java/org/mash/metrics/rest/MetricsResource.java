package org.mash.metrics.rest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mash.metrics.domain.Breakdown;
import org.mash.metrics.domain.Figure;
import org.mash.metrics.domain.Period;
import org.mash.metrics.events.MetricsEvents;
import org.mash.metrics.service.FigureStream;
import org.mash.metrics.service.MetricsConfig;
import org.mash.metrics.service.MetricsService;
import org.mash.platform.freshness.Freshness;
import org.mash.platform.problem.Problem;
import org.mash.platform.problem.ProblemException;
import org.mash.platform.security.Roles;

@Path("/api/v1/metrics")
@Tag(name = "Metrics", description = "Figures of the MASH for a period, each with its numerator, denominator and definition")
@SecurityRequirement(name = "keycloak")
public class MetricsResource {

    /**
     * The figures of a period, the same shape as the {@code figures-updated} event's data, with how fresh they are:
     * how many events the service has yet to apply and the time of the newest it applied.
     */
    public record FiguresView(MetricsEvents.PeriodV1 period, OffsetDateTime asOf, List<Figure> figures,
                              Freshness.View freshness) {
    }

    private final MetricsService metrics;
    private final FigureStream stream;
    private final Clock clock;
    private final Freshness freshness;
    private final Duration heartbeat;

    public MetricsResource(MetricsService metrics, FigureStream stream, Clock clock, Freshness freshness,
                           MetricsConfig config) {
        this.metrics = metrics;
        this.stream = stream;
        this.clock = clock;
        this.freshness = freshness;
        this.heartbeat = config.streamHeartbeat();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.ANALYST, Roles.MANAGER})
    @Operation(summary = "Figures for a period",
            description = "Give a period label (FY2026-27, 2026-Q4, 2026-11, 2026-W47, 2026-11-20) or from and to "
                    + "(inclusive dates), or nothing for the current financial year. Contacts count by received date, "
                    + "decisions by authorisation date, section 47 enquiries by start date, on the London calendar. "
                    + "With breakdown, the figures follow for each group (source, concern, rag, agency, ethnicity, sex, "
                    + "ageBand); by ethnicity, sex or age band counts of 1 to 4 show as <5 and the percentages that would "
                    + "reveal them are withheld, and every other number is rounded to the nearest 5 (so no two periods "
                    + "differenced give a small count back). format=csv gives the same as CSV (also at /api/v1/metrics.csv).")
    @APIResponse(responseCode = "200", description = "The figures, each with numerator, denominator, unit and definition",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FiguresView.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is invalid (application/problem+json names it)")
    public Uni<Response> figures(
            @Parameter(description = "FY2026-27, 2026-Q4, 2026-11, 2026-W47 or 2026-11-20") @QueryParam("period") String period,
            @Parameter(description = "first day, e.g. 2026-04-01") @QueryParam("from") String from,
            @Parameter(description = "last day, inclusive, e.g. 2027-03-31") @QueryParam("to") String to,
            @Parameter(description = "source, concern, rag, agency, ethnicity, sex or ageBand") @QueryParam("breakdown") String breakdown,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format) {
        boolean csv = csv(format);
        Period chosen = choose(clock, period, from, to);
        Breakdown by = breakdown(breakdown);
        return metrics.report(chosen, by).map(r -> {
            FiguresView view = new FiguresView(MetricsEvents.PeriodV1.of(r.period()), r.asOf(), r.figures(), freshness.view());
            return csv ? csvResponse(view) : Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "The current financial year's figures as they change (Server-Sent Events)",
            description = "Sends the current figures at once, then an event named figures-updated with the same data as "
                    + "each mash.metrics.figures-updated.v1 event (coalesced: at most one per publishing interval). Every "
                    + "message carries freshness (events behind, newest event applied); between them, an event named "
                    + "freshness every heartbeat (15 s) says whether the figures are up to date or catching up, so a "
                    + "quiet stream is never mistaken for a current one.")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Period current = Period.currentFinancialYear(clock);
        Multi<OutboundSseEvent> now = metrics.report(current)
                .map(r -> new FiguresView(MetricsEvents.PeriodV1.of(r.period()), r.asOf(), r.figures(), freshness.view()))
                .toMulti().map(view -> figuresEvent(sse, view));
        Multi<OutboundSseEvent> changes = stream.updates()
                .filter(u -> u.period().label().equals(current.label()))
                .map(u -> figuresEvent(sse, new FiguresView(u.period(), u.asOf(), u.figures(), freshness.view())));
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().name("freshness").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(Freshness.View.class, freshness.view()).build());
        return Multi.createBy().merging().streams(now, changes, heartbeats);
    }

    private static OutboundSseEvent figuresEvent(Sse sse, FiguresView view) {
        return sse.newEventBuilder().name("figures-updated").id(view.period().label() + "@" + view.asOf())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(FiguresView.class, view).build();
    }

    /** The figures as CSV; how fresh they are goes in headers, as a spreadsheet has no place for it. */
    static Response csvResponse(FiguresView view) {
        Response.ResponseBuilder csv = Response.ok(Csv.figures(view.period(), view.asOf(), view.figures()),
                        Csv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"mash-metrics-" + view.period().label() + ".csv\"");
        Freshness.View fresh = view.freshness();
        if (fresh != null) {
            csv.header("Mash-Freshness", fresh.status());
            if (fresh.eventsBehind() != null) {
                csv.header("Mash-Events-Behind", fresh.eventsBehind());
            }
            if (fresh.newestEventAppliedAt() != null) {
                csv.header("Mash-Newest-Event-Applied-At", fresh.newestEventAppliedAt().toString());
            }
        }
        return csv.build();
    }

    private static boolean csv(String format) {
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw invalid("format", "enum", "'" + format + "' is not a format: use json or csv");
    }

    static Breakdown breakdown(String breakdown) {
        if (breakdown == null) {
            return null;
        }
        try {
            return Breakdown.parse(breakdown);
        } catch (IllegalArgumentException e) {
            throw invalid("breakdown", "enum", e.getMessage());
        }
    }

    static Period choose(Clock clock, String label, String from, String to) {
        if (label != null && (from != null || to != null)) {
            throw invalid("period", "exclusive", "give either period or from and to, not both");
        }
        if (label != null) {
            try {
                return Period.parse(label);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
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
        try {
            return Period.custom(first, last);
        } catch (IllegalArgumentException e) {
            throw invalid(first.isBefore(Period.EARLIEST) || first.isAfter(Period.LATEST) ? "from" : "to", "range", e.getMessage());
        }
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(parameter, "date", "'" + value + "' is not a date (yyyy-mm-dd)");
        }
    }

    static ProblemException invalid(String parameter, String rule, String message) {
        return ProblemException.invalid(List.of(new Problem.FieldError(parameter, rule, message)));
    }
}

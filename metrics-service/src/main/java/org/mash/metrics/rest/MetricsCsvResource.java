package org.mash.metrics.rest;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mash.metrics.domain.Breakdown;
import org.mash.metrics.domain.Period;
import org.mash.metrics.events.MetricsEvents;
import org.mash.metrics.service.MetricsService;
import org.mash.platform.security.Roles;

/** The figures as a CSV file: the same as {@code GET /api/v1/metrics?format=csv}. */
@Path("/api/v1/metrics.csv")
@Tag(name = "Metrics")
@SecurityRequirement(name = "keycloak")
public class MetricsCsvResource {

    private final MetricsService metrics;
    private final Clock clock;
    private final org.mash.platform.freshness.Freshness freshness;

    public MetricsCsvResource(MetricsService metrics, Clock clock, org.mash.platform.freshness.Freshness freshness) {
        this.metrics = metrics;
        this.clock = clock;
        this.freshness = freshness;
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.ANALYST, Roles.MANAGER})
    @Operation(summary = "Figures for a period as CSV (RFC 4180, with a header row)",
            description = "The same parameters and figures as GET /api/v1/metrics; how fresh they are is in the headers "
                    + "Mash-Freshness (up to date, catching up, lag unknown), Mash-Events-Behind and "
                    + "Mash-Newest-Event-Applied-At.")
    public Uni<Response> csv(@QueryParam("period") String period, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("breakdown") String breakdown) {
        Period chosen = MetricsResource.choose(clock, period, from, to);
        Breakdown by = MetricsResource.breakdown(breakdown);
        return metrics.report(chosen, by).map(r -> MetricsResource.csvResponse(
                new MetricsResource.FiguresView(MetricsEvents.PeriodV1.of(r.period()), r.asOf(), r.figures(), freshness.view())));
    }
}


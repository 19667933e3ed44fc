package org.mash.metrics.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mash.metrics.domain.Breakdown;
import org.mash.metrics.domain.Figure;
import org.mash.metrics.domain.Period;
import org.mash.metrics.rest.MetricsResource;
import org.mash.metrics.service.FigureStream;
import org.mash.metrics.service.MetricsConfig;
import org.mash.metrics.service.MetricsService;
import org.mash.platform.freshness.Freshness;
import org.mash.platform.security.Roles;

/**
 * The analysts' and managers' dashboard: the figures of a period (each with numerator, denominator and definition),
 * a breakdown with small numbers suppressed as the API suppresses them, weekly charts, the CSV, and, for the current
 * financial year, live updates relayed from the figure stream under the session (a browser's EventSource cannot send
 * a bearer token).
 */
@Path("/ui/dashboard")
@RolesAllowed({Roles.ANALYST, Roles.MANAGER})
public class DashboardPage {

    static final int CHART_WEEKS = 12;
    static final List<String> CHARTED = List.of("contacts", "conversion", "decision-timeliness", "backlog");

    /** One group of a breakdown and its figures. */
    public record Group(String name, List<FigureCard> figures) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(MetricsResource.FiguresView view, List<FigureCard> cards,
                                                 String breakdown, List<Group> groups, List<FigureCard> columns, boolean live,
                                                 List<String> breakdowns, String periodLabel);

        static native TemplateInstance dashboard$cards(List<FigureCard> cards);

        static native TemplateInstance dashboard$freshness(Freshness.View freshness);
    }

    private final MetricsResource api;
    private final MetricsService metrics;
    private final FigureStream stream;
    private final Freshness freshness;
    private final Clock clock;
    private final java.time.Duration heartbeat;

    public DashboardPage(MetricsResource api, MetricsService metrics, FigureStream stream, Freshness freshness,
                         Clock clock, MetricsConfig config) {
        this.api = api;
        this.metrics = metrics;
        this.stream = stream;
        this.freshness = freshness;
        this.clock = clock;
        this.heartbeat = config.streamHeartbeat();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<TemplateInstance> dashboard(@QueryParam("period") String period, @QueryParam("breakdown") String breakdown) {
        String label = blank(period);
        String by = blank(breakdown);
        return api.figures(label, null, null, by, "json").map(response -> {
            MetricsResource.FiguresView view = (MetricsResource.FiguresView) response.getEntity();
            List<FigureCard> headline = view.figures().stream().filter(f -> f.breakdown() == null).map(FigureCard::of).toList();
            Map<String, List<FigureCard>> byGroup = new LinkedHashMap<>();
            view.figures().stream().filter(f -> f.breakdown() != null)
                    .forEach(f -> byGroup.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(FigureCard.of(f)));
            boolean live = view.period().label().equals(Period.currentFinancialYear(clock).label());
            List<Group> groups = byGroup.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
            return Templates.dashboard(view, headline, by, groups, groups.isEmpty() ? List.of() : groups.get(0).figures(), live,
                    java.util.Arrays.stream(Breakdown.values()).map(Breakdown::parameter).toList(), view.period().label());
        });
    }

    /** The same figures as CSV, under the session (the API's CSV needs a bearer token). */
    @GET
    @Path("csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Uni<Response> csv(@QueryParam("period") String period, @QueryParam("breakdown") String breakdown) {
        return api.figures(blank(period), null, null, blank(breakdown), "csv");
    }

    /**
     * The last {@value CHART_WEEKS} weeks up to the period's end (or today), week by week, for the charts: contacts,
     * conversion, decision timeliness (overall and by RAG) and the backlog.
     */
    @GET
    @Path("weeks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<List<Map<String, Object>>> weeks(@QueryParam("period") String period) {
        Period chosen;
        try {
            chosen = period == null || period.isBlank() ? Period.currentFinancialYear(clock) : Period.parse(period);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw org.mash.platform.problem.ProblemException.invalid(List.of(
                    new org.mash.platform.problem.Problem.FieldError("period", "format", e.getMessage())));
        }
        LocalDate today = LocalDate.now(clock.withZone(Period.ZONE));
        LocalDate last = chosen.to().isBefore(today) ? chosen.to() : today;
        List<Period> weeks = new ArrayList<>();
        for (int i = CHART_WEEKS - 1; i >= 0; i--) {
            weeks.add(Period.weekOf(last.minusWeeks(i)));
        }
        // one after another: the reports share the request's database session, which runs one query at a time
        return Multi.createFrom().iterable(weeks).onItem().transformToUniAndConcatenate(w -> metrics.report(w, Breakdown.RAG).map(r -> {
            Map<String, Object> week = new LinkedHashMap<>();
            week.put("week", w.label());
            for (Figure f : r.figures()) {
                boolean charted = CHARTED.contains(f.id());
                if (charted && f.breakdown() == null) {
                    week.put(f.id(), f.value());
                } else if ("decision-timeliness".equals(f.id()) && f.group() != null) {
                    week.put("decision-timeliness-" + f.group(), f.value());
                }
            }
            return week;
        })).collect().asList();
    }

    /**
     * The live figures as page fragments: the headline cards again whenever the figures are published, and how fresh
     * they are every heartbeat. The session carries the person: the same roles as the API's stream.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.ANALYST, Roles.MANAGER})
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> live(@Context Sse sse) {
        String current = Period.currentFinancialYear(clock).label();
        Multi<OutboundSseEvent> changes = stream.updates().filter(u -> u.period().label().equals(current))
                .map(u -> sse.newEventBuilder().name("figures-updated").data(String.class, Templates.dashboard$cards(
                        u.figures().stream().filter(f -> f.breakdown() == null).map(FigureCard::of).toList()).render()
                        .replace("\n", " ")).build());
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().name("freshness")
                        .data(String.class, Templates.dashboard$freshness(freshness.view()).render().replace("\n", " ")).build());
        return Multi.createBy().merging().streams(changes, beats);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

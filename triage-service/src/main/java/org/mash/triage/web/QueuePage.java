package org.mash.triage.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mash.platform.problem.QueryParams;
import org.mash.platform.security.Caller;
import org.mash.platform.security.Roles;
import org.mash.triage.domain.CaseStatus;
import org.mash.triage.domain.Rag;
import org.mash.triage.rest.CaseViews;
import org.mash.triage.rest.TriageResource;
import org.mash.triage.service.TriageService;

/**
 * The queue on screen (practitioners and managers): the API's queue with its filters, red and overdue on top, the time
 * left in words, refreshed in place when a case arrives or changes.
 */
@Path("/ui/queue")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
public class QueuePage {

    static final int PAGE_SIZE = 50;

    /** The filters as the page's form sends them (a box ticked is {@code true}). */
    public record Filters(String rag, String status, boolean overdue, boolean checksOverdue, boolean mine, int page) {

        /** The same filters as a query string, for the refresh and the next page. */
        public String query() {
            List<String> parts = new ArrayList<>();
            add(parts, "rag", rag);
            add(parts, "status", status);
            add(parts, "overdue", overdue ? "true" : null);
            add(parts, "checksOverdue", checksOverdue ? "true" : null);
            add(parts, "mine", mine ? "true" : null);
            return String.join("&", parts);
        }

        public String pageQuery(int to) {
            String query = query();
            return (query.isEmpty() ? "" : query + "&") + "page=" + to;
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null && !value.isBlank()) {
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }

        TriageService.QueueFilter toFilter(String username) {
            return new TriageService.QueueFilter(QueryParams.oneOf("rag", rag, Rag.class),
                    QueryParams.oneOf("status", status, CaseStatus.class), overdue ? Boolean.TRUE : null,
                    mine ? username : null, checksOverdue ? Boolean.TRUE : null, page, PAGE_SIZE);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(CaseViews.Page page, Filters filters, String fingerprint,
                                             List<String> rags);

        static native TemplateInstance queue$rows(CaseViews.Page page, Filters filters, String fingerprint);
    }

    private final TriageResource api;
    private final TriageService triage;
    private final Caller caller;

    public QueuePage(TriageResource api, TriageService triage, Caller caller) {
        this.api = api;
        this.triage = triage;
        this.caller = caller;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> queue(@QueryParam("rag") String rag, @QueryParam("status") String status,
                                       @QueryParam("overdue") String overdue, @QueryParam("checksOverdue") String checksOverdue,
                                       @QueryParam("mine") String mine, @QueryParam("page") @DefaultValue("0") int page) {
        Filters filters = filters(rag, status, overdue, checksOverdue, mine, page);
        return triage.queueFingerprint(filters.toFilter(caller.username()))
                .chain(fingerprint -> read(filters).map(cases -> Templates.queue(cases, filters, fingerprint,
                        java.util.Arrays.stream(Rag.values()).map(Enum::name).toList())));
    }

    /**
     * The rows again, for the page's refresh: 204 (nothing to swap) while the page's cases are unchanged, so a queue
     * left open on a screen neither costs a full read nor fills the access log.
     */
    @GET
    @Path("rows")
    @Operation(hidden = true)
    public Uni<Response> rows(@QueryParam("rag") String rag, @QueryParam("status") String status,
                              @QueryParam("overdue") String overdue, @QueryParam("checksOverdue") String checksOverdue,
                              @QueryParam("mine") String mine, @QueryParam("page") @DefaultValue("0") int page,
                              @QueryParam("shown") String shown) {
        Filters filters = filters(rag, status, overdue, checksOverdue, mine, page);
        return triage.queueFingerprint(filters.toFilter(caller.username())).chain(fingerprint -> fingerprint.equals(shown)
                ? Uni.createFrom().item(Response.noContent().build())
                : read(filters).map(cases -> Response.ok(Templates.queue$rows(cases, filters, fingerprint)).build()));
    }

    private Uni<CaseViews.Page> read(Filters filters) {
        return api.queue(filters.rag(), filters.status(), filters.overdue() ? "true" : null,
                filters.checksOverdue() ? "true" : null, filters.mine() ? "true" : null, filters.page(), PAGE_SIZE);
    }

    private static Filters filters(String rag, String status, String overdue, String checksOverdue, String mine, int page) {
        return new Filters(blankToNull(rag), blankToNull(status), Boolean.TRUE.equals(QueryParams.bool("overdue", overdue)),
                Boolean.TRUE.equals(QueryParams.bool("checksOverdue", checksOverdue)),
                Boolean.TRUE.equals(QueryParams.bool("mine", mine)), Math.max(0, page));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

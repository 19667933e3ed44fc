package org.mash.platform.audit;

import org.mash.platform.problem.Paging;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mash.platform.problem.QueryParams;
import org.mash.platform.security.Roles;

/** Managers see who read which child's record, when and in which role. */
@Path("/api/v1/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access log", description = "Every read of a child's record held by this service")
public class AccessLogResource {

    public record Entry(String recordType, UUID recordId, String username, String agency, String roles, String action,
                        OffsetDateTime at) {
    }

    public record Entries(int page, int size, List<Entry> items) {
    }

    @GET
    @RolesAllowed(Roles.MANAGER)
    @WithSession
    @Operation(summary = "Reads of records, newest first; filter by record, user and time")
    public Uni<Entries> query(@QueryParam("recordId") String recordIdParam, @QueryParam("username") String username,
                              @QueryParam("from") String fromParam, @QueryParam("to") String toParam,
                              @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                              @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        UUID recordId = QueryParams.uuid("recordId", recordIdParam);
        OffsetDateTime from = QueryParams.dateTime("from", fromParam);
        OffsetDateTime to = QueryParams.dateTime("to", toParam);
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (recordId != null) {
            query.append(" and recordId = :recordId");
            params.and("recordId", recordId);
        }
        if (username != null) {
            query.append(" and username = :username");
            params.and("username", username);
        }
        if (from != null) {
            query.append(" and at >= :from");
            params.and("from", from);
        }
        if (to != null) {
            query.append(" and at < :to");
            params.and("to", to);
        }
        return AccessLogEntry.<AccessLogEntry>find(query.toString(), Sort.descending("at", "id"), params)
                .page(Page.of(page, size)).list()
                .map(rows -> new Entries(page, size, rows.stream()
                        .map(r -> new Entry(r.recordType, r.recordId, r.username, r.agency, r.roles, r.action, r.at)).toList()));
    }
}

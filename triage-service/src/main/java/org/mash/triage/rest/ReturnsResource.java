package org.mash.triage.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mash.platform.problem.Problem;
import org.mash.platform.problem.ProblemException;
import org.mash.platform.security.Caller;
import org.mash.platform.security.Roles;
import org.mash.triage.domain.census.CaseSystemRows;
import org.mash.triage.domain.census.CensusXml;
import org.mash.triage.domain.census.CensusYear;
import org.mash.triage.domain.census.Finding;
import org.mash.triage.service.CaseSystemImports;
import org.mash.triage.service.CensusExport;
import org.mash.triage.service.DataFlowRuns;
import org.mash.triage.service.TriageService;

@Path("/api/v1/returns")
@Tag(name = "Returns", description = "The statutory returns to the Department for Education, straight from the flow")
@SecurityRequirement(name = "keycloak")
@RolesAllowed(Roles.RETURNS_OFFICER)
public class ReturnsResource {

    /** What the census of a year holds and which of the department's rules it breaks. */
    public record CensusCheck(String year, LocalDate referenceDate,
                              @Schema(description = "true when the return breaks no error rule (queries are to fix or explain)")
                              boolean passes, CensusExport.Counts counts,
                              @Schema(description = "every rule broken: the rule's number (Q for a query), the local child id, what it says")
                              List<Finding> findings) {
    }

    private final CensusExport census;
    private final CaseSystemImports imports;
    private final DataFlowRuns dataFlow;
    private final Caller caller;

    public ReturnsResource(CensusExport census, CaseSystemImports imports, DataFlowRuns dataFlow, Caller caller) {
        this.census = census;
        this.imports = imports;
        this.dataFlow = dataFlow;
        this.caller = caller;
    }

    @GET
    @Path("/cin-census")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The Children in Need census of a collection year, as the department's XML",
            description = "Every child with a referral in the year (1 April to 31 March) or one still open at its start: "
                    + "identifiers and characteristics, one CINdetails per referral, its Section47 parts (withdrawn "
                    + "enquiries left out). Each file gets the next serial number of its year; every child in it is "
                    + "access-logged as read. X-Census-Errors and X-Census-Queries say how many of the department's rules "
                    + "it breaks (GET .../cin-census/check lists them).")
    @APIResponse(responseCode = "200", description = "The census file (UTF-8 XML)",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "No year, or not a year such as 2026-27 (application/problem+json)")
    public Uni<Response> export(@Parameter(description = "the collection year, e.g. 2026-27", example = "2026-27")
                                @QueryParam("year") String year) {
        CensusYear y = year(year);
        return census.export(y, TriageService.Actor.of(caller)).map(export -> {
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            CensusXml.write(export.census(), xml);
            return Response.ok(xml.toByteArray(), MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"cin-census-" + y.name() + "-"
                            + export.census().header().lea() + "-" + export.census().header().serialNo() + ".xml\"")
                    .header("X-Census-Errors", export.counts().errors())
                    .header("X-Census-Queries", export.counts().queries())
                    .build();
        });
    }

    @GET
    @Path("/cin-census/check")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Which of the department's validation rules the census of a year breaks, and its counts",
            description = "The rules of the parts a MASH owns (returns.md); errors must be fixed, queries fixed or "
                    + "explained. Produces no file and uses no serial number; the children checked are access-logged.")
    @APIResponse(responseCode = "200", description = "The counts and every rule broken",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CensusCheck.class)))
    @APIResponse(responseCode = "400", description = "No year, or not a year such as 2026-27 (application/problem+json)")
    public Uni<CensusCheck> check(@Parameter(description = "the collection year, e.g. 2026-27", example = "2026-27")
                                  @QueryParam("year") String year) {
        CensusYear y = year(year);
        return census.check(y, TriageService.Actor.of(caller)).map(export -> new CensusCheck(y.name(),
                y.referenceDate(), export.passes(), export.counts(), export.findings()));
    }

    @POST
    @Path("/case-system-import")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What the case management system adds to the census: closures, assessments, deaths (CSV)",
            description = "A CSV with a header row, one row per referral (or per assessment of a referral), keyed by the "
                    + "local child id and the referral date; columns as the census names them: " + CaseSystemRows.HEADER
                    + ". Only the key is required. The file is taken whole or not at all (every problem named by line and "
                    + "column); each referral it names gets the file's closure and assessments in place of an earlier "
                    + "import's. At most " + CaseSystemRows.MAX_ROWS + " rows and 256 KB a call: send a larger file in parts.")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            example = CaseSystemRows.HEADER + "\nC000000001,2026-10-06,2026-12-01,RC8,2026-10-07,2026-11-20,"))
    @APIResponse(responseCode = "200", description = "What was taken",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseSystemImports.Result.class)))
    @APIResponse(responseCode = "400", description = "A row that cannot be taken, named by line and column; nothing taken")
    public Uni<CaseSystemImports.Result> importCaseSystem(String csv) {
        return imports.importCsv(csv, TriageService.Actor.of(caller));
    }

    /** The data flow as the returns officer follows it: whether it is set up, its latest runs, its calls. */
    public record DataFlowState(boolean configured, @Schema(description = "what is still to be set, when not configured")
                                List<String> missing, List<DataFlowRuns.Summary> runs, long pendingCalls, long sentCalls,
                                long refusedCalls) {
    }

    @POST
    @Path("/data-flow/runs")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run the daily data flow now (it also runs on its schedule, overnight)",
            description = "Every child in the cohort (25 or under, activity in the last two years) whose data changed since "
                    + "the last run is queued for the department: the whole record the first time, then the child's details "
                    + "and what changed, a removed episode or enquiry (or a child record that no longer exists) as a purge. "
                    + "Calls of at most 100 records are sent in order and retried until accepted.")
    @APIResponse(responseCode = "200", description = "What the run queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataFlowRuns.Summary.class)))
    @APIResponse(responseCode = "409", description = "The data flow is not configured, or a run is under way")
    public Uni<DataFlowRuns.Summary> runDataFlow() {
        return dataFlow.run("DEMAND", caller.username());
    }

    @GET
    @Path("/data-flow")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The data flow: whether it is set up, its latest runs and its calls (counts only)")
    @APIResponse(responseCode = "200", description = "The data flow's state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataFlowState.class)))
    public Uni<DataFlowState> dataFlowState() {
        return dataFlow.state().map(s -> new DataFlowState(s.missing().isEmpty(), s.missing(), s.runs(), s.pending(),
                s.sent(), s.refused()));
    }

    private static CensusYear year(String year) {
        return CensusYear.parse(year).orElseThrow(() -> ProblemException.invalid(List.of(new Problem.FieldError("year",
                "census-year", year == null || year.isBlank() ? "give the collection year, e.g. 2026-27"
                        : "'" + year + "' is not a collection year such as 2026-27 (1 April 2026 to 31 March 2027)"))));
    }
}

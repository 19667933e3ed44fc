package org.mash.triage.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.mash.platform.security.Roles;
import org.mash.platform.web.Feedback;
import org.mash.platform.web.FormPosts;
import org.mash.triage.domain.census.CaseSystemRows;
import org.mash.triage.domain.census.CensusYear;
import org.mash.triage.rest.ReturnsResource;
import org.mash.triage.service.TriageConfig;

/**
 * The returns officer's screen: the Children in Need census of a year (its counts and every rule of the department's
 * it breaks), the file to download, and the case system's closures and assessments to import. It calls the API's own
 * operations, so it shows and refuses exactly what they do.
 */
@Path("/ui/returns")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.RETURNS_OFFICER)
public class ReturnsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance returns(String year, ReturnsResource.CensusCheck check, String header, Feedback feedback);
    }

    private final ReturnsResource api;
    private final Clock clock;
    private final ZoneId zone;

    public ReturnsPage(ReturnsResource api, Clock clock, TriageConfig config) {
        this.api = api;
        this.clock = clock;
        this.zone = ZoneId.of(config.zone());
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> show(@QueryParam("year") String year, @QueryParam("done") String done) {
        return render(year, done == null ? Feedback.NONE : Feedback.done(done));
    }

    /** The census file, as the API serves it (a download). */
    @GET
    @Path("cin-census")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(hidden = true)
    public Uni<Response> download(@QueryParam("year") String year) {
        return api.export(year);
    }

    @POST
    @Path("case-system-import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Uni<Response> importFile(@RestForm("year") String year, @RestForm("file") FileUpload file) {
        String csv = read(file);
        return FormPosts.submit(() -> api.importCaseSystem(csv),
                r -> FormPosts.done("/ui/returns" + (year == null ? "" : "?year=" + year), "Imported " + r.rows()
                        + " rows: " + r.referrals() + " referrals, " + r.closures() + " closures, " + r.assessments()
                        + " assessments, " + r.deaths() + " deaths."),
                feedback -> render(year, feedback));
    }

    private Uni<Response> render(String year, Feedback feedback) {
        String wanted = year == null || year.isBlank() ? CensusYear.of(LocalDate.now(clock.withZone(zone))).name() : year;
        return Uni.createFrom().deferred(() -> api.check(wanted))
                .map(check -> Response.status(feedback.status())
                        .entity(Templates.returns(wanted, check, CaseSystemRows.HEADER, feedback)).build())
                .onFailure(failure -> Feedback.of(failure).isPresent())
                .recoverWithItem(failure -> {
                    Feedback refused = Feedback.of(failure).orElseThrow();
                    return Response.status(refused.status())
                            .entity(Templates.returns(wanted, null, CaseSystemRows.HEADER, refused)).build();
                });
    }

    private static String read(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return "";
        }
        try {
            // bytes that are not UTF-8 become replacement characters, and the rows then name the values they spoil
            return new String(Files.readAllBytes(file.uploadedFile()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.mash.triage.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.triage.domain.census.CensusYear;

/** The returns officer's screen: the census of a year with what it breaks, its file, and the case system's import. */
@QuarkusTest
class ReturnsPageTests {

    @Test
    void theReturnsOfficerSeesTheCensusOfTheYearDownloadsItAndIsToldWhyAnImportIsRefused() {
        String year = CensusYear.of(LocalDate.now(ZoneId.of("Europe/London"))).name();
        DemoUsers.returnsOfficer().redirects().follow(false).get("/ui").then().statusCode(303)
                .header("Location", containsString("/ui/returns"));
        DemoUsers.returnsOfficer().get("/ui/returns").then().statusCode(200).contentType(containsString("text/html"))
                .body(allOf(containsString("Children in Need census " + year), containsString("id=\"children\""),
                        containsString("Rules of the department the return breaks"),
                        containsString("href=\"/ui/returns/cin-census?year=" + year + "\""),
                        containsString("enctype=\"multipart/form-data\"")));
        DemoUsers.returnsOfficer().get("/ui/returns/cin-census?year=" + year).then().statusCode(200)
                .contentType(containsString("application/xml")).body(containsString("<Collection>CIN</Collection>"));
        DemoUsers.returnsOfficer().get("/ui/returns?year=2026-2027").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("is not a collection year"));

        DemoUsers.returnsOfficer().redirects().follow(false).header("Sec-Fetch-Site", "same-origin")
                .multiPart("year", year)
                .multiPart("file", "closures.csv", "LAchildID,CINreferralDate,CINclosureDate\nC1,2026-10-06,2026-12-01\n"
                        .getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/ui/returns/case-system-import").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("line 2.ReasonForClosure"));
        DemoUsers.returnsOfficer().redirects().follow(false)
                .multiPart("file", "closures.csv", "LAchildID,CINreferralDate\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/ui/returns/case-system-import").then().statusCode(403);

        DemoUsers.practitioner().get("/ui/returns").then().statusCode(403);
        DemoUsers.manager().get("/ui/returns/cin-census?year=" + year).then().statusCode(403);
        DemoUsers.analyst().get("/ui/returns").then().statusCode(403);
    }
}

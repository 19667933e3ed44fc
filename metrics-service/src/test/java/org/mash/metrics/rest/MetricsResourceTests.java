package org.mash.metrics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.metrics.domain.Period;

@QuarkusTest
class MetricsResourceTests {

    @Test
    void withoutAPeriodTheFiguresAreThoseOfTheCurrentFinancialYear() {
        Period current = Period.financialYearOf(LocalDate.now(Period.ZONE));
        DemoUsers.analyst().get("/api/v1/metrics")
                .then().statusCode(200)
                .body("period.label", equalTo(current.label()))
                .body("period.from", equalTo(current.from().toString()))
                .body("period.to", equalTo(current.to().toString()))
                .body("figures.id", hasItems("contacts", "contacts-rate", "referrals", "conversion", "outcomes",
                        "outcomes.NFA", "repeat-contacts", "re-referrals", "decision-timeliness", "decision-one-working-day",
                        "decision-hours-median", "decision-hours-p90", "backlog", "backlog-overdue", "backlog-oldest-hours",
                        "checks", "checks-response-hours-median", "consent.OVERRIDDEN", "consent-overrides-with-reason",
                        "feedback", "feedback-hours-median", "sd-timeliness", "sd-attendance", "sd-attendance.health",
                        "s47", "s47-rate", "s47-icpc", "icpcs", "icpc-timeliness"))
                .body("figures.findAll { it.breakdown != null }", hasSize(0))
                .body("figures.find { it.id == 'contacts-rate' }.denominator", equalTo(60000))
                .body("figures.find { it.id == 'contacts-rate' }.unit", equalTo("per-10000"));
    }

    @Test
    void aPeriodCanBeNamedByItsLabel() {
        DemoUsers.manager().get("/api/v1/metrics?period=FY2015-16")
                .then().statusCode(200)
                .body("period.from", equalTo("2015-04-01"))
                .body("period.to", equalTo("2016-03-31"))
                .body("figures.find { it.id == 'conversion' }.denominator", equalTo(0))
                .body("figures.find { it.id == 'conversion' }.value", nullValue());
        DemoUsers.analyst().get("/api/v1/metrics?period=2015-Q4").then().statusCode(200)
                .body("period.from", equalTo("2015-10-01")).body("period.to", equalTo("2015-12-31"));
        DemoUsers.analyst().get("/api/v1/metrics?period=2015-W53").then().statusCode(200)
                .body("period.from", equalTo("2015-12-28")).body("period.to", equalTo("2016-01-03"));
        DemoUsers.analyst().get("/api/v1/metrics?period=2016-02-29").then().statusCode(200)
                .body("period.from", equalTo("2016-02-29")).body("period.to", equalTo("2016-02-29"));
    }

    @Test
    void aBadBreakdownOrFormatIsAProblemNamingTheParameter() {
        DemoUsers.analyst().get("/api/v1/metrics?breakdown=religion")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("breakdown"));
        DemoUsers.analyst().get("/api/v1/metrics?format=xml")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("format"));
        DemoUsers.analyst().get("/api/v1/metrics.csv?period=2016-02-30")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
    }

    @Test
    void theFiguresAsCsvWithAHeaderRow() {
        String csv = DemoUsers.analyst().get("/api/v1/metrics?period=FY2015-16&format=csv")
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract().asString();
        String[] rows = csv.split("\r\n");
        assertEquals("period,from,to,asOf,id,breakdown,group,value,display,numerator,denominator,unit,definition", rows[0]);
        org.junit.jupiter.api.Assertions.assertTrue(rows[1].startsWith("FY2015-16,2015-04-01,2016-03-31,"));
        org.junit.jupiter.api.Assertions.assertTrue(rows[1].contains(",contacts,,,0,,0,,count,"));
        String same = DemoUsers.manager().get("/api/v1/metrics.csv?period=FY2015-16")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                // how fresh, in headers: a spreadsheet has no place for it
                .header("Mash-Freshness", org.hamcrest.Matchers.oneOf("up to date", "catching up", "lag unknown"))
                .extract().asString();
        assertEquals(rows.length, same.split("\r\n").length);
        assertEquals(rows[0], same.split("\r\n")[0]);
    }

    @Test
    void theStreamIsForAnalysts() {
        DemoUsers.referrer().get("/api/v1/metrics/stream").then().statusCode(403);
        given().get("/api/v1/metrics/stream").then().statusCode(401);
        DemoUsers.referrer().get("/api/v1/metrics.csv").then().statusCode(403);
    }

    @Test
    void onlyAnalystsAndManagersMaySeeFigures() {
        DemoUsers.referrer().get("/api/v1/metrics").then().statusCode(403);
        given().get("/api/v1/metrics").then().statusCode(401);
    }

    @Test
    void aBadDateIsAProblemNamingTheParameter() {
        DemoUsers.analyst().get("/api/v1/metrics?from=bad&to=2026-04-30")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].rule", equalTo("date"));
    }

    @Test
    void fromAfterToIsAProblem() {
        DemoUsers.analyst().get("/api/v1/metrics?from=2026-05-01&to=2026-04-30")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void anUnknownPeriodIsAProblemNamingTheParameter() {
        DemoUsers.analyst().get("/api/v1/metrics?period=FY2021-23")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("period"));
        DemoUsers.analyst().get("/api/v1/metrics?period=FY2021-22&from=2021-04-01&to=2021-04-30")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
    }

    /** Dates at the edges of the calendar were a 500 (text/plain); they are a 400 naming the parameter. */
    @Test
    void datesAtTheEdgesOfTheCalendarAreAProblemNamingTheParameter() {
        DemoUsers.analyst().get("/api/v1/metrics?from=-999999999-01-01&to=2026-01-01").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        DemoUsers.analyst().get("/api/v1/metrics?from=2026-01-01&to=+999999999-12-31").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        DemoUsers.analyst().get("/api/v1/metrics?period=FY9999-00").then().statusCode(400).body("errors[0].field", equalTo("period"));
        DemoUsers.analyst().get("/api/v1/metrics?period=0001-W01").then().statusCode(400).body("errors[0].field", equalTo("period"));
        DemoUsers.analyst().get("/api/v1/metrics.csv?from=1899-12-31&to=1900-01-01").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        DemoUsers.analyst().get("/api/v1/metrics?from=1900-01-01&to=1900-01-01").then().statusCode(200);
    }
}

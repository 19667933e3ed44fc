package org.mash.metrics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
                .body("figures.id", equalTo(List.of("contacts", "referrals", "conversion", "s47")))
                .body("figures.definition", hasSize(4));
    }

    @Test
    void aPeriodCanBeNamedByItsLabel() {
        DemoUsers.manager().get("/api/v1/metrics?period=FY2021-22")
                .then().statusCode(200)
                .body("period.from", equalTo("2021-04-01"))
                .body("period.to", equalTo("2022-03-31"))
                .body("figures.find { it.id == 'conversion' }.denominator", equalTo(0))
                .body("figures.find { it.id == 'conversion' }.value", nullValue());
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
}

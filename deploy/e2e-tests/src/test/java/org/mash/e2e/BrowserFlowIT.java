package org.mash.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The pages in a real browser (Debian's chromium), against the whole system: every person signs in through
 * Keycloak's own sign-in page as a demo user, and works the README's flow on screen. Screenshots of each page are
 * saved under target/screenshots.
 */
class BrowserFlowIT {

    static final String CONTACTS = MashFlowIT.CONTACTS;
    static final String TRIAGE = MashFlowIT.TRIAGE;

    @BeforeAll
    static void startTheSystem() {
        assumeTrue(Browser.available(), "chromium and chromedriver are installed (apt-get install chromium chromium-driver)");
        MashSystem.start();
    }

    @AfterAll
    static void stopTheSystem() {
        MashSystem.stop();
    }

    static String postContact() {
        return MashSystem.as("referrer.police").contentType(ContentType.JSON).body(MashFlowIT.CONTACT)
                .post(MashSystem.url(CONTACTS) + "/api/v1/contacts").then().statusCode(201).extract().path("contactIds[0]");
    }

    static String awaitCase(String contactId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> MashSystem.as("practitioner").queryParam("size", 500)
                .get(MashSystem.url(TRIAGE) + "/api/v1/triage/queue").then().statusCode(200).extract()
                .<String>path("items.find { it.contactId == '" + contactId + "' }.id"), id -> id != null);
    }

    @Test
    void aPractitionerRatesAndProposesAndAManagerAuthorisesOnScreen() {
        String caseId = awaitCase(postContact());
        try (Browser practitioner = Browser.open()) {
            practitioner.signIn(MashSystem.url(TRIAGE) + "/ui/queue", "practitioner");
            practitioner.find(By.cssSelector("a[href='/ui/cases/" + caseId + "']"));
            assertTrue(practitioner.text().contains("Signed in as practitioner"), practitioner.text());
            practitioner.screenshot("triage-queue");

            practitioner.click(By.cssSelector("a[href='/ui/cases/" + caseId + "']")).awaitText("The contact as received");
            practitioner.screenshot("triage-case");
            practitioner.click(By.xpath("//button[text()='Take this case']")).awaitText("You have taken the case.");

            practitioner.click(By.cssSelector("input[name='rag'][value='RED']"))
                    .type("rating-rationale", "Immediate danger reported by police; the child was present").click(
                            By.xpath("//button[text()='Record the rating']")).awaitText("The rating is recorded.");

            // refused as the API refuses it: the message beside the field
            practitioner.choose("outcome", "STRATEGY_DISCUSSION").type("decision-rationale", "Significant harm suspected")
                    .click(By.id("propose"));
            practitioner.find(By.id("primaryNeedCode-error"));
            practitioner.screenshot("triage-case-refused");
            practitioner.choose("outcome", "STRATEGY_DISCUSSION").choose("primaryNeedCode", "N1")
                    .type("decision-rationale", "Reasonable cause to suspect significant harm").click(By.id("propose"))
                    .awaitText("The decision is proposed");
        }
        try (Browser manager = Browser.open()) {
            manager.signIn(MashSystem.url(TRIAGE) + "/ui/queue?status=PROPOSED", "manager");
            manager.click(By.cssSelector("a[href='/ui/cases/" + caseId + "']")).awaitText("Proposed: Strategy discussion");
            manager.click(By.id("authorise")).awaitText("authorised by manager");
            manager.screenshot("triage-case-authorised");
        }
        MashSystem.as("manager").get(MashSystem.url(TRIAGE) + "/api/v1/triage/cases/" + caseId).then()
                .body("item.status", org.hamcrest.Matchers.equalTo("DECIDED"));
    }

    @Test
    void aPartnerOfficerAnswersTheirAgencysCheckAndCannotReachAnotherAgencys() {
        String caseId = awaitCase(postContact());
        String checkId = MashSystem.as("practitioner").contentType(ContentType.JSON)
                .body("{\"agency\": \"health\", \"question\": \"Is the child known to health visiting?\"}")
                .post(MashSystem.url(TRIAGE) + "/api/v1/triage/cases/" + caseId + "/checks")
                .then().statusCode(201).extract().path("id");
        try (Browser police = Browser.open()) {
            police.signIn(MashSystem.url(TRIAGE) + "/ui/checks", "officer.police").awaitText("Information checks for police");
            assertTrue(police.all(By.cssSelector("a[href='/ui/checks/" + checkId + "']")).isEmpty(), "not in police's list");
            police.go(MashSystem.url(TRIAGE) + "/ui/checks/" + checkId).awaitText("Not found");
            police.go(MashSystem.url(TRIAGE) + "/ui/cases/" + caseId).awaitText("You cannot open this page");
            police.screenshot("partner-other-agency-refused");
        }
        try (Browser health = Browser.open()) {
            health.signIn(MashSystem.url(TRIAGE) + "/ui/checks", "officer.health");
            health.click(By.cssSelector("a[href='/ui/checks/" + checkId + "']")).awaitText("Is the child known to health visiting?");
            health.screenshot("partner-check");
            health.click(By.cssSelector("input[name='result'][value='NOTHING_KNOWN']"))
                    .click(By.xpath("//button[text()='Send the answer']")).awaitText("Your answer is sent.");
        }
    }

    @Test
    void aReferrerCannotOpenTheQueueAndSigningOutEndsTheSession() {
        try (Browser referrer = Browser.open()) {
            referrer.signIn(MashSystem.url(TRIAGE) + "/ui/queue", "referrer.police").awaitText("You cannot open this page");
            referrer.screenshot("referrer-queue-refused");
            referrer.go(MashSystem.url(TRIAGE) + "/ui/checks").awaitText("You cannot open this page");

            referrer.go(MashSystem.url(TRIAGE) + "/ui/sign-out");
            referrer.find(By.id("username"));
            referrer.go(MashSystem.url(TRIAGE) + "/ui/queue");
            referrer.find(By.id("username"));
        }
    }
}

package org.mash.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    static final String STRATEGY = MashFlowIT.STRATEGY;
    static final String METRICS = MashFlowIT.METRICS;

    @BeforeAll
    static void startTheSystem() {
        if (!Browser.available()) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromedriver: "
                    + "apt-get install chromium chromium-driver (.ci/run installs them)");
        }
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

    /**
     * The README's flow on screen: a police referrer sends a contact from the form; a practitioner takes it, rates and
     * proposes a strategy discussion; a manager authorises; the chair records the discussion held; an analyst watching
     * the dashboard sees the figures change without reloading.
     */
    @Test
    void theReadmeFlowOnScreenFromTheReferrersFormToTheDashboard() {
        String contactId;
        try (Browser referrer = Browser.open()) {
            referrer.signIn(MashSystem.url(CONTACTS) + "/ui/contacts/new", "referrer.police").awaitText("Tell the MASH about a child");
            referrer.type("referrer.name", "PC Sam Patel").type("referrer.role", "Constable")
                    .type("referrer.organisation", "Metropolitan Police").choose("sourceCode", "6")
                    .type("children[0].firstName", "Amira").type("children[0].lastName", "Khan")
                    .type("children[0].nhsNumber", "943 476 5919").choose("children[0].sex", "F")
                    .type("household[0].firstName", "Sara").type("household[0].lastName", "Khan")
                    .choose("household[0].relationship", "MOTHER")
                    .click(By.cssSelector("input[name='concernCodes'][value='3A']"))
                    .type("description", "Police attended a domestic incident; the child was present.")
                    .click(By.id("immediateDanger-yes")).click(By.id("consent-NOT_SOUGHT"))
                    .type("consent.reason", "Seeking consent could place the child at risk");
            referrer.screenshot("contacts-form");
            // no date of birth: refused as the API refuses it, beside the field, with what was typed kept
            referrer.click(By.id("send")).find(By.id("children[0].dateOfBirth-error"));
            assertTrue(referrer.find(By.id("children[0].firstName")).getDomProperty("value").equals("Amira"));
            referrer.screenshot("contacts-form-refused");
            referrer.set("children[0].dateOfBirth", "2016-04-02").click(By.id("policeInformed-yes")).click(By.id("send")).awaitText("Your contact is sent to the MASH");
            contactId = referrer.driver.getCurrentUrl().replaceAll(".*/ui/contacts/([0-9a-f-]+).*", "$1");
            referrer.screenshot("contacts-sent");
        }
        String caseId = awaitCase(contactId);
        try (Browser analyst = Browser.open()) {
            analyst.signIn(MashSystem.url(METRICS) + "/ui/dashboard", "analyst").find(By.id("figure-contacts"));
            String before = analyst.find(By.id("figure-referrals")).getText();
            analyst.screenshot("dashboard");
            try (Browser practitioner = Browser.open()) {
                practitioner.signIn(MashSystem.url(TRIAGE) + "/ui/queue", "practitioner");
                practitioner.find(By.cssSelector("a[href='/ui/cases/" + caseId + "']"));
                assertTrue(practitioner.text().contains("Signed in as practitioner"), practitioner.text());
                practitioner.screenshot("triage-queue");
                practitioner.click(By.cssSelector("a[href='/ui/cases/" + caseId + "']")).awaitText("The contact as received");
                practitioner.screenshot("triage-case");
                practitioner.click(By.xpath("//button[text()='Take this case']")).awaitText("You have taken the case.");
                practitioner.click(By.cssSelector("input[name='rag'][value='RED']"))
                        .type("rating-rationale", "Immediate danger reported by police; the child was present")
                        .click(By.xpath("//button[text()='Record the rating']")).awaitText("The rating is recorded.");
                practitioner.choose("outcome", "STRATEGY_DISCUSSION").type("decision-rationale", "Significant harm suspected")
                        .click(By.id("propose"));
                practitioner.find(By.id("primaryNeedCode-error"));
                practitioner.screenshot("triage-case-refused");
                practitioner.choose("outcome", "STRATEGY_DISCUSSION").choose("primaryNeedCode", "N1")
                        .type("decision-rationale", "Reasonable cause to suspect significant harm").click(By.id("propose"))
                        .awaitText("The decision is proposed");
                // one sign-in for every service: the strategy pages open without the sign-in page
                practitioner.go(MashSystem.url(STRATEGY) + "/ui/discussions").awaitText("Strategy discussions");
            }
            String discussionId;
            try (Browser manager = Browser.open()) {
                manager.signIn(MashSystem.url(TRIAGE) + "/ui/queue?status=PROPOSED", "manager");
                manager.click(By.cssSelector("a[href='/ui/cases/" + caseId + "']")).awaitText("Proposed: Strategy discussion");
                manager.click(By.id("authorise")).awaitText("authorised by manager");
                manager.screenshot("triage-case-authorised");

                discussionId = await().atMost(Duration.ofSeconds(60)).until(() -> MashSystem.as("manager")
                        .get(MashSystem.url(STRATEGY) + "/api/v1/strategy-discussions").then().extract()
                        .<String>path("items.find { it.caseId == '" + caseId + "' }.id"), id -> id != null);
                manager.go(MashSystem.url(STRATEGY) + "/ui/discussions/" + discussionId).find(By.id("hold"));
                manager.screenshot("strategy-discussion");
                manager.set("heldAt", java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/London"))
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
                manager.choose("mode", "VIDEO").choose("attendance-social-care", "ATTENDED").choose("attendance-police", "ATTENDED")
                        .choose("attendance-health", "ATTENDED").choose("held-outcome", "S47_JOINT")
                        .type("held-rationale", "Domestic abuse with the child present; police investigating")
                        .type("safetyPlan", "The child stays with the maternal grandmother").click(By.id("hold"))
                        .awaitText("The discussion is recorded as held.");
                manager.awaitText("ICPC target");
                manager.screenshot("strategy-discussion-held");
            }
            // the analyst's dashboard, open all along, shows the new referral without a reload
            analyst.awaitFigureChange("figure-referrals", before);
            analyst.screenshot("dashboard-updated");
        }
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

    /**
     * A session that ends while the queue is open on a screen (Keycloak's session over, the service's cookie gone):
     * the queue's next refresh is answered 499 rather than a redirect it cannot follow, the page reloads by itself,
     * and the person is at the sign-in page.
     */
    @Test
    void whenTheSessionEndsAnOpenQueueTakesThePersonToSignIn() {
        try (Browser practitioner = Browser.open()) {
            practitioner.signIn(MashSystem.url(TRIAGE) + "/ui/queue", "practitioner").awaitText("Cases, most urgent first");
            MashSystem.endSessionsOf("practitioner");
            practitioner.driver.manage().deleteAllCookies();
            practitioner.find(By.id("username"));
            assertTrue(practitioner.driver.getCurrentUrl().startsWith(MashSystem.keycloakUrl()), practitioner.driver.getCurrentUrl());
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

package org.mash.contacts.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.PostgresTestDatabase;

/**
 * The referrer's screens: the web form makes the same contact as the API, refuses what the API refuses with the
 * message beside the field, keeps what was typed, and counts a form sent twice once; a referrer sees only their
 * agency's contacts; the other roles cannot send or read what the API would refuse them.
 */
@QuarkusTest
class ContactPagesTests {

    static RequestSpecification form(RequestSpecification user) {
        return user.redirects().follow(false).contentType(ContentType.URLENC).header("Sec-Fetch-Site", "same-origin");
    }

    static RequestSpecification filledIn(RequestSpecification spec, String key) {
        return spec.formParam("idempotencyKey", key)
                .formParam("referrer.name", "PC Sam Patel").formParam("referrer.role", "Constable")
                .formParam("referrer.organisation", "Metropolitan Police").formParam("sourceCode", "6")
                .formParam("children[0].firstName", "Amira").formParam("children[0].lastName", "Khan")
                .formParam("children[0].dateOfBirth", "2016-04-02").formParam("children[0].sex", "F")
                .formParam("children[1].firstName", "Zain").formParam("children[1].lastName", "Khan")
                .formParam("children[1].dateOfBirth", "2019-08-10").formParam("children[1].sex", "M")
                .formParam("household[0].firstName", "Sara").formParam("household[0].lastName", "Khan")
                .formParam("household[0].relationship", "MOTHER")
                .formParam("concernCodes", "3A").formParam("concernCodes", "4A")
                .formParam("description", "Police attended a domestic incident; both children were present.")
                .formParam("immediateDanger", "true").formParam("policeInformed", "true")
                .formParam("consent.status", "NOT_SOUGHT").formParam("consent.reason", "Could place the children at risk");
    }

    @Test
    void aReferrerSendsAContactForTwoSiblingsFromTheFormAndSeesItInTheirAgencysList() {
        DemoUsers.policeReferrer().get("/ui/contacts/new").then().statusCode(200)
                .body(allOf(containsString("name=\"children[0].firstName\""), containsString("value=\"3A\""),
                        containsString("name=\"idempotencyKey\"")));
        String key = UUID.randomUUID().toString();
        String location = filledIn(form(DemoUsers.policeReferrer()), key).post("/ui/contacts")
                .then().statusCode(303).extract().header("Location");
        String contactId = location.replaceAll(".*/ui/contacts/([0-9a-f-]+)\\?done=sent", "$1");

        DemoUsers.policeReferrer().get("/api/v1/contacts/" + contactId).then().statusCode(200)
                .body("contact.channel", equalTo("WEB")).body("submission.siblingContactIds.size()", equalTo(1))
                .body("submission.child.firstName", equalTo("Amira")).body("submission.household[0].relationship", equalTo("MOTHER"))
                .body("submission.concernCodes", org.hamcrest.Matchers.contains("3A", "4A"));
        // sent twice (a double click, a reload of the answer): one contact per child, not two
        filledIn(form(DemoUsers.policeReferrer()), key).post("/ui/contacts").then().statusCode(303)
                .header("Location", containsString(contactId));
        assertEquals(2, PostgresTestDatabase.count("select count(*) from contact where submission_id = "
                + "(select submission_id from contact where id = ?::uuid)", contactId));

        DemoUsers.policeReferrer().get(location).then().statusCode(200)
                .body(allOf(containsString("Your contact is sent to the MASH"), containsString("Amira Khan")));
        DemoUsers.policeReferrer().get("/ui/contacts").then().statusCode(200).body(containsString("/ui/contacts/" + contactId));
        DemoUsers.schoolReferrer().get("/ui/contacts").then().statusCode(200).body(not(containsString(contactId)));
        DemoUsers.schoolReferrer().get("/ui/contacts/" + contactId).then().statusCode(404);
    }

    @Test
    void whatTheApiRefusesIsShownBesideItsFieldAndWhatWasTypedIsKept() {
        form(DemoUsers.policeReferrer()).formParam("idempotencyKey", UUID.randomUUID().toString())
                .formParam("referrer.name", "PC Sam Patel").formParam("children[0].firstName", "Amira")
                .formParam("children[0].dateOfBirth", "2016-04-02").formParam("description", "Worried <b>about</b> her")
                .post("/ui/contacts").then().statusCode(400).contentType(containsString("text/html"))
                .body(allOf(containsString("id=\"children[0].lastName-error\""), containsString("id=\"concernCodes-error\""),
                        containsString("id=\"immediateDanger-error\""), containsString("id=\"consent.status-error\""),
                        containsString("value=\"PC Sam Patel\""), containsString("Worried &lt;b&gt;about&lt;/b&gt; her"),
                        not(containsString("id=\"referrer.name-error\""))));
        form(DemoUsers.policeReferrer()).formParam("children[0].firstName", "Amira")
                .formParam("children[0].dateOfBirth", "2 April").post("/ui/contacts").then().statusCode(400)
                .body(containsString("&#39;2 April&#39; is not a date"));
    }

    @Test
    void onlyTheRolesTheApiAllowsOpenTheFormAndACrossSiteFormIsRefused() {
        DemoUsers.analyst().get("/ui/contacts/new").then().statusCode(403);
        DemoUsers.as("officer.police", "police", "partner-officer").get("/ui/contacts").then().statusCode(403);
        filledIn(DemoUsers.analyst().redirects().follow(false).contentType(ContentType.URLENC)
                .header("Sec-Fetch-Site", "same-origin"), UUID.randomUUID().toString()).post("/ui/contacts").then().statusCode(403);
        filledIn(DemoUsers.policeReferrer().redirects().follow(false).contentType(ContentType.URLENC)
                .header("Sec-Fetch-Site", "cross-site"), UUID.randomUUID().toString()).post("/ui/contacts").then().statusCode(403);
    }
}

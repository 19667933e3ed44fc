package org.mash.triage.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.triage.events.ContactEvents;
import org.mash.triage.rest.ChildRecordTests;
import org.mash.triage.rest.DecisionFlowTests;

/** The child's record on screen: every contact about them, unlinking a wrong one, merging two records of one child. */
@QuarkusTest
class ChildPageTests {

    @Test
    void theChildsPageListsEveryContactAndTheirLinksAndIsWorkedOnScreen() {
        String nhs = ChildRecordTests.freshNhsNumber();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String first = DecisionFlowTests.awaitCase(ContactEvents.publishChild(now.minusDays(20),
                Map.of("nhsNumber", nhs, "firstName", "Precious"), null));
        String second = DecisionFlowTests.awaitCase(ContactEvents.publishChild(now.minusDays(1),
                Map.of("nhsNumber", nhs, "firstName", "Precious"), null));
        String child = ChildRecordTests.localChildIdOfCase(second);
        // the case page leads to the child's record, which lists both contacts and how each joined
        DemoUsers.practitioner().get("/ui/cases/" + second).then().statusCode(200)
                .body(containsString("href=\"/ui/children/" + child + "\""));
        DemoUsers.practitioner().get("/ui/children/" + child).then().statusCode(200)
                .body(allOf(containsString("Child record " + child), containsString("/ui/cases/" + first),
                        containsString("/ui/cases/" + second), containsString("Nhs number"), containsString("New child")));
        DemoUsers.referrer().get("/ui/children/" + child).then().statusCode(403);
        DemoUsers.analyst().get("/ui/children/" + child).then().statusCode(403);
        DemoUsers.practitioner().get("/ui/children/C999999999").then().statusCode(404);

        // unlinking without a reason is refused beside that contact's form only
        PagesTests.form(DemoUsers.practitioner()).formParam("reason", "")
                .post("/ui/children/" + child + "/cases/" + second + "/unlink").then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(allOf(containsString("id=\"unlink-reason-" + second + "\""), containsString("say why, for the record")));
        // the practitioner cannot merge; the manager's merge form refuses an unknown record beside its field
        PagesTests.form(DemoUsers.practitioner()).formParam("into", "C999999998").formParam("reason", "x")
                .post("/ui/children/" + child + "/merge").then().statusCode(403);
        PagesTests.form(DemoUsers.manager()).formParam("into", "C999999998").formParam("reason", "Same child")
                .post("/ui/children/" + child + "/merge").then().statusCode(400)
                .body(allOf(containsString("id=\"into-error\""), containsString("no child C999999998")));
        // unlinked, with a reason: the second contact has a record of its own, and the first record no longer lists it
        String moved = PagesTests.form(DemoUsers.practitioner()).formParam("reason", "Twin sister: a different child")
                .post("/ui/children/" + child + "/cases/" + second + "/unlink").then().statusCode(303)
                .extract().header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(moved.contains("/ui/children/C"), moved);
        DemoUsers.practitioner().get("/ui/children/" + child).then().statusCode(200)
                .body(allOf(not(containsString("/cases/" + second + "/unlink")), not(containsString("/cases/" + first + "/unlink")),
                        containsString("Twin sister: a different child")));
    }
}

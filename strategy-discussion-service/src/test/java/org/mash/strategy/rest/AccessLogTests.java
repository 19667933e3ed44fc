package org.mash.strategy.rest;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.strategy.events.TriageHandoffConsumerTests;

/** Issue #5 point 8: every read of a discussion, single and in a list, is in the access log: who, when, what, role. */
@QuarkusTest
class AccessLogTests {

    static final String PATH = "/api/v1/strategy-discussions";

    static long logged(String id, String username, String action) {
        return PostgresTestDatabase.count("select count(*) from access_log where record_type = 'strategy-discussion' "
                + "and record_id = ?::uuid and username = ? and action = ? and at is not null and roles <> ''",
                id, username, action);
    }

    @Test
    void singleAndListReadsAreLoggedForWhoeverMadeThem() {
        String id = TriageHandoffConsumerTests.open().discussionId();
        DemoUsers.participant("police").queryParam("size", 500).get(PATH).then().statusCode(200).body("items.id", hasItem(id));
        assertEquals(1, logged(id, "participant.police", "LIST"), "a discussion shown in a list is logged");
        DemoUsers.practitioner().queryParam("size", 500).get(PATH).then().statusCode(200);
        assertEquals(1, logged(id, "practitioner", "LIST"));
        DemoUsers.manager().get(PATH + "/" + id).then().statusCode(200);
        assertEquals(1, logged(id, "manager", "READ"));
        assertEquals(1, PostgresTestDatabase.count("select count(*) from access_log where record_id = ?::uuid "
                + "and username = 'manager' and action = 'READ' and roles like '%mash-manager%' and agency = 'mash'", id), "with role and agency");

        // what a caller is not shown is not logged as read
        DemoUsers.participant("education").queryParam("size", 500).get(PATH).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        DemoUsers.participant("education").get(PATH + "/" + id).then().statusCode(404);
        assertEquals(0, PostgresTestDatabase.count("select count(*) from access_log where record_id = ?::uuid "
                + "and agency = 'education'", id));

        // a manager reads the log through the shared access-log endpoint
        DemoUsers.manager().queryParam("recordId", id).queryParam("username", "participant.police")
                .get("/api/v1/access-log").then().statusCode(200)
                .body("items.action", hasItem("LIST"))
                .body("items.agency", hasItem("police"));
        DemoUsers.participant("police").get("/api/v1/access-log").then().statusCode(403);
    }
}

package org.mash.contacts.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.DemoUsers;

/** A contact made by the police is not visible to a school referrer, not even as "forbidden". */
@QuarkusTest
class CrossAgencyAccessTests {

    @Test
    void anotherAgencyGets404AndMashStaffSeeIt() {
        String policeContact = ContactResourceTests.submit(DemoUsers.policeReferrer(), ContactResourceTests.TWO_SIBLINGS);

        DemoUsers.schoolReferrer().get("/api/v1/contacts/" + policeContact)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", not(containsString("police")));
        DemoUsers.schoolReferrer().get("/api/v1/contacts").then().statusCode(200).body("items.id", not(hasItem(policeContact)));

        DemoUsers.manager().get("/api/v1/contacts/" + policeContact).then().statusCode(200).body("contact.agency", equalTo("police"));
    }
}

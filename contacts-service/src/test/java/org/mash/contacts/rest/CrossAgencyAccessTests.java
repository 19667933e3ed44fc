package org.mash.contacts.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mash.contacts.Users;

/** A contact made by the police is not visible to a school referrer, not even as "forbidden". */
@QuarkusTest
class CrossAgencyAccessTests {

    @Test
    void anotherAgencyGets404AndMashStaffSeeIt() {
        String policeContact = ContactResourceTests.submit(Users.policeReferrer(), ContactResourceTests.TWO_SIBLINGS);

        Users.schoolReferrer().get("/api/v1/contacts/" + policeContact)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", not(containsString("police")));
        Users.schoolReferrer().get("/api/v1/contacts").then().statusCode(200).body("items.id", not(hasItem(policeContact)));

        Users.manager().get("/api/v1/contacts/" + policeContact).then().statusCode(200).body("contact.agency", equalTo("police"));
    }
}

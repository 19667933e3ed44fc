package org.mash.contacts.rest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.AccessMatrix;
import org.mash.platform.testing.DemoUsers;

/** Every operation of the contacts API, as every role and as another agency, against docs/access-matrix.md. */
@QuarkusTest
class AccessMatrixTests {

    static String policeContact() {
        return "/api/v1/contacts/" + ContactResourceTests.submit(DemoUsers.policeReferrer(), ContactResourceTests.TWO_SIBLINGS);
    }

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() {
        AccessMatrix.verify("contacts-service",
                // act at once on the caller's agency's registration, or on every dead letter: their allowed roles are
                // proven in ReferrerFeedbackTests and the dead-letter tests
                Set.of("DELETE /api/v1/callbacks/mine", "POST /api/v1/operations/dead-letters/replay"),
                Map.of("GET /api/v1/contacts/{id}", () -> AccessMatrix.Fixture.get(policeContact(),
                                DemoUsers.policeReferrer(), DemoUsers.schoolReferrer()),
                        "POST /api/v1/contacts/{id}/amendments", () -> new AccessMatrix.Fixture(policeContact() + "/amendments",
                                AmendmentTests.FATHER, DemoUsers.policeReferrer(), DemoUsers.schoolReferrer())));
    }
}

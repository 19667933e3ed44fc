package org.mash.triage.rest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.AccessMatrix;
import org.mash.triage.events.ContactEvents;

/** Every operation of the triage API, as every role and as another agency, against docs/access-matrix.md. */
@QuarkusTest
class AccessMatrixTests {

    /** A check asked of the police about a new case. */
    static String policeCheck() {
        String caseId = DecisionFlowTests.awaitCase(ContactEvents.publishContact(false, "SAME_DAY"));
        return "/api/v1/triage/checks/" + PartnerCheckTests.requestCheck(caseId, "police", "Any call-outs to the address?");
    }

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() {
        AccessMatrix.verify("triage-service",
                // replays every open dead letter at once, runs the data flow for every child: their allowed roles are
                // proven in the dead-letter and data-flow tests
                Set.of("POST /api/v1/operations/dead-letters/replay", "POST /api/v1/returns/data-flow/runs"),
                Map.of("GET /api/v1/triage/checks/{checkId}", () -> AccessMatrix.Fixture.get(policeCheck(),
                                PartnerCheckTests.policeOfficer(), PartnerCheckTests.healthOfficer()),
                        "POST /api/v1/triage/checks/{checkId}/response", () -> new AccessMatrix.Fixture(
                                policeCheck() + "/response", "{\"result\": \"NOTHING_KNOWN\"}",
                                PartnerCheckTests.policeOfficer(), PartnerCheckTests.healthOfficer())));
    }
}

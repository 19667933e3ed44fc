package org.mash.metrics.rest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.AccessMatrix;

/** Every operation of the metrics-service API, as every role and as another agency, against docs/access-matrix.md. */
@QuarkusTest
class AccessMatrixTests {

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() {
        AccessMatrix.verify("metrics-service",
                // replays every open dead letter at once: its role is proven in the dead-letter tests
                Set.of("POST /api/v1/operations/dead-letters/replay"),
                Map.of());
    }
}

package org.mash.triage.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.OpenApiContract;

/** A partner can build from the OpenAPI document: every operation documents its errors as problems, with examples. */
@QuarkusTest
class OpenApiDocumentTests {

    @Test
    void everyOperationDocumentsItsErrorsAsProblems() {
        OpenApiContract.assertComplete();
    }
}

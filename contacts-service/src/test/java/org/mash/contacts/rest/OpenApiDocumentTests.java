package org.mash.contacts.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.OpenApiContract;

/** A partner can build from the OpenAPI document: every operation documents its errors as problems, with examples. */
@QuarkusTest
class OpenApiDocumentTests {

    @Test
    void everyOperationDocumentsItsErrorsAsProblems() {
        com.fasterxml.jackson.databind.JsonNode document = OpenApiContract.assertComplete();
        // the intake's 201 has its body, and the outcome callback is a documented webhook with its signature headers
        org.junit.jupiter.api.Assertions.assertFalse(document.at("/paths/~1api~1v1~1contacts/post/responses/201/content")
                .isMissingNode(), "the 201 body");
        com.fasterxml.jackson.databind.JsonNode webhook = document.at("/webhooks/outcome/post");
        org.junit.jupiter.api.Assertions.assertFalse(webhook.isMissingNode(), "the outcome webhook");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("X-MASH-Signature", "X-MASH-Timestamp", "X-MASH-Delivery"),
                webhook.path("parameters").findValuesAsText("name"));
        org.junit.jupiter.api.Assertions.assertTrue(webhook.at("/requestBody/content/application~1json/schema/properties")
                .has("deliveryId"));
    }

    @Test
    void anOperationWithoutItsErrorsIsCaught() throws Exception {
        com.fasterxml.jackson.databind.JsonNode bare = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"info": {"version": "1.0-SNAPSHOT"}, "security": [{"keycloak": []}],
                 "paths": {"/api/v1/things/{id}": {"post": {"requestBody": {},
                   "responses": {"200": {"description": "ok"}, "400": {"description": "bad"}}}}}}""");
        java.util.List<String> gaps = OpenApiContract.gaps(bare);
        org.junit.jupiter.api.Assertions.assertTrue(gaps.contains("POST /api/v1/things/{id} does not document 401"), gaps.toString());
        org.junit.jupiter.api.Assertions.assertTrue(gaps.contains("POST /api/v1/things/{id} does not document 415"), gaps.toString());
        org.junit.jupiter.api.Assertions.assertTrue(gaps.contains("POST /api/v1/things/{id} 400 is not documented as application/problem+json"), gaps.toString());
        org.junit.jupiter.api.Assertions.assertTrue(gaps.stream().anyMatch(g -> g.startsWith("info.version")), gaps.toString());
        org.junit.jupiter.api.Assertions.assertTrue(gaps.contains("no servers"), gaps.toString());
    }
}

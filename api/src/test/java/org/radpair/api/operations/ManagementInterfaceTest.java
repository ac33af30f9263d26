package org.radpair.api.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Metrics and health live on the management interface, not on the API's port, and metrics label requests by
 * route template only: no patient or claim identifier ever appears on /q/metrics (issue 14, item 2).
 */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @Test
    void healthIsOnTheManagementPortForOrchestrators() {
        given().when().get(live).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        assertThat(metrics.getPort()).isNotEqualTo(io.restassured.RestAssured.port);
    }

    @Test
    void metricsAreNotServedOnTheApiPort() {
        int status = given().when().get("/q/metrics").then().extract().statusCode();
        assertThat(status).isEqualTo(404);
    }

    @Test
    void noPatientOrClaimIdentifierReachesTheMetrics() {
        String patient = Claims.uniqueId("MRN");
        String claim = Claims.uniqueId("CLM");
        String tenant = Claims.tenant();
        // Unauthenticated, wrong method, wrong role, and answered: each used to label a series with the raw URI.
        given().when().get("/v1/audit/patients/" + patient + "/claims").then().statusCode(401);
        given().when().delete("/v1/audit/patients/" + patient + "/claims").then().statusCode(405);
        given().when().delete("/v1/audit/claims/" + claim).then().statusCode(405);
        given().header("Authorization", Tokens.validator(tenant)).when().get("/v1/audit/claims/" + claim).then().statusCode(403);
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/claims/" + claim).then().statusCode(404);
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/patients/" + patient + "/claims")
                .then().statusCode(200);
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/findings/" + claim).then().statusCode(404);
        String page = given().when().get(metrics).then().statusCode(200).extract().asString();
        assertThat(page).contains("http_server_requests").contains("/v1/audit/patients/{patientId}/claims");
        assertThat(page).doesNotContain(patient).doesNotContain(claim);
    }
}

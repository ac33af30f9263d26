package org.radpair.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every audit read that may touch patient data is logged (subject, tenant, endpoint, what, when; the patient
 * only as its key) and the log is readable by audit:admin only, for its own tenant (issue 14, item 14).
 */
@QuarkusTest
class AccessLogTest {

    private static final String ADMIN_ROLE = "audit:admin";

    @Test
    void auditReadsAreLoggedAndOnlyAnAdminReadsTheLog() {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        String claimId = Claims.uniqueId("CLM");
        given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON)
                .body(Claims.claim(claimId, patient, "2026-03-02", "70450", "R51.9"))
                .when().post("/v1/claims/validate").then().statusCode(200);
        String auditor = Tokens.auditor(tenant);
        given().header("Authorization", auditor).when().get("/v1/audit/patients/" + patient + "/claims").then().statusCode(200);
        given().header("Authorization", auditor).when().get("/v1/audit/claims/" + claimId).then().statusCode(200);
        given().header("Authorization", auditor).when().get("/v1/audit/claims?cpt=70450").then().statusCode(200);
        given().header("Authorization", auditor).accept("text/csv").when().get("/v1/audit/claims").then().statusCode(200);
        given().header("Authorization", auditor).when().get("/v1/audit/findings").then().statusCode(200);

        // Auditors and validators may not read the log; an admin of another tenant sees none of it.
        given().header("Authorization", auditor).when().get("/v1/audit/access-log").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.validator(tenant)).when().get("/v1/audit/access-log").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Claims.tenant(), ADMIN_ROLE)).when().get("/v1/audit/access-log").then()
                .statusCode(200).body("items.size()", equalTo(1)); // its own read only

        String log = given().header("Authorization", Tokens.bearer(tenant, ADMIN_ROLE)).when()
                .get("/v1/audit/access-log?subject=test-user").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        assertThat(log).doesNotContain(patient);
        List<Map<String, Object>> items = io.restassured.path.json.JsonPath.from(log).getList("items");
        List<Object> endpoints = items.stream().map(item -> item.get("endpoint")).toList();
        assertThat(endpoints).containsSubsequence("GET /v1/audit/findings", "GET /v1/audit/claims (text/csv)",
                "GET /v1/audit/claims", "GET /v1/audit/claims/{claimId}", "GET /v1/audit/patients/{patientId}/claims");
        Map<String, Object> patientRead = items.stream()
                .filter(item -> "GET /v1/audit/patients/{patientId}/claims".equals(item.get("endpoint"))).findFirst().orElseThrow();
        assertThat((String) patientRead.get("patientKey")).hasSize(64).isNotEqualTo(patient);
        assertThat(patientRead.get("subject")).isEqualTo("test-user");
        assertThat(patientRead.get("at")).isNotNull();
        Map<String, Object> claimRead = items.stream()
                .filter(item -> "GET /v1/audit/claims/{claimId}".equals(item.get("endpoint"))).findFirst().orElseThrow();
        assertThat(claimRead.get("claimId")).isEqualTo(claimId);
        Map<String, Object> listRead = items.stream()
                .filter(item -> "GET /v1/audit/claims".equals(item.get("endpoint"))).findFirst().orElseThrow();
        assertThat(listRead.get("query")).isEqualTo("cpt=70450");
    }

    @Test
    void theLogPagesByKeysetAndRefusesAbsurdDates() {
        String tenant = Claims.tenant();
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/findings").then().statusCode(200);
        }
        String admin = Tokens.bearer(tenant, ADMIN_ROLE);
        var first = given().header("Authorization", admin).when().get("/v1/audit/access-log?limit=2").then().statusCode(200)
                .extract();
        assertThat(first.<List<Object>>path("items")).hasSize(2);
        String cursor = first.path("nextCursor");
        assertThat(cursor).isNotNull();
        given().header("Authorization", admin).when().get("/v1/audit/access-log?limit=2&cursor=" + cursor).then()
                .statusCode(200).body("items.size()", equalTo(2));
        given().header("Authorization", admin).when().get("/v1/audit/access-log?from=-4713-01-01").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
    }

    /**
     * A claim naming {@code context.followUpOf} reads which patient that claim's findings belong to: logged like an audit
     * read, whether checked alone (what-if or recorded) or in a batch; a claim without it writes nothing.
     */
    @Test
    void claimsNamingFollowUpOfAreLoggedAsLookUpsAndOthersAreNot() {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        String earlier = Claims.uniqueId("CLM");
        String validator = Tokens.validator(tenant);
        given().header("Authorization", validator).contentType(ContentType.JSON)
                .body(Claims.claim(earlier, patient, "2026-01-05", "71250", "R91.1").replace("\"incidentalFindings\":[]",
                        "\"incidentalFindings\":[\"R91.1\"]"))
                .when().post("/v1/claims/validate").then().statusCode(200);
        given().header("Authorization", validator).contentType(ContentType.JSON)
                .body(Claims.claim(Claims.uniqueId("CLM"), patient, "2026-01-06", "70450", "R51.9"))
                .when().post("/v1/claims/validate?persist=false").then().statusCode(200);
        String followUp = Claims.claim(Claims.uniqueId("CLM"), patient, "2026-04-06", "71250", "R91.1")
                .replace("\"followUpOf\":null", "\"followUpOf\":\"" + earlier + "\"");
        given().header("Authorization", validator).contentType(ContentType.JSON).body(followUp)
                .when().post("/v1/claims/validate?persist=false").then().statusCode(200)
                .body("followUp.closedFindings.size()", equalTo(1));
        given().header("Authorization", validator).contentType(ContentType.JSON).body(followUp)
                .when().post("/v1/claims/validate").then().statusCode(200);
        given().header("Authorization", validator).contentType("application/x-ndjson")
                .body((followUp.replace("\n", " ") + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/v1/claims/validate-batch?persist=false").then().statusCode(200);

        String log = given().header("Authorization", Tokens.bearer(tenant, ADMIN_ROLE)).when().get("/v1/audit/access-log")
                .then().statusCode(200).extract().asString();
        assertThat(log).doesNotContain(patient);
        List<Map<String, Object>> lookups = io.restassured.path.json.JsonPath.from(log).<Map<String, Object>>getList("items")
                .stream().filter(item -> !"GET /v1/audit/access-log".equals(item.get("endpoint"))).toList();
        assertThat(lookups).extracting(item -> item.get("endpoint")).containsExactly(
                "POST /v1/claims/validate-batch (context.followUpOf)", "POST /v1/claims/validate (context.followUpOf)",
                "POST /v1/claims/validate (context.followUpOf)");
        assertThat(lookups).extracting(item -> item.get("query")).containsExactly("persist=false", "persist=true",
                "persist=false");
        assertThat(lookups).allSatisfy(item -> {
            assertThat(item.get("subject")).isEqualTo("test-user");
            assertThat(item.get("claimId")).isEqualTo(earlier);
            assertThat((String) item.get("patientKey")).hasSize(64).isNotEqualTo(patient);
            assertThat(item.get("at")).isNotNull();
        });
    }
}

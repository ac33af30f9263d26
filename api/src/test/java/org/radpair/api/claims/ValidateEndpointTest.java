package org.radpair.api.claims;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ValidateEndpointTest {

    private static ValidatableResponse validate(String token, String body, String query) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/v1/claims/validate" + query).then();
    }

    private static ValidatableResponse history(String tenant, String claimId) {
        return given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/claims/" + claimId).then();
    }

    @Test
    void aCleanClaimPassesAndIsRecorded() {
        String tenant = Claims.tenant();
        String claimId = Claims.uniqueId("CLM");
        String auditId = validate(Tokens.validator(tenant), Claims.screeningMammogram(claimId), "")
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("claimId", equalTo(claimId))
                .body("verdict", equalTo("PASS"))
                .body("edits", hasSize(0))
                .body("lines[0].line", equalTo(1))
                .body("lines[0].cpt", equalTo("77067"))
                .body("lines[0].primaryDiagnosis", equalTo("Z12.31"))
                .body("lines[0].pairing", equalTo("SUPPORTED"))
                .body("followUp.openFindings", hasSize(0))
                .body("followUp.closedFindings", hasSize(0))
                .body("auditId", notNullValue())
                .body("version", equalTo(1))
                .body("rulesetVersion", containsString("icd10cm"))
                .extract().path("auditId");

        history(tenant, claimId).statusCode(200)
                .body("claimId", equalTo(claimId))
                .body("versions", hasSize(1))
                .body("versions[0].auditId", equalTo(auditId))
                .body("versions[0].verdict", equalTo("PASS"))
                .body("versions[0].cpts", contains("77067"))
                .body("versions[0].diagnoses", contains("Z12.31"))
                .body("versions[0].payer.type", equalTo("MEDICARE"))
                .body("versions[0].dateOfService", equalTo("2026-03-02"));
    }

    @Test
    void codeAndStructureProblemsComeBackAsEditsNot400() {
        String tenant = Claims.tenant();
        String body = Claims.claim().patient("MRN-1").withoutDemographics().withoutPayer()
                .diagnoses("m545", "S06.9", "D41.0", "XYZ").line("72148", 1, 5).line("70450").toJson();
        validate(Tokens.validator(tenant), body, "").statusCode(200)
                .body("verdict", equalTo("FAIL"))
                .body("edits.rule", contains("ICD-001", "ICD-003", "ICD-003", "ICD-003", "STR-001", "STR-002", "PAY-001"))
                .body("edits.find { it.rule == 'ICD-001' }.codes", contains("XYZ"))
                .body("edits.find { it.codes == ['M54.5'] }.suggestion.action", equalTo("REPLACE_CODE"))
                .body("edits.find { it.codes == ['M54.5'] }.suggestion.with", contains("M54.50", "M54.51", "M54.59"))
                .body("edits.find { it.codes == ['D41.0'] }.suggestion.with", contains("D41.00", "D41.01", "D41.02"))
                .body("edits.find { it.rule == 'STR-001' }.line", equalTo(1))
                .body("edits.find { it.rule == 'STR-002' }.line", equalTo(2))
                .body("edits.find { it.rule == 'ICD-001' }.line", nullValue())
                .body("lines[0].primaryDiagnosis", equalTo("M54.5"))
                .body("lines[1].primaryDiagnosis", nullValue());
    }

    @Test
    void codesWithoutDotsAnyCaseAndSpacesAreNormalised() {
        String body = Claims.claim(Claims.uniqueId("CLM"), "MRN-2", "2026-03-02", "70450", " r519 ");
        validate(Tokens.validator(Claims.tenant()), body, "?persist=false").statusCode(200)
                .body("verdict", equalTo("PASS"))
                .body("lines[0].primaryDiagnosis", equalTo("R51.9"));
    }

    @Test
    void resendingAnIdenticalClaimIsIdempotent() {
        String tenant = Claims.tenant();
        String claimId = Claims.uniqueId("CLM");
        String body = Claims.screeningMammogram(claimId);
        String first = validate(Tokens.validator(tenant), body, "").statusCode(200).extract().path("auditId");
        validate(Tokens.validator(tenant), body, "").statusCode(200)
                .body("auditId", equalTo(first))
                .body("version", equalTo(1))
                .body("verdict", equalTo("PASS"));
        history(tenant, claimId).statusCode(200).body("versions", hasSize(1));
    }

    @Test
    void aChangedBodyBecomesTheNextVersion() {
        String tenant = Claims.tenant();
        String claimId = Claims.uniqueId("CLM");
        String first = validate(Tokens.validator(tenant), Claims.claim(claimId, "MRN-3", "2026-03-02", "72148", "M54.5"), "")
                .statusCode(200).body("verdict", equalTo("FAIL")).body("version", equalTo(1)).extract().path("auditId");
        validate(Tokens.validator(tenant), Claims.claim(claimId, "MRN-3", "2026-03-02", "72148", "M54.50"), "")
                .statusCode(200).body("verdict", equalTo("PASS")).body("version", equalTo(2))
                .body("auditId", not(equalTo(first)));
        history(tenant, claimId).statusCode(200)
                .body("versions", hasSize(2))
                .body("versions.version", contains(1, 2))
                .body("versions.verdict", contains("FAIL", "PASS"))
                .body("versions[0].edits[0].rule", equalTo("ICD-003"));
    }

    @Test
    void persistFalseStoresNothing() {
        String tenant = Claims.tenant();
        String claimId = Claims.uniqueId("CLM");
        validate(Tokens.validator(tenant), Claims.screeningMammogram(claimId), "?persist=false").statusCode(200)
                .body("verdict", equalTo("PASS"))
                .body("auditId", nullValue())
                .body("version", nullValue());
        history(tenant, claimId).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anotherTenantNeverSeesTheClaim() {
        String owner = Claims.tenant();
        String intruder = Claims.tenant();
        String claimId = Claims.uniqueId("CLM");
        validate(Tokens.validator(owner), Claims.screeningMammogram(claimId), "").statusCode(200);
        history(intruder, claimId).statusCode(404).body("status", equalTo(404));
        // The same claim id from the other tenant is that tenant's own first version.
        validate(Tokens.validator(intruder), Claims.claim(claimId, "MRN-9", "2026-03-02", "70450", "R51.9"), "")
                .statusCode(200).body("version", equalTo(1));
        history(owner, claimId).statusCode(200).body("versions", hasSize(1)).body("versions[0].cpts", contains("77067"));
    }

    @Test
    void aDateOfServiceAfterTheNewestReleaseIsSaid() {
        String body = Claims.claim(Claims.uniqueId("CLM"), "MRN-4", "2027-12-01", "70450", "R51.9");
        validate(Tokens.validator(Claims.tenant()), body, "?persist=false").statusCode(200)
                .body("verdict", equalTo("PASS"))
                .body("edits[0].rule", equalTo("ICD-006"))
                .body("edits[0].severity", equalTo("INFO"))
                .body("edits[0].message", containsString("FY2027"));
    }

    @Test
    void theAnswerOfARecordingIsTheResultAsStored() {
        // A claim with edits, an incidental finding and a follow-up: every part of the answer has content. The first
        // answer is built from the result as written; an identical re-send answers with the result read back from the
        // audit row. They must not differ by a field.
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        String first = Claims.claim().patient(patient).diagnoses("R91.8", "R05.9").line("71260", 1, 2)
                .incidentalFindings("R91.1").toJson();
        validate(Tokens.validator(tenant), first, "").statusCode(200);
        String claimId = Claims.uniqueId("CLM");
        String followUp = Claims.claim().id(claimId).patient(patient).dateOfService("2026-06-02").diagnoses("R91.1", "M54.50")
                .line("71250", 1).line("72148", 2).toJson();
        String answered = validate(Tokens.validator(tenant), followUp, "").statusCode(200)
                .body("followUp.closedFindings", hasSize(1))
                .body("edits", not(hasSize(0)))
                .extract().asString();
        String readBack = validate(Tokens.validator(tenant), followUp, "").statusCode(200).extract().asString();
        assertThat(readBack).isEqualTo(answered);
    }
}

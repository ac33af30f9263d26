package org.radpair.api.claims;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.radpair.api.support.Claims.line;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Claims.ClaimBody;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every contract category, through the HTTP API: the edit arrives with its category, severity, suggestion and reference. */
@QuarkusTest
class RuleCategoriesEndToEndTest {

    /** One claim of a Medicare patient, a woman born in 1961, served on 2026-03-02. */
    private static ClaimBody claim(String... diagnoses) {
        return Claims.claim().id("CLM-E2E").patient("MRN-E2E").payer("P", "MEDICARE").diagnoses(diagnoses);
    }

    static Stream<Arguments> categories() {
        return Stream.of(
                Arguments.of("CODE_VALIDITY", "ICD-003", "ERROR", claim("M54.5").line("72148", 1)),
                Arguments.of("CLAIM_STRUCTURE", "STR-006", "ERROR", claim("Z12.31").line(line("77067").units(2).pointers(1))),
                Arguments.of("MEDICAL_NECESSITY", "MED-001", "ERROR", claim("R51.9").line("72148", 1)),
                Arguments.of("SCREENING", "SCR-002", "ERROR", claim("N63.10").line("77067", 1)),
                Arguments.of("PRIMARY_DIAGNOSIS", "PDX-001", "WARNING",
                        claim("N28.89", "R10.9").line("74177", 1, 2).incidentalFindings("N28.89")),
                Arguments.of("BIRADS", "BIR-001", "ERROR", claim("Z12.31").line("77066", 1).priorBirads(0)),
                Arguments.of("MODIFIER", "MOD-003", "ERROR", claim("Z12.31").line(line("77067").modifiers("50").pointers(1))),
                Arguments.of("BUNDLING", "BND-001", "ERROR", claim("R51.9").line("70450", 1).line("70460", 1)),
                Arguments.of("SYMPTOM_INTEGRAL", "SYM-001", "WARNING", claim("J18.9", "R05.9").line("71046", 1, 2)),
                Arguments.of("DEMOGRAPHIC", "DEM-001", "ERROR", claim("R10.20").sex("M").line("76830", 1)),
                Arguments.of("PAYMENT", "PAY-001", "INFO", claim("R91.8", "R10.9").line("71260", 1).line("74178", 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("categories")
    void eachCategoryComesBackThroughTheApi(String category, String rule, String severity, ClaimBody claim) {
        given().header("Authorization", Tokens.validator("tenant-e2e")).contentType(ContentType.JSON).body(claim.toJson())
                .when().post("/v1/claims/validate?persist=false").then()
                .statusCode(200)
                .body("edits.category", hasItem(category))
                .body("edits.find { it.rule == '" + rule + "' }.category", equalTo(category))
                .body("edits.find { it.rule == '" + rule + "' }.severity", equalTo(severity))
                .body("edits.find { it.rule == '" + rule + "' }.message", notNullValue())
                .body("edits.find { it.rule == '" + rule + "' }.reference", notNullValue())
                .body("verdict", equalTo(severity.equals("ERROR") ? "FAIL" : severity.equals("WARNING") ? "WARN" : "PASS"));
    }
}

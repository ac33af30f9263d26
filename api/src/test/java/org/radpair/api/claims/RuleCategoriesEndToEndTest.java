package org.radpair.api.claims;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every contract category, through the HTTP API: the edit arrives with its category, severity, suggestion and reference. */
@QuarkusTest
class RuleCategoriesEndToEndTest {

    private static String claim(String sex, String payer, String context, String diagnoses, String lines) {
        return """
                {"claimId":"CLM-E2E","patient":{"id":"MRN-E2E","sex":"%s","birthDate":"1961-04-02"},
                 "payer":{"id":"P","type":"%s"},"dateOfService":"2026-03-02","diagnoses":[%s],"lines":[%s],
                 "context":{%s}}
                """.formatted(sex, payer, diagnoses, lines, context);
    }

    static Stream<Arguments> categories() {
        return Stream.of(
                Arguments.of("CODE_VALIDITY", "ICD-003", "ERROR",
                        claim("F", "MEDICARE", "", "\"M54.5\"", "{\"cpt\":\"72148\",\"diagnosisPointers\":[1]}")),
                Arguments.of("CLAIM_STRUCTURE", "STR-006", "ERROR",
                        claim("F", "MEDICARE", "", "\"Z12.31\"", "{\"cpt\":\"77067\",\"units\":2,\"diagnosisPointers\":[1]}")),
                Arguments.of("MEDICAL_NECESSITY", "MED-001", "ERROR",
                        claim("F", "MEDICARE", "", "\"R51.9\"", "{\"cpt\":\"72148\",\"diagnosisPointers\":[1]}")),
                Arguments.of("SCREENING", "SCR-002", "ERROR",
                        claim("F", "MEDICARE", "", "\"N63.10\"", "{\"cpt\":\"77067\",\"diagnosisPointers\":[1]}")),
                Arguments.of("PRIMARY_DIAGNOSIS", "PDX-001", "WARNING",
                        claim("F", "MEDICARE", "\"incidentalFindings\":[\"N28.89\"]", "\"N28.89\",\"R10.9\"",
                                "{\"cpt\":\"74177\",\"diagnosisPointers\":[1,2]}")),
                Arguments.of("BIRADS", "BIR-001", "ERROR",
                        claim("F", "MEDICARE", "\"priorBirads\":0", "\"Z12.31\"", "{\"cpt\":\"77066\",\"diagnosisPointers\":[1]}")),
                Arguments.of("MODIFIER", "MOD-003", "ERROR",
                        claim("F", "MEDICARE", "", "\"Z12.31\"", "{\"cpt\":\"77067\",\"modifiers\":[\"50\"],\"diagnosisPointers\":[1]}")),
                Arguments.of("BUNDLING", "BND-001", "ERROR",
                        claim("F", "MEDICARE", "", "\"R51.9\"",
                                "{\"cpt\":\"70450\",\"diagnosisPointers\":[1]},{\"cpt\":\"70460\",\"diagnosisPointers\":[1]}")),
                Arguments.of("SYMPTOM_INTEGRAL", "SYM-001", "WARNING",
                        claim("F", "MEDICARE", "", "\"J18.9\",\"R05.9\"", "{\"cpt\":\"71046\",\"diagnosisPointers\":[1,2]}")),
                Arguments.of("DEMOGRAPHIC", "DEM-001", "ERROR",
                        claim("M", "MEDICARE", "", "\"R10.20\"", "{\"cpt\":\"76830\",\"diagnosisPointers\":[1]}")),
                Arguments.of("PAYMENT", "PAY-001", "INFO",
                        claim("F", "MEDICARE", "", "\"R91.8\",\"R10.9\"",
                                "{\"cpt\":\"71260\",\"diagnosisPointers\":[1]},{\"cpt\":\"74178\",\"diagnosisPointers\":[2]}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("categories")
    void eachCategoryComesBackThroughTheApi(String category, String rule, String severity, String body) {
        given().header("Authorization", Tokens.validator("tenant-e2e")).contentType(ContentType.JSON).body(body)
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

package org.radpair.api.codes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class CodesEndpointTest {

    private static ValidatableResponse get(String path) {
        return given().header("Authorization", Tokens.auditor("t")).when().get(path).then();
    }

    @Test
    void anIcd10CodeOnADate() {
        get("/v1/codes/icd10/m545?dos=2026-03-02").statusCode(200)
                .body("code", equalTo("M54.5"))
                .body("valid", equalTo(true))
                .body("billable", equalTo(false))
                .body("status", equalTo("HEADER"))
                .body("description", equalTo("Low back pain"))
                .body("validFrom", equalTo("2021-10-01"))
                .body("validTo", nullValue())
                .body("children", contains("M54.50", "M54.51", "M54.59"))
                .body("release.label", equalTo("FY2026"));
        get("/v1/codes/icd10/M54.5?dos=2021-06-01").statusCode(200)
                .body("billable", equalTo(true)).body("validTo", equalTo("2021-09-30"));
        get("/v1/codes/icd10/Z12.31?dos=2026-03-02").statusCode(200)
                .body("billable", equalTo(true)).body("replacedBy", hasSize(0));
        get("/v1/codes/icd10/S23.420A?dos=2026-11-02").statusCode(200)
                .body("valid", equalTo(false)).body("status", equalTo("DELETED")).body("release.label", equalTo("FY2027"));
    }

    @Test
    void anIcd10CodeExplainsTheNotesAndTablesThatApplyToIt() {
        get("/v1/codes/icd10/M54.50?dos=2026-03-02").statusCode(200)
                .body("excludes1.find { it.text == 'low back strain (S39.012)' }.sits", equalTo("M54.5"))
                .body("excludes1.find { it.text == 'low back strain (S39.012)' }.cites", contains("S39.012"))
                .body("excludes1.sits", hasItem("Block M50-M54"))
                .body("excludes1.cites.flatten()", not(hasItem("M51.360")))
                .body("manifestation", equalTo(false))
                .body("sex", nullValue());
        // From 2026-10-01 the FY2027 Excludes1 notes apply: M54.5 also excludes discogenic back pain.
        get("/v1/codes/icd10/M54.50?dos=2026-11-02").statusCode(200)
                .body("excludes1.cites.flatten()", hasItem("M51.360"));
        get("/v1/codes/icd10/F02.80?dos=2026-03-02").statusCode(200)
                .body("manifestation", equalTo(true))
                .body("codeFirst[0].sits", equalTo("F02"))
                .body("codeFirst[0].cites", hasItem("G30"));
        get("/v1/codes/icd10/I12.9?dos=2026-03-02").statusCode(200)
                .body("useAdditional.find { it.sits == 'I12.9' }.cites", contains("N18.1", "N18.2", "N18.3", "N18.4", "N18.9"))
                .body("useAdditional.find { it.sits == 'I12.9' }.flag", equalTo("INFO"))
                .body("useAdditional.sits", hasItem("Block I10-I16"));
        get("/v1/codes/icd10/Z34.81?dos=2026-03-02").statusCode(200)
                .body("age.list", equalTo("MATERNITY")).body("age.min", equalTo(9)).body("age.max", equalTo(64))
                .body("sex", equalTo("F"));
        get("/v1/codes/icd10/N99.114?dos=2026-03-02").statusCode(200).body("sex", equalTo("M"));
        get("/v1/codes/icd10/R51.9?dos=2026-03-02").statusCode(200).body("bodyRegions", hasItem("HEAD"));
    }

    @Test
    void icd10ErrorsAreProblems() {
        get("/v1/codes/icd10/Q99.99?dos=2026-03-02").statusCode(404).contentType("application/problem+json");
        get("/v1/codes/icd10/not-a-code").statusCode(400).contentType("application/problem+json");
        get("/v1/codes/icd10/R51.9?dos=yesterday").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("dos"));
    }

    @Test
    void aCptCodeWithItsCatalogAndCmsIndicators() {
        get("/v1/codes/cpt/77067?dos=2026-03-02").statusCode(200)
                .body("status", equalTo("CATALOGUED"))
                .body("modality", equalTo("MAMMO"))
                .body("regions", contains("BREAST"))
                .body("laterality", equalTo("INHERENTLY_BILATERAL"))
                .body("purpose", equalTo("SCREENING"))
                .body("feeSchedule.bilateralIndicator", equalTo("2"))
                .body("mue.value", equalTo(1))
                .body("feeScheduleRelease", containsString("CY2025"))
                .body("ncciRelease", containsString("2024 Q3"));
        get("/v1/codes/cpt/70460").statusCode(200)
                .body("description", equalTo("CT head/brain with contrast"))
                .body("contrast", equalTo("WITH"))
                .body("ncciColumn1Pairs.column2", hasItem("70450"))
                .body("ncciColumn1Pairs.find { it.column2 == '70450' }.modifierIndicator", equalTo(0));
        get("/v1/codes/cpt/71046").statusCode(200).body("feeSchedule.multipleProcedureIndicator", equalTo("0"));
        get("/v1/codes/cpt/G0297?dos=2026-03-02").statusCode(200)
                .body("status", equalTo("DELETED")).body("replacedBy", contains("71271"));
    }

    @Test
    void cptErrorsAreProblems() {
        get("/v1/codes/cpt/99213").statusCode(404).contentType("application/problem+json");
        get("/v1/codes/cpt/7045").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void lookUpsNeedAToken() {
        given().when().get("/v1/codes/cpt/70450").then().statusCode(401);
    }

    @Test
    void pairingsForAStudyAndForADiagnosis() {
        get("/v1/pairings?cpt=70450").statusCode(200)
                .body("cpt", equalTo("70450"))
                .body("study", equalTo("CT head/brain without contrast"))
                .body("indications.code", hasItem("R51.9"))
                .body("indications[0].description", org.hamcrest.Matchers.notNullValue());
        get("/v1/pairings?icd=R07.9").statusCode(200)
                .body("icd", equalTo("R07.9"))
                .body("studies.cpt", hasItem("71046"))
                .body("studies.cpt", org.hamcrest.Matchers.not(hasItem("72148")));
        get("/v1/pairings?cpt=99213").statusCode(404).contentType("application/problem+json");
        get("/v1/pairings").statusCode(400).contentType("application/problem+json");
        get("/v1/pairings?cpt=70450&icd=R51.9").statusCode(400);
        get("/v1/pairings?icd=!!").statusCode(400);
    }
}

package org.radpair.api.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** One accepted range for every date (1900-01-01 … 2199-12-31): outside it, 400 naming the field, never a 500. */
@QuarkusTest
class AcceptedDatesTest {

    private static final String TENANT = "tenant-dates";

    @ParameterizedTest
    @ValueSource(strings = {"from=-4713-01-01", "to=%2B999999999-12-31", "dosFrom=%2B5874898-01-01", "dosTo=1899-12-31",
            "from=2200-01-01"})
    void filtersOutsideTheRangeAre400(String filter) {
        String field = filter.substring(0, filter.indexOf('='));
        given().header("Authorization", Tokens.auditor(TENANT)).urlEncodingEnabled(false)
                .when().get("/v1/audit/claims?" + filter).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
        given().header("Authorization", Tokens.auditor(TENANT)).accept("text/csv").urlEncodingEnabled(false)
                .when().get("/v1/audit/claims?" + filter).then().statusCode(400);
    }

    @Test
    void statsAndCodeDatesOutsideTheRangeAre400() {
        given().header("Authorization", Tokens.auditor(TENANT)).when().get("/v1/audit/stats?from=0001-01-01").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        given().header("Authorization", Tokens.validator(TENANT)).when().get("/v1/codes/icd10/R51.9?dos=9999-01-01").then()
                .statusCode(400).body("errors[0].field", equalTo("dos"));
    }

    @Test
    void aCursorDatedOutsideTheRangeIs400() {
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("-999999999-01-01T00:00Z|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", Tokens.auditor(TENANT)).when().get("/v1/audit/claims?cursor=" + cursor).then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-4714-01-01", "+10000-01-01", "1899-12-31", "2200-01-01"})
    void bodyDatesOutsideTheRangeAre400(String date) {
        given().header("Authorization", Tokens.validator(TENANT)).contentType(ContentType.JSON)
                .body(Claims.claim(Claims.uniqueId("DATE"), "MRN-1", date, "70450", "R51.9"))
                .when().post("/v1/claims/validate").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("dateOfService"));
        given().header("Authorization", Tokens.validator(TENANT)).contentType(ContentType.JSON)
                .body(Claims.claim(Claims.uniqueId("DATE"), "MRN-1", "2026-03-02", "70450", "R51.9")
                        .replace("1961-04-02", date))
                .when().post("/v1/claims/validate").then()
                .statusCode(400).body("errors.field", hasItem("patient.birthDate"));
    }

    @Test
    void anNdjsonLineDatedOutsideTheRangeIsA400Line() {
        String good = Claims.claim(Claims.uniqueId("DATE"), "MRN-1", "2026-03-02", "70450", "R51.9").replace("\n", "");
        String bad = Claims.claim(Claims.uniqueId("DATE"), "MRN-1", "-4714-01-01", "70450", "R51.9").replace("\n", "");
        given().header("Authorization", Tokens.validator(TENANT)).contentType("application/x-ndjson")
                .body((good + "\n" + bad + "\n").getBytes(StandardCharsets.UTF_8)).when().post("/v1/claims/validate-batch").then().statusCode(200)
                .body(containsString("\"index\":1,\"problem\""))
                .body(containsString("\"dateOfService\""))
                .body(containsString("1900-01-01"));
    }
}

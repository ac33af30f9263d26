package org.radpair.api.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every malformed request is a 4xx problem+json naming what is wrong, never a 500. */
@QuarkusTest
class BadInputTest {

    private static final String VALID = Claims.claim("CLM-BAD", "MRN-1", "2026-03-02", "70450", "R51.9");

    private static ValidatableResponse post(String body) {
        return given().header("Authorization", Tokens.validator("tenant-bad-input")).contentType(ContentType.JSON)
                .body(body).when().post("/v1/claims/validate?persist=false").then();
    }

    private static String lines(int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(i == 0 ? "" : ",").append("{\"cpt\":\"70450\",\"diagnosisPointers\":[1]}");
        }
        return lines.toString();
    }

    static Stream<Arguments> fieldErrors() {
        return Stream.of(
                Arguments.of("units as a string", VALID.replace("\"units\":1", "\"units\":\"1\""), "lines[0].units"),
                Arguments.of("units as a fraction", VALID.replace("\"units\":1", "\"units\":1.5"), "lines[0].units"),
                Arguments.of("units over 99", VALID.replace("\"units\":1", "\"units\":100"), "lines[0].units"),
                Arguments.of("units of zero", VALID.replace("\"units\":1", "\"units\":0"), "lines[0].units"),
                Arguments.of("units beyond int", VALID.replace("\"units\":1", "\"units\":99999999999999999999"), "lines[0].units"),
                Arguments.of("unknown sex", VALID.replace("\"sex\":\"F\"", "\"sex\":\"X\""), "patient.sex"),
                Arguments.of("unknown payer type", VALID.replace("\"MEDICARE\"}", "\"MEDICAL\"}"), "payer.type"),
                Arguments.of("unknown purpose", VALID.replace("\"purpose\":null", "\"purpose\":\"CURIOSITY\""), "context.purpose"),
                Arguments.of("place of service not two digits", VALID.replace("\"purpose\":null", "\"purpose\":null,\"placeOfService\":\"hospital\""), "context.placeOfService"),
                Arguments.of("impossible date", VALID.replace("2026-03-02", "2026-02-30"), "dateOfService"),
                Arguments.of("date in another format", VALID.replace("2026-03-02", "03/02/2026"), "dateOfService"),
                Arguments.of("missing claim id", VALID.replace("\"claimId\":\"CLM-BAD\",", ""), "claimId"),
                Arguments.of("claim id over 38", VALID.replace("CLM-BAD", "C".repeat(39)), "claimId"),
                Arguments.of("missing patient", VALID.replace("\"patient\":{\"id\":\"MRN-1\",\"sex\":\"F\",\"birthDate\":\"1961-04-02\"},", ""), "patient"),
                Arguments.of("blank patient id", VALID.replace("MRN-1", " "), "patient.id"),
                Arguments.of("patient id over 80", VALID.replace("MRN-1", "M".repeat(81)), "patient.id"),
                Arguments.of("missing date of service", VALID.replace("\"dateOfService\":\"2026-03-02\",", ""), "dateOfService"),
                Arguments.of("no diagnoses", VALID.replace("[\"R51.9\"]", "[]"), "diagnoses"),
                Arguments.of("thirteen diagnoses", VALID.replace("[\"R51.9\"]", "[" + "\"R51.9\",".repeat(12) + "\"R51.9\"]"), "diagnoses"),
                Arguments.of("diagnoses not an array", VALID.replace("[\"R51.9\"]", "\"R51.9\""), "diagnoses"),
                Arguments.of("no lines", VALID.replaceAll("\"lines\":\\[.*\\],", "\"lines\":[],"), "lines"),
                Arguments.of("fifty-one lines", VALID.replaceAll("\"lines\":\\[.*\\],", "\"lines\":[" + lines(51) + "],"), "lines"),
                Arguments.of("missing cpt", VALID.replace("\"cpt\":\"70450\",", ""), "lines[0].cpt"),
                Arguments.of("five modifiers", VALID.replace("[\"26\"]", "[\"26\",\"TC\",\"RT\",\"LT\",\"59\"]"), "lines[0].modifiers"),
                Arguments.of("three-letter modifier", VALID.replace("[\"26\"]", "[\"266\"]"), "lines[0].modifiers[0]"),
                Arguments.of("pointer zero", VALID.replace("\"diagnosisPointers\":[1]", "\"diagnosisPointers\":[0]"), "lines[0].diagnosisPointers[0]"),
                Arguments.of("five pointers", VALID.replace("\"diagnosisPointers\":[1]", "\"diagnosisPointers\":[1,1,1,1,1]"), "lines[0].diagnosisPointers"),
                Arguments.of("BI-RADS 7", VALID.replace("\"priorBirads\":null", "\"priorBirads\":7"), "context.priorBirads"),
                Arguments.of("ruleOut as a string", VALID.replace("\"ruleOut\":false", "\"ruleOut\":\"no\""), "context.ruleOut"),
                Arguments.of("control character in claim id", VALID.replace("CLM-BAD", "CLM\\u0000BAD"), "claimId"),
                Arguments.of("control character in a code", VALID.replace("R51.9", "R51\\u00009"), "diagnoses[0]"),
                Arguments.of("birth after service", VALID.replace("1961-04-02", "2027-01-01"), "birthDateBeforeService"),
                Arguments.of("body is an array", "[]", "body"),
                Arguments.of("null body", "null", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldErrors")
    void shapeViolationsAre400WithTheFieldNamed(String what, String body, String field) {
        post(body).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("errors.field", hasItem(field));
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("truncated", "{\"claimId\":"),
                Arguments.of("not json", "claimId=1"),
                Arguments.of("trailing garbage", VALID + " x"),
                Arguments.of("duplicate keys", VALID.replace("{\"claimId\":\"CLM-BAD\",", "{\"claimId\":\"CLM-BAD\",\"claimId\":\"OTHER\",")),
                Arguments.of("deep nesting", "{\"context\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
                Arguments.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void unreadableBodiesAre400(String what, String body) {
        post(body).statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void bodiesOverOneMebibyteAre413() {
        String huge = VALID.replace("CLM-BAD", "x".repeat(1_100_000));
        post(huge).statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("detail", containsString("1 MiB"));
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        given().header("Authorization", Tokens.validator("tenant-bad-input")).contentType(ContentType.TEXT).body(VALID)
                .when().post("/v1/claims/validate").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void unknownPathsAre404ProblemsAndWrongMethodsAre405() {
        given().header("Authorization", Tokens.validator("t")).when().get("/v1/nothing-here").then()
                .statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.validator("t")).when().get("/v1/claims/validate").then()
                .statusCode(405).contentType("application/problem+json");
    }

    @Test
    void aPersistFlagThatIsNotTrueOrFalseIs400RatherThanASilentFalse() {
        given().header("Authorization", Tokens.validator("t")).contentType(ContentType.JSON).body(VALID)
                .when().post("/v1/claims/validate?persist=ture").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("persist"));
    }
}

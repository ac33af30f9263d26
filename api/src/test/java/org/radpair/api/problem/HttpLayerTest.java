package org.radpair.api.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * What the HTTP layer answers itself (issue 14, items 3, 4, 9, 10): every 4xx as problem+json, however the
 * body is framed; NUL refused in every string with the field named; plain messages; no caching of claim data.
 */
@QuarkusTest
class HttpLayerTest {

    private static final String TENANT = "tenant-http-layer";
    private static final String VALID = Claims.claim("CLM-HTTP", "MRN-1", "2026-03-02", "70450", "R51.9");

    @TestHTTPResource("/v1/claims/validate?persist=false")
    URL validate;

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A body without Content-Length: the client sends it chunked. */
    private HttpResponse<String> chunked(byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(validate.toURI())
                .header("Authorization", Tokens.validator(TENANT)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    }

    @Test
    void aChunkedClaimOverOneMebibyteIs413ProblemJson() throws Exception {
        String huge = VALID.replace("\"ruleOut\":false", "\"ruleOut\":false,\"pad\":\"" + "x".repeat(2 << 20) + "\"");
        HttpResponse<String> response = chunked(huge.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":413").contains("1 MiB");
    }

    @Test
    void aSmallChunkedClaimIsRead() throws Exception {
        HttpResponse<String> response = chunked(VALID.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"verdict\"");
    }

    @Test
    void anOverlongUriIs414ProblemJson() {
        given().header("Authorization", Tokens.auditor(TENANT)).when().get("/v1/audit/claims?payer=" + "a".repeat(5000))
                .then().statusCode(414).contentType("application/problem+json").body("status", equalTo(414));
    }

    @Test
    void overlargeHeadersAre431ProblemJson() {
        given().header("Authorization", Tokens.auditor(TENANT)).header("X-Padding", "p".repeat(24_000))
                .when().get("/v1/audit/claims").then()
                .statusCode(431).contentType("application/problem+json").body("status", equalTo(431));
    }

    @ParameterizedTest
    @ValueSource(strings = {"payer", "cpt", "rule", "from", "verdict"})
    void aNulInAQueryParameterIs400NamingIt(String parameter) {
        given().header("Authorization", Tokens.auditor(TENANT)).urlEncodingEnabled(false)
                .when().get("/v1/audit/claims?" + parameter + "=a%00b").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(parameter));
    }

    @Test
    void aNulInACsvExportIs400BeforeAnyRow() {
        given().header("Authorization", Tokens.auditor(TENANT)).accept("text/csv").urlEncodingEnabled(false)
                .when().get("/v1/audit/claims?cpt=%00").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cpt"));
    }

    @Test
    void aNulInAPathParameterIs400NamingIt() {
        given().header("Authorization", Tokens.auditor(TENANT)).urlEncodingEnabled(false)
                .when().get("/v1/audit/claims/a%00b").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("claimId"));
        given().header("Authorization", Tokens.auditor(TENANT)).urlEncodingEnabled(false)
                .when().get("/v1/audit/patients/MRN%001/claims").then()
                .statusCode(400).body("errors[0].field", equalTo("patientId"));
    }

    private static ValidatableResponse post(String body) {
        return given().header("Authorization", Tokens.validator(TENANT)).contentType(ContentType.JSON)
                .body(body).when().post("/v1/claims/validate?persist=false").then();
    }

    @Test
    void aNulInAnyBodyStringIs400NamingTheField() {
        post(VALID.replace("MEDICARE-JL", "MEDI\\u0000CARE")).statusCode(400)
                .body("errors[0].field", equalTo("payer.id")).body("errors[0].message", containsString("NUL"));
        post(VALID.replace("\"R51.9\"", "\"R51\\u0000\"")).statusCode(400)
                .body("errors[0].field", equalTo("diagnoses[0]"));
    }

    @Test
    void aNulInAPatchReasonIs400NamingTheField() {
        given().header("Authorization", Tokens.bearer(TENANT, "audit:read", "findings:write")).contentType(ContentType.JSON)
                .body("{\"status\":\"CLOSED\",\"reason\":\"no\\u0000follow-up\"}")
                .when().patch("/v1/audit/findings/" + java.util.UUID.randomUUID()).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
    }

    @Test
    void errorBodiesCarryNoFrameworkInternals() {
        String longNumber = VALID.replace("\"units\":1", "\"units\":" + "9".repeat(1200));
        post(longNumber).statusCode(400).body(not(containsString("StreamReadConstraints")))
                .body(not(containsString("`")));
        given().header("Authorization", Tokens.validator(TENANT)).contentType("application/xml").body("<claim/>")
                .when().post("/v1/claims/validate").then().statusCode(415).body(not(containsString("@")));
        given().header("Authorization", Tokens.validator(TENANT)).contentType(ContentType.JSON).accept("image/png")
                .body(VALID).when().post("/v1/claims/validate?persist=false").then().statusCode(406)
                .body(not(containsString("@")));
        given().header("Authorization", Tokens.validator(TENANT)).contentType("application/edi-x12")
                .body("STX=ANA:1+SENDER+RECEIVER+070315:130233+REF'".getBytes(StandardCharsets.UTF_8)).when().post("/v1/x12/837p").then()
                .statusCode(400).body(not(containsString("EDIE"))).body(not(containsString("TRADACOMS")));
    }

    @Test
    void claimAndAuditResponsesAreNotCachedNorSniffed() {
        post(VALID).statusCode(200).header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().header("Authorization", Tokens.auditor(TENANT)).when().get("/v1/audit/claims").then().statusCode(200)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().header("Authorization", Tokens.auditor(TENANT)).accept("text/csv").when().get("/v1/audit/claims").then()
                .statusCode(200).header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().when().get("/v1/audit/claims").then().statusCode(401).header("Cache-Control", "no-store");
    }
}

package org.radpair.api.x12;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;
import org.radpair.api.x12.X12Fixtures.TestClaim;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class X12EndpointTest {

    private static ValidatableResponse post(String tenant, String x12, String query) {
        return given().header("Authorization", Tokens.validator(tenant)).contentType("application/edi-x12").body(x12.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/v1/x12/837p" + query).then();
    }

    @Test
    void oneClaimIsMappedCheckedAndRecorded() {
        String tenant = Claims.tenant();
        String claimId = Claims.uniqueId("X12");
        post(tenant, X12Fixtures.interchange(List.of(TestClaim.of(claimId, "20260302", List.of("Z1231"), "77067:26|1|1"))), "")
                .statusCode(200)
                .body("interchangeControlNumber", equalTo("000000905"))
                .body("claims", hasSize(1))
                .body("claims[0].claimId", equalTo(claimId))
                .body("claims[0].verdict", equalTo("PASS"))
                .body("claims[0].lines[0].primaryDiagnosis", equalTo("Z12.31"))
                .body("claims[0].auditId", notNullValue());
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/claims/" + claimId).then()
                .statusCode(200).body("versions[0].payer.type", equalTo("MEDICARE"))
                .body("versions[0].dateOfService", equalTo("2026-03-02"));
    }

    @Test
    void manyClaimsComeBackInOrderEachWithItsOwnResult() {
        List<TestClaim> claims = List.of(
                TestClaim.of("X-A", "20260302", List.of("R519"), "70450:26|1|1"),
                TestClaim.of("X-B", "20260302", List.of("M545"), "72148:26|1|1"),
                new TestClaim("X-C", "MRN9", "19700101", "M", "CI", "20260302", List.of("R079"), List.of("71046:26|1|1"), true));
        post(Claims.tenant(), X12Fixtures.interchange(claims), "?persist=false").statusCode(200)
                .body("claims.claimId", contains("X-A", "X-B", "X-C"))
                .body("claims.verdict", contains("PASS", "FAIL", "PASS"))
                .body("claims[1].edits.rule", hasItem("ICD-003"))
                .body("claims[0].auditId", nullValue());
    }

    @Test
    void manyServiceLinesAndTwelveDiagnoses() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add("7104" + (5 + i % 4) + ":26|1|" + (1 + i % 12));
        }
        List<String> twelve = List.of("R05", "R0602", "R079", "R509", "R918", "J189", "J449", "I10", "E119", "R0600",
                "R0609", "R0689");
        TestClaim claim = new TestClaim("X-MANY", "MRN1", "19610402", "F", "MB", "20260302", twelve, lines, true);
        post(Claims.tenant(), X12Fixtures.interchange(List.of(claim)), "?persist=false").statusCode(200)
                .body("claims[0].lines", hasSize(20))
                .body("claims[0].lines[11].primaryDiagnosis", equalTo("R06.89"))
                .body("claims[0].lines[0].primaryDiagnosis", equalTo("R05"));
    }

    @Test
    void modifiersAndLateralityAreRead() {
        TestClaim knee = TestClaim.of("X-KNEE", "20260302", List.of("M25562"), "73721:RT|1|1");
        post(Claims.tenant(), X12Fixtures.interchange(List.of(knee)), "?persist=false").statusCode(200)
                .body("claims[0].edits.rule", hasItem("MOD-005"));
    }

    @Test
    void thePlaceOfServiceIsReadFromClm05() {
        TestClaim global = TestClaim.of("X-POS", "20260302", List.of("R519"), "70450|1|1");
        // An outpatient hospital bills the technical part itself: a global line on the physician's claim is MOD-011.
        post(Claims.tenant(), X12Fixtures.interchangeAt("22", List.of(global)), "?persist=false").statusCode(200)
                .body("claims[0].edits.rule", hasItem("MOD-011"));
        post(Claims.tenant(), X12Fixtures.interchangeAt("11", List.of(global)), "?persist=false").statusCode(200)
                .body("claims[0].edits.rule", not(hasItem("MOD-011")));
    }

    @Test
    void theInterchangesOwnDelimitersAreHonoured() {
        TestClaim claim = TestClaim.of("X-DELIM", "20260302", List.of("R519", "G43909"), "70450:26|1|1:2");
        // R51.9 beside G43.909 (integral symptom) proves both diagnoses and both pointers were read.
        post(Claims.tenant(), X12Fixtures.interchange(List.of(claim), '|', '>', '`', "!"), "?persist=false").statusCode(200)
                .body("claims[0].edits.rule", contains("SYM-001"))
                .body("claims[0].lines[0].primaryDiagnosis", equalTo("R51.9"));
    }

    @Test
    void anIncompleteClaimGetsItsOwnEditsAndTheOthersGoOn() {
        TestClaim noDate = new TestClaim("X-NODATE", "MRN1", "19610402", "F", "MB", "20260302", List.of("R519"),
                List.of("70450:26|1|1"), false);
        TestClaim fine = TestClaim.of("X-FINE", "20260302", List.of("R519"), "70450:26|1|1");
        post(Claims.tenant(), X12Fixtures.interchange(List.of(noDate, fine)), "?persist=false").statusCode(200)
                .body("claims.claimId", contains("X-NODATE", "X-FINE"))
                .body("claims[0].verdict", equalTo("FAIL"))
                .body("claims[0].edits[0].rule", equalTo("X12-001"))
                .body("claims[0].edits[0].category", equalTo("CLAIM_STRUCTURE"))
                .body("claims[0].edits[0].message", containsString("DTP*472"))
                .body("claims[1].verdict", equalTo("PASS"));
    }

    @Test
    void aTruncatedInterchangeIs400NamingTheSegment() {
        String x12 = X12Fixtures.interchange(List.of(TestClaim.of("X-T", "20260302", List.of("R519"), "70450:26|1|1")));
        post(Claims.tenant(), x12.substring(0, x12.length() * 2 / 3), "").statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("invalid-x12"))
                .body("errors[0].field", containsString("segment"));
    }

    @Test
    void garbageAndEmptyBodiesAre400() {
        post(Claims.tenant(), "this is not an interchange", "").statusCode(400).contentType("application/problem+json");
        post(Claims.tenant(), "ISA*00*", "").statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Tokens.validator("t")).contentType("application/edi-x12").body(new byte[0])
                .when().post("/v1/x12/837p").then().statusCode(400);
        given().header("Authorization", Tokens.validator("t")).contentType("application/json").body("{}")
                .when().post("/v1/x12/837p").then().statusCode(415);
        given().contentType("application/edi-x12").body("ISA".getBytes()).when().post("/v1/x12/837p").then().statusCode(401);
    }

    private static final List<TestClaim> ACK_CLAIMS = List.of(
            TestClaim.of("X277-PASS", "20260302", List.of("R519"), "70450:26|1|1"),
            TestClaim.of("X277-FAIL", "20260302", List.of("M545"), "72148:26|1|1"),
            new TestClaim("X277-NODATE", "MRN5", "19700101", "M", "CI", "20260302", List.of("R519"), List.of("70450:26|1|1"), false));

    private static io.restassured.response.ExtractableResponse<io.restassured.response.Response> acknowledged(String tenant,
            String x12, String query) {
        return given().header("Authorization", Tokens.validator(tenant)).contentType("application/edi-x12")
                .accept("application/edi-x12").body(x12.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/v1/x12/837p" + query).then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.not(containsString("qs="))).contentType("application/edi-x12")
                .extract();
    }

    @Test
    void anEdiAcceptIsAnswered277caWithEveryClaimsStatus() {
        String tenant = Claims.tenant();
        String pass = Claims.uniqueId("X277");
        List<TestClaim> claims = List.of(TestClaim.of(pass, "20260302", List.of("R519"), "70450:26|1|1"), ACK_CLAIMS.get(1),
                ACK_CLAIMS.get(2));
        byte[] body = acknowledged(tenant, X12Fixtures.interchange(claims), "").asByteArray();

        java.util.Map<String, Acknowledgments.ClaimAck> acks = Acknowledgments.claims(Acknowledgments.read(body));
        org.assertj.core.api.Assertions.assertThat(acks.keySet()).containsExactly(pass, "X277-FAIL", "X277-NODATE");
        org.assertj.core.api.Assertions.assertThat(acks.get(pass).statuses()).containsExactly("A2:20");
        org.assertj.core.api.Assertions.assertThat(acks.get("X277-FAIL").statuses()).containsExactly("A7:255");
        org.assertj.core.api.Assertions.assertThat(acks.get("X277-FAIL").message()).contains("ICD-003");
        org.assertj.core.api.Assertions.assertThat(acks.get("X277-NODATE").statuses()).containsExactly("A6:187");
        // Stored claims carry their audit id as the intermediary's claim number; it reads back from the audit.
        String auditId = acks.get(pass).auditId();
        org.assertj.core.api.Assertions.assertThat(auditId).isNotBlank();
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/claims/" + pass).then()
                .statusCode(200).body("versions[0].auditId", equalTo(auditId));
    }

    @Test
    void eachAcknowledgmentHasItsOwnControlNumber() {
        String x12 = X12Fixtures.interchange(ACK_CLAIMS.subList(0, 1));
        String first = Acknowledgments.read(acknowledged(Claims.tenant(), x12, "?persist=false").asByteArray()).get(0).element(13);
        String second = Acknowledgments.read(acknowledged(Claims.tenant(), x12, "?persist=false").asByteArray()).get(0).element(13);
        org.assertj.core.api.Assertions.assertThat(first).matches("[0-9]{9}").isNotEqualTo(second);
    }

    @Test
    void jsonIsUnchangedForJsonOrNoAccept() {
        String x12 = X12Fixtures.interchange(ACK_CLAIMS);
        for (String accept : new String[] {"application/json", "*/*", null}) {
            io.restassured.specification.RequestSpecification request = given()
                    .header("Authorization", Tokens.validator(Claims.tenant())).contentType("application/edi-x12")
                    .body(x12.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (accept != null) {
                request = request.accept(accept);
            }
            request.when().post("/v1/x12/837p?persist=false").then().statusCode(200).contentType("application/json")
                    .body("interchangeControlNumber", equalTo("000000905"))
                    .body("claims.claimId", contains("X277-PASS", "X277-FAIL", "X277-NODATE"))
                    .body("claims.verdict", contains("PASS", "FAIL", "FAIL"));
        }
    }

    @Test
    void badX12AndUnservableAcceptsAreProblems() {
        given().header("Authorization", Tokens.validator(Claims.tenant())).contentType("application/edi-x12")
                .accept("application/edi-x12").body("this is not an interchange".getBytes()).when().post("/v1/x12/837p")
                .then().statusCode(400).contentType("application/problem+json").body("type", containsString("invalid-x12"));
        given().header("Authorization", Tokens.validator(Claims.tenant())).contentType("application/edi-x12")
                .accept("text/html").body(X12Fixtures.interchange(ACK_CLAIMS).getBytes()).when().post("/v1/x12/837p")
                .then().statusCode(406).contentType("application/problem+json");
        given().header("Authorization", Tokens.validator(Claims.tenant())).contentType("application/json")
                .accept("application/edi-x12").body("{}").when().post("/v1/x12/837p")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentOffersBothAnswers() {
        given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/x12/837p'.post.responses.'200'.content", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.hasKey("application/json"), org.hamcrest.Matchers.hasKey("application/edi-x12")));
    }
}

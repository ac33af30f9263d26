package org.radpair.api.claims;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class BatchEndpointTest {

    private static List<JsonPath> post(String tenant, String body, String query) {
        String answer = given().header("Authorization", Tokens.validator(tenant)).contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/v1/claims/validate-batch" + query).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/x-ndjson"))
                .extract().asString();
        return answer.lines().map(JsonPath::new).toList();
    }

    private static String oneLine(String json) {
        return json.replace("\n", " ");
    }

    @Test
    void oneAnswerPerLineInOrderAndBadLinesDoNotStopTheOthers() {
        String tenant = Claims.tenant();
        String good1 = oneLine(Claims.claim(Claims.uniqueId("B"), "MRN-1", "2026-03-02", "70450", "R51.9"));
        String good2 = oneLine(Claims.claim(Claims.uniqueId("B"), "MRN-2", "2026-03-02", "72148", "R51.9"));
        String shape = oneLine(Claims.claim(Claims.uniqueId("B"), "MRN-3", "2026-03-02", "70450", "R51.9")
                .replace("\"units\":1", "\"units\":0"));
        List<JsonPath> answers = post(tenant, good1 + "\n{not json\n\n" + shape + "\n" + good2 + "\n", "");
        assertThat(answers).hasSize(4);
        assertThat(answers.get(0).getString("verdict")).isEqualTo("PASS");
        assertThat(answers.get(0).getString("auditId")).isNotNull();
        assertThat(answers.get(1).getInt("index")).isEqualTo(1);
        assertThat(answers.get(1).getInt("problem.status")).isEqualTo(400);
        assertThat(answers.get(2).getInt("index")).isEqualTo(2);
        assertThat(answers.get(2).getList("problem.errors.field")).contains("lines[0].units");
        assertThat(answers.get(3).getString("verdict")).isEqualTo("FAIL");
        assertThat(answers.get(3).getList("edits.rule")).contains("MED-001");
    }

    @Test
    void persistFalseStoresNothing() {
        String tenant = Claims.tenant();
        String claimId = Claims.uniqueId("B");
        List<JsonPath> answers = post(tenant, oneLine(Claims.claim(claimId, "MRN-1", "2026-03-02", "70450", "R51.9")),
                "?persist=false");
        assertThat(answers.get(0).getString("auditId")).isNull();
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/claims/" + claimId).then().statusCode(404);
    }

    @Test
    void moreThanTenThousandLinesStopAtTheLimit() {
        String body = "x\n".repeat(BatchValidation.MAX_CLAIMS + 5);
        List<JsonPath> answers = post(Claims.tenant(), body, "?persist=false");
        assertThat(answers).hasSize(BatchValidation.MAX_CLAIMS + 1);
        assertThat(answers.get(BatchValidation.MAX_CLAIMS).getInt("problem.status")).isEqualTo(413);
        assertThat(answers.get(0).getInt("problem.status")).isEqualTo(400);
    }

    @Test
    void anEmptyBatchAnswersNothingAndTheBatchNeedsTheRole() {
        assertThat(post(Claims.tenant(), "", "")).isEmpty();
        given().header("Authorization", Tokens.auditor("t")).contentType("application/x-ndjson").body("{}".getBytes())
                .when().post("/v1/claims/validate-batch").then().statusCode(403);
    }
}

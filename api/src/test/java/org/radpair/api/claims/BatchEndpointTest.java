package org.radpair.api.claims;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

@QuarkusTest
class BatchEndpointTest {

    private static List<JsonPath> post(String tenant, String body, String query) {
        String answer = given().header("Authorization", Tokens.validator(tenant)).contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/v1/claims/validate-batch" + query).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/x-ndjson"))
                .extract().asString();
        return answer.lines().map(JsonPath::new).toList();
    }

    /** One NDJSON line: a study read by the radiologist (modifier 26) for a headache (R51.9). */
    private static String line(String claimId, String patient, String cpt, int units) {
        return Claims.claim().id(claimId).patient(patient).diagnoses("R51.9")
                .line(Claims.line(cpt).modifiers("26").units(units).pointers(1)).toJson();
    }

    private static String line(String patient, String cpt) {
        return line(Claims.uniqueId("B"), patient, cpt, 1);
    }

    @Test
    void oneAnswerPerLineInOrderAndBadLinesDoNotStopTheOthers() {
        String tenant = Claims.tenant();
        String good1 = line("MRN-1", "70450");
        String good2 = line("MRN-2", "72148");
        String shape = line(Claims.uniqueId("B"), "MRN-3", "70450", 0);
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
        List<JsonPath> answers = post(tenant, line(claimId, "MRN-1", "70450", 1), "?persist=false");
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

    @TestHTTPResource("/v1/claims/validate-batch?persist=false")
    URL batchUrl;

    @Test
    void theFirstAnswerComesBackBeforeTheBodyEnds() throws Exception {
        String tenant = Claims.tenant();
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient();
            HttpClientRequest request = client.request(new RequestOptions().setMethod(HttpMethod.POST)
                            .setAbsoluteURI(batchUrl.toString())
                            .putHeader("Authorization", Tokens.validator(tenant))
                            .putHeader("Content-Type", "application/x-ndjson"))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            request.setChunked(true);
            CompletableFuture<String> firstAnswer = new CompletableFuture<>();
            StringBuilder received = new StringBuilder();
            CompletableFuture<String> allAnswers = new CompletableFuture<>();
            request.response().onSuccess(response -> {
                response.handler(chunk -> {
                    received.append(chunk.toString(StandardCharsets.UTF_8));
                    if (received.indexOf("\n") >= 0) {
                        firstAnswer.complete(received.substring(0, received.indexOf("\n")));
                    }
                });
                response.endHandler(end -> allAnswers.complete(received.toString()));
            }).onFailure(allAnswers::completeExceptionally);
            request.write(line("MRN-1", "70450") + "\n");
            // The body is still open: this answer can only come from a server that reads line by line.
            assertThat(JsonPath.from(firstAnswer.get(20, TimeUnit.SECONDS)).getString("verdict")).isEqualTo("PASS");
            request.end(line("MRN-2", "72148") + "\n");
            List<String> answers = allAnswers.get(20, TimeUnit.SECONDS).lines().toList();
            assertThat(answers).hasSize(2);
            assertThat(JsonPath.from(answers.get(1)).getString("verdict")).isEqualTo("FAIL");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLineLongerThanOneMebibyteEndsTheBatchWithAProblem() {
        String tenant = Claims.tenant();
        String good = line("MRN-1", "70450");
        String huge = Claims.claim().id("x".repeat(BatchValidation.MAX_LINE_BYTES + 10)).toJson();
        List<JsonPath> answers = post(tenant, good + "\n" + huge + "\n" + good + "\n", "?persist=false");
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).getString("verdict")).isEqualTo("PASS");
        assertThat(answers.get(1).getInt("index")).isEqualTo(1);
        assertThat(answers.get(1).getInt("problem.status")).isEqualTo(413);
    }
}

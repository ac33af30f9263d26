package org.radpair.api.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The service's reactive connections point at a port where no PostgreSQL listens (migrations still run
 * on the real one): recording answers 503 with Retry-After, never 500; what-if checks keep working;
 * readiness is DOWN.
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.Unreachable.class)
class DatabaseDownTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/postgres",
                    "quarkus.hibernate-orm.schema-management.strategy", "none");
        }
    }

    @Test
    void recordingIs503WithRetryAfterAndWhatIfChecksStillWork() {
        String tenant = Claims.tenant();
        given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON)
                .body(Claims.screeningMammogram(Claims.uniqueId("DOWN"))).when().post("/v1/claims/validate").then()
                .statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503));
        given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON)
                .body(Claims.screeningMammogram(Claims.uniqueId("DOWN"))).when().post("/v1/claims/validate?persist=false").then()
                .statusCode(200).body("verdict", equalTo("PASS"));
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/claims").then()
                .statusCode(503).contentType("application/problem+json");
        // A CSV export never answers 200 and then drops: the failure comes before the first byte.
        given().header("Authorization", Tokens.auditor(tenant)).accept("text/csv").when().get("/v1/audit/claims").then()
                .statusCode(503).contentType("application/problem+json");
        given().when().get(ready).then().statusCode(503).body("status", equalTo("DOWN"));
        given().when().get(live).then().statusCode(200);
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/live", management = true)
    java.net.URL live;

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL ready;

    /** A batch during an outage: each line the same 503 and retry delay as a single call, not a 500 line. */
    @Test
    void batchLinesDuringAnOutageAre503WithRetryAfter() {
        String tenant = Claims.tenant();
        String lines = Claims.screeningMammogram(Claims.uniqueId("DOWN")).replace("\n", "") + "\n"
                + Claims.screeningMammogram(Claims.uniqueId("DOWN")).replace("\n", "") + "\n";
        String answers = given().header("Authorization", Tokens.validator(tenant)).contentType("application/x-ndjson")
                .body(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/v1/claims/validate-batch")
                .then().statusCode(200).extract().asString();
        java.util.List<String> answered = answers.lines().filter(line -> !line.isBlank()).toList();
        org.assertj.core.api.Assertions.assertThat(answered).hasSize(2).allSatisfy(line -> org.assertj.core.api.Assertions
                .assertThat(line).contains("\"status\":503").contains("\"retryAfter\":5").doesNotContain("\"status\":500"));
    }
}

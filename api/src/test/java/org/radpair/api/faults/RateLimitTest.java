package org.radpair.api.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** One tenant over its rate gets 429 problem+json with Retry-After; another tenant is not affected. */
@QuarkusTest
@TestProfile(RateLimitTest.TwoPerSecond.class)
class RateLimitTest {

    public static class TwoPerSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("radpair.rate-limit.requests-per-second", "2",
                    "radpair.rate-limit.patient-lookups-per-second", "0.5");
        }
    }

    private static Response validate(String tenant) {
        return given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON)
                .body(Claims.screeningMammogram(Claims.uniqueId("RL"))).when().post("/v1/claims/validate?persist=false");
    }

    @Test
    void aTenantOverItsRateIsToldToWaitAndOthersAreNot() {
        String noisy = Claims.tenant();
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 12; i++) {
            Response response = validate(noisy);
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                limited = response;
            }
        }
        assertThat(statuses).contains(200, 429);
        assertThat(statuses.subList(0, 4)).containsOnly(200);
        assertThat(limited).isNotNull();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.jsonPath().getInt("status")).isEqualTo(429);
        assertThat(validate(Claims.tenant()).statusCode()).isEqualTo(200);
    }

    /** Patient look-ups have their own, lower rate (0.5/s here: one at once, then one per two seconds). */
    @Test
    void patientLookUpsHaveTheirOwnLowerRate() {
        String tenant = Claims.tenant();
        Response first = given().header("Authorization", Tokens.auditor(tenant)).when()
                .get("/v1/audit/patients/" + Claims.uniqueId("MRN") + "/claims");
        Response second = given().header("Authorization", Tokens.auditor(tenant)).when()
                .get("/v1/audit/patients/" + Claims.uniqueId("MRN") + "/claims");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.header("Retry-After")).isNotBlank();
        assertThat(second.jsonPath().getString("detail")).contains("patient look-ups");
        // The general rate is untouched: the same tenant may still list its claims.
        assertThat(given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/claims").statusCode())
                .isEqualTo(200);
    }

    /** A what-if naming a finding is a look-up that leaves no trace; a recorded follow-up claim is ordinary traffic. */
    @Test
    void onlyWhatIfClaimsNamingAFindingCountAsPatientLookUps() {
        String tenant = Claims.tenant();
        java.util.function.BiFunction<String, String, Response> followUp = (claimId, query) -> given()
                .header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON)
                .body(Claims.claim(claimId, Claims.uniqueId("MRN"), "2026-03-02", "71250", "R91.1")
                        .replace("\"followUpOf\":null", "\"followUpOf\":\"CLM-EARLIER\""))
                .when().post("/v1/claims/validate" + query);
        assertThat(followUp.apply(Claims.uniqueId("FU"), "").statusCode()).isEqualTo(200);
        assertThat(followUp.apply(Claims.uniqueId("FU"), "").statusCode()).isEqualTo(200);
        assertThat(followUp.apply(Claims.uniqueId("FU"), "?persist=false").statusCode()).isEqualTo(200);
        Response probe = followUp.apply(Claims.uniqueId("FU"), "?persist=false");
        assertThat(probe.statusCode()).isEqualTo(429);
        assertThat(probe.jsonPath().getString("detail")).contains("patient look-ups");
    }
}

package org.radpair.api.security;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;

/** With an audience configured (MP_JWT_VERIFY_AUDIENCES), a token for another audience, or for none, is 401. */
@QuarkusTest
@TestProfile(AudienceTest.RadpairAudience.class)
class AudienceTest {

    public static class RadpairAudience implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.audiences", "radpair-api");
        }
    }

    private static ValidatableResponse validate(String authorization) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON)
                .body(Claims.screeningMammogram("CLM-AUD")).when().post("/v1/claims/validate?persist=false").then();
    }

    private static String token(String audience) {
        var builder = Jwt.issuer(Tokens.ISSUER).subject("test-user").upn("test-user").groups(Set.of("claims:validate"))
                .claim("tenant", "t");
        if (audience != null) {
            builder.audience(audience);
        }
        return "Bearer " + builder.sign();
    }

    @Test
    void onlyTokensForTheConfiguredAudienceGetThrough() {
        validate(token("radpair-api")).statusCode(200);
        validate(token("another-api")).statusCode(401).contentType("application/problem+json");
        validate(token(null)).statusCode(401).contentType("application/problem+json");
    }
}

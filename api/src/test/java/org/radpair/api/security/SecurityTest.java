package org.radpair.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class SecurityTest {

    private static final String BODY = Claims.screeningMammogram("CLM-SEC");

    private static ValidatableResponse validate(String authorization) {
        var request = given().contentType(ContentType.JSON).body(BODY);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.when().post("/v1/claims/validate?persist=false").then();
    }

    private static void unauthenticated(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json").body("status", equalTo(401))
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void noTokenIs401() {
        unauthenticated(validate(null));
        unauthenticated(given().when().get("/v1/audit/claims/CLM-1").then());
    }

    @Test
    void invalidTokensAre401() {
        unauthenticated(validate("Bearer not-a-jwt"));
        unauthenticated(validate("Basic dXNlcjpwYXNz"));
        unauthenticated(validate(Tokens.signedByAnotherKey("t", "claims:validate")));
        unauthenticated(validate(Tokens.expired("t", "claims:validate")));
        unauthenticated(validate(Tokens.fromIssuer("https://evil.example", "t", "claims:validate")));
    }

    @Test
    void aValidTokenWithoutTheRoleIs403() {
        validate(Tokens.auditor("t")).statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.validator("t")).when().get("/v1/audit/claims/CLM-1").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aTokenWithoutTenantIs403() {
        validate(Tokens.withoutTenant("claims:validate")).statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.withoutTenant("audit:read")).when().get("/v1/audit/claims/CLM-1").then()
                .statusCode(403);
    }

    @Test
    void theRightRoleAndATenantGetThrough() {
        validate(Tokens.validator("t")).statusCode(200).body("verdict", equalTo("PASS"));
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/live", management = true)
    java.net.URL live;

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL ready;

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    /** On the management interface (its own port, not to be exposed publicly): no token. */
    @Test
    void operationsEndpointsNeedNoToken() {
        given().when().get(live).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/v1/claims/validate"));
        given().when().get("/q/swagger-ui").then().statusCode(200);
        given().when().get(metrics).then().statusCode(200);
    }
}

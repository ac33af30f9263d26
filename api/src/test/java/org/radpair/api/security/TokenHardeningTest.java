package org.radpair.api.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
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
import io.smallrye.jwt.build.Jwt;

/** Token times (issued in the future, lifetime too long) and the tenant claim's exact form (issue 14, items 7, 8). */
@QuarkusTest
class TokenHardeningTest {

    private static ValidatableResponse validate(String authorization) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON)
                .body(Claims.screeningMammogram("CLM-TOKEN")).when().post("/v1/claims/validate?persist=false").then();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String token(Object tenant, long issuedAt, long expiresAt) {
        var builder = Jwt.issuer(Tokens.ISSUER).subject("test-user").upn("test-user").groups(Set.of("claims:validate"))
                .issuedAt(issuedAt).expiresAt(expiresAt);
        if (tenant != null) {
            builder.claim("tenant", tenant);
        }
        return "Bearer " + builder.sign();
    }

    @Test
    void aTokenIssuedADayAheadIs401() {
        long tomorrow = now() + 86_400;
        validate(token("t", tomorrow, tomorrow + 300)).statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenIssuedWithinTheClockSkewIsAccepted() {
        validate(token("t", now() + 20, now() + 600)).statusCode(200);
    }

    @Test
    void aTokenValidForTenYearsIs401() {
        validate(token("t", now(), now() + 10L * 365 * 86_400)).statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenValidForTwelveHoursIsAccepted() {
        validate(token("t", now(), now() + 12 * 3600)).statusCode(200);
    }

    static Stream<Arguments> tenantsThatAreNotTenants() {
        return Stream.of(
                Arguments.of("an array", List.of("tenant-a", "tenant-b")),
                Arguments.of("an object", Map.of("id", "tenant-a")),
                Arguments.of("a number", 42),
                Arguments.of("a boolean", true),
                Arguments.of("a padded string", "  tenant-a  "),
                Arguments.of("a blank string", " "),
                Arguments.of("an empty string", ""),
                Arguments.of("a string with a newline", "tenant-a\n"),
                Arguments.of("a string with a slash", "tenant/a"),
                Arguments.of("a string starting with a dot", ".tenant"),
                Arguments.of("65 characters", "t".repeat(65)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tenantsThatAreNotTenants")
    void aTenantClaimThatIsNotAnExactTenantIs403(String what, Object tenant) {
        validate(token(tenant, now(), now() + 300)).statusCode(403).contentType("application/problem+json");
    }

    @Test
    void tenantsOfThePatternAreAccepted() {
        validate(token("tenant-a", now(), now() + 300)).statusCode(200);
        validate(token("A.b_c-9", now(), now() + 300)).statusCode(200);
        validate(token("t".repeat(64), now(), now() + 300)).statusCode(200);
    }

    @Test
    void theTenantPatternIsMatchedExactly() {
        assertThat(Caller.tenantOf("tenant-a")).isEqualTo("tenant-a");
        assertThat(Caller.tenantOf(" tenant-a")).isNull();
        assertThat(Caller.tenantOf("TENANT-A")).isEqualTo("TENANT-A");
        assertThat(Caller.tenantOf(List.of("tenant-a"))).isNull();
        assertThat(Caller.tenantOf(null)).isNull();
    }

    /** Verified tokens are remembered (VerifiedTokens): a token's body under another signature must still be refused. */
    @Test
    void aRememberedTokenLendsNothingToTheSameClaimsSignedByAnotherKey() {
        String good = Tokens.validator("cache-t");
        validate(good).statusCode(200);
        validate(good).statusCode(200);
        String[] parts = good.substring("Bearer ".length()).split("\\.");
        String[] forged = Tokens.signedByAnotherKey("cache-t", "claims:validate").substring("Bearer ".length()).split("\\.");
        validate("Bearer " + parts[0] + "." + parts[1] + "." + forged[2]).statusCode(401).contentType("application/problem+json");
        validate("Bearer " + parts[0] + "." + parts[1] + ".").statusCode(401);
        validate(good).statusCode(200);
    }

    @jakarta.inject.Inject
    io.smallrye.jwt.auth.principal.JWTParser parser;

    /** The parser the authentication uses is decorated: a token parsed twice is verified once. */
    @Test
    void theParserRemembersAVerifiedToken() throws Exception {
        String token = Tokens.validator("cache-t").substring("Bearer ".length());
        assertThat(parser.parse(token)).isSameAs(parser.parse(token));
    }
}

package org.radpair.api.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/**
 * The production sign-in: the authorization code flow against an OpenID Connect provider (WireMock, in
 * process), roles from the ID token's {@code groups}, the tenant from its {@code tenant} claim, session
 * cookies HttpOnly, Secure and SameSite, and sign-out. The development sign-in is off, as in production.
 */
@QuarkusTest
@TestProfile(ConsoleOidcTest.WithProvider.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleOidcTest {

    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("radpair.console.oidc.auth-server-url", "${keycloak.url}/realms/quarkus",
                    "radpair.console.oidc.client-id", "radpair-console",
                    "radpair.console.oidc.client-secret", "a-client-secret-of-the-console-0123456789",
                    "radpair.console.dev-sign-in", "false");
        }
    }

    @OidcWireMock
    WireMockServer provider;

    /** The provider answers the code with an ID token for a billing manager of {@code tenant}. */
    private void providerSignsIn(String tenant, Set<String> groups) {
        Map<String, String> claims = tenant == null ? Map.of() : Map.of("tenant", tenant);
        String idToken = OidcWiremockTestResource.generateJwtToken("carol", groups, "sub-carol", "ID",
                Set.of("radpair-console"), claims);
        provider.stubFor(post("/auth/realms/quarkus/token").atPriority(1).withRequestBody(containing("authorization_code"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":300,"id_token":"%s"}"""
                        .formatted(OidcWiremockTestResource.getAccessToken("carol", groups), idToken))));
    }

    /** Follows the code flow by hand, as a browser would; returns the session cookie's Set-Cookie header. */
    private static String codeFlow() {
        Response challenge = given().redirects().follow(false).get("/console/sign-in/oidc");
        assertThat(challenge.statusCode()).as(challenge.asString()).isEqualTo(302);
        URI authorize = URI.create(challenge.header("Location"));
        assertThat(authorize.getPath()).isEqualTo("/auth/realms/quarkus");
        assertThat(authorize.getQuery()).contains("response_type=code").contains("client_id=radpair-console")
                .contains("code_challenge=").containsPattern("redirect_uri=http(%3A|:)(%2F|/)(%2F|/)localhost(%3A|:)[0-9]+(%2F|/)console(%2F|/)sign-in(%2F|/)oidc");
        String state = List.of(authorize.getQuery().split("&")).stream().filter(p -> p.startsWith("state="))
                .map(p -> p.substring(6)).findFirst().orElseThrow();
        Map<String, String> stateCookies = challenge.getCookies();
        assertThat(stateCookies).isNotEmpty();

        Response back = given().redirects().follow(false).cookies(stateCookies).queryParam("code", "the-code")
                .queryParam("state", state).get("/console/sign-in/oidc");
        assertThat(back.statusCode()).as(back.asString()).isEqualTo(302);
        return back.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("q_session")).findFirst()
                .orElseThrow();
    }

    @Test
    void aBillingManagerSignsInWithTheProviderAndSeesTheirTenant() {
        given().get("/console/sign-in").then().statusCode(200).body(containsString("Sign in with your organisation"))
                .body(org.hamcrest.Matchers.not(containsString("Development sign-in")));
        String tenant = Claims.tenant();
        providerSignsIn(tenant, Set.of("audit:read", "findings:write"));
        String session = codeFlow();
        assertThat(session).containsIgnoringCase("HttpOnly").contains("Secure").contains("SameSite=Lax").contains("Path=/console");
        String cookie = session.substring(0, session.indexOf(';'));
        String name = cookie.substring(0, cookie.indexOf('='));
        String value = cookie.substring(cookie.indexOf('=') + 1);

        given().redirects().follow(false).cookie(name, value).get("/console/dashboard").then().statusCode(200)
                .header("Cache-Control", "no-store").body(containsString(tenant)).body(containsString("may close findings"));

        // Sign-out ends the session.
        String csrf = given().cookie(name, value).get("/console/dashboard").cookie(ConsoleFilter.CSRF_COOKIE);
        Response out = given().redirects().follow(false).cookie(name, value).cookie(ConsoleFilter.CSRF_COOKIE, csrf)
                .formParam("csrf", csrf).post("/console/sign-out");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.getHeaders().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith(name + "=")
                .containsIgnoringCase("max-age=0"));
    }

    @Test
    void anIdTokenWithoutATenantOpensNothing() {
        providerSignsIn(null, Set.of("audit:read"));
        String session = codeFlow();
        String cookie = session.substring(0, session.indexOf(';'));
        given().redirects().follow(false).cookie(cookie.substring(0, cookie.indexOf('=')), cookie.substring(cookie.indexOf('=') + 1))
                .get("/console/dashboard").then().statusCode(403).body(containsString("no tenant"));
    }

    @Test
    void theDevelopmentSignInIsOffWithAProvider() {
        String csrf = given().get("/console/sign-in").cookie(ConsoleFilter.CSRF_COOKIE);
        given().redirects().follow(false).cookie(ConsoleFilter.CSRF_COOKIE, csrf).formParam("csrf", csrf)
                .post("/console/sign-in/dev").then().statusCode(404);
    }
}

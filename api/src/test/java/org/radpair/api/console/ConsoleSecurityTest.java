package org.radpair.api.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The console's rules without a browser: sign-in, CSRF, roles, tenants, caching, and the API left as it was. */
@QuarkusTest
class ConsoleSecurityTest {

    /** A development session: the CSRF token (cookie and field) and the session cookie. */
    record Session(String csrf, String dev) {
    }

    static Session signIn(String tenant, String role) {
        String csrf = given().redirects().follow(false).get("/console/sign-in").then().statusCode(200)
                .extract().cookie(ConsoleFilter.CSRF_COOKIE);
        String dev = given().redirects().follow(false).cookie(ConsoleFilter.CSRF_COOKIE, csrf)
                .formParam("csrf", csrf).formParam("tenant", tenant).formParam("role", role)
                .post("/console/sign-in/dev").then().statusCode(303).extract().cookie(DevSignIn.COOKIE);
        assertThat(dev).isNotBlank();
        return new Session(csrf, dev);
    }

    static io.restassured.specification.RequestSpecification as(Session session) {
        return given().redirects().follow(false).cookie(ConsoleFilter.CSRF_COOKIE, session.csrf())
                .cookie(DevSignIn.COOKIE, session.dev());
    }

    /** Records a claim with an incidental finding through the API; returns the finding's id. */
    static String findingOf(String tenant, String patient) {
        String claim = Claims.claim(Claims.uniqueId("SEC"), patient, LocalDate.now(ZoneOffset.UTC).minusDays(120).toString(),
                "71250", "R05.9", "R91.1").replace("\"incidentalFindings\":[]", "\"incidentalFindings\":[\"R91.1\"]");
        return given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON).body(claim)
                .post("/v1/claims/validate").then().statusCode(200).extract().jsonPath()
                .getString("followUp.openFindings[0].findingId");
    }

    @Test
    void anonymousVisitorsAreSentToTheSignInPage() {
        given().redirects().follow(false).get("/console/dashboard").then().statusCode(303)
                .header("Location", containsString("/console/sign-in"));
        given().redirects().follow(false).get("/console/claims.csv").then().statusCode(303);
        given().get("/console/sign-in").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .cookie(ConsoleFilter.CSRF_COOKIE, not(equalTo("")))
                .body(containsString("Development sign-in"));
    }

    @Test
    void sessionAndCsrfCookiesAreHttpOnlySecureAndSameSite() {
        Response signInPage = given().get("/console/sign-in");
        String csrfCookie = signInPage.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleFilter.CSRF_COOKIE)).findFirst().orElseThrow();
        assertThat(csrfCookie).containsIgnoringCase("HttpOnly").contains("Secure").contains("SameSite=Strict").contains("Path=/console");
        String csrf = signInPage.cookie(ConsoleFilter.CSRF_COOKIE);
        Response signedIn = given().redirects().follow(false).cookie(ConsoleFilter.CSRF_COOKIE, csrf).formParam("csrf", csrf)
                .post("/console/sign-in/dev");
        String session = signedIn.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(DevSignIn.COOKIE)).findFirst().orElseThrow();
        assertThat(session).containsIgnoringCase("HttpOnly").contains("Secure").contains("SameSite=Strict");
    }

    @Test
    void formsWithoutTheCsrfTokenChangeNothing() {
        String tenant = Claims.tenant();
        String finding = findingOf(tenant, "MRN-CSRF-1");
        Session session = signIn(tenant, "manager");
        // Sign-in without the token: no session.
        Response refused = given().redirects().follow(false).formParam("tenant", tenant).post("/console/sign-in/dev");
        assertThat(refused.getCookie(DevSignIn.COOKIE)).isNull();
        // Closing without the token, or with another one: 403, and the finding stays open.
        as(session).formParam("reason", "no token").formParam("confirm", "yes")
                .post("/console/findings/" + finding + "/close").then().statusCode(403);
        as(session).formParam("csrf", "A".repeat(43)).formParam("reason", "wrong token").formParam("confirm", "yes")
                .post("/console/findings/" + finding + "/close").then().statusCode(403);
        given().header("Authorization", Tokens.auditor(tenant)).get("/v1/audit/findings/" + finding).then()
                .body("finding.status", equalTo("OPEN"));
    }

    @Test
    void withoutFindingsWriteTheServerRefusesToCloseAndShowsNoButton() {
        String tenant = Claims.tenant();
        String finding = findingOf(tenant, "MRN-ROLE-1");
        Session viewer = signIn(tenant, "viewer");
        as(viewer).get("/console/findings").then().statusCode(200).body(containsString(finding))
                .body(not(containsString("Close finding")));
        as(viewer).formParam("csrf", viewer.csrf()).formParam("reason", "not mine to close").formParam("confirm", "yes")
                .post("/console/findings/" + finding + "/close").then().statusCode(403);
        given().header("Authorization", Tokens.auditor(tenant)).get("/v1/audit/findings/" + finding).then()
                .body("finding.status", equalTo("OPEN"));

        // Without the confirmation, a billing manager's request closes nothing either.
        Session manager = signIn(tenant, "manager");
        as(manager).formParam("csrf", manager.csrf()).formParam("reason", "forgot to confirm")
                .post("/console/findings/" + finding + "/close").then().statusCode(400);
        as(manager).formParam("csrf", manager.csrf()).formParam("reason", "benign").formParam("confirm", "yes")
                .post("/console/findings/" + finding + "/close").then().statusCode(303);
        given().header("Authorization", Tokens.auditor(tenant)).get("/v1/audit/findings/" + finding).then()
                .body("finding.status", equalTo("CLOSED"));
    }

    @Test
    void everyConsoleReadOfAuditDataIsInTheAccessLogWithThePatientOnlyAsItsKey() {
        String tenant = Claims.tenant();
        String patient = "MRN-ACCESS-77";
        String finding = findingOf(tenant, patient);
        String claimId = given().header("Authorization", Tokens.auditor(tenant)).get("/v1/audit/findings/" + finding)
                .then().statusCode(200).extract().jsonPath().getString("finding.openedBy");
        Session manager = signIn(tenant, "manager");
        as(manager).get("/console/claims?verdict=PASS").then().statusCode(200);
        as(manager).get("/console/claims.csv").then().statusCode(200);
        as(manager).get("/console/claims/" + claimId).then().statusCode(200);
        as(manager).formParam("csrf", manager.csrf()).formParam("patientId", patient).post("/console/patients").then()
                .statusCode(200);
        as(manager).get("/console/findings?status=ALL").then().statusCode(200);
        as(manager).get("/console/findings/" + finding).then().statusCode(200);

        String log = given().header("Authorization", Tokens.bearer(tenant, "audit:admin"))
                .get("/v1/audit/access-log?subject=dev-billing-manager@" + tenant).then().statusCode(200).extract().asString();
        assertThat(log).doesNotContain(patient);
        List<java.util.Map<String, Object>> items = io.restassured.path.json.JsonPath.from(log).getList("items");
        assertThat(items.stream().map(item -> item.get("endpoint")).toList()).contains("GET /console/claims",
                "GET /console/claims.csv", "GET /console/claims/{claimId}", "POST /console/patients", "GET /console/findings",
                "GET /console/findings/{findingId}");
        java.util.Map<String, Object> timeline = items.stream().filter(i -> "POST /console/patients".equals(i.get("endpoint")))
                .findFirst().orElseThrow();
        assertThat((String) timeline.get("patientKey")).hasSize(64);
        assertThat(items.stream().filter(i -> "GET /console/claims/{claimId}".equals(i.get("endpoint")))
                .map(i -> i.get("claimId")).toList()).containsExactly(claimId);
        assertThat(items.stream().filter(i -> "GET /console/claims".equals(i.get("endpoint")))
                .map(i -> i.get("query")).toList()).containsExactly("verdict=PASS");
    }

    @Test
    void anotherTenantCannotCloseOrSeeAFinding() {
        String tenant = Claims.tenant();
        String finding = findingOf(tenant, "MRN-TENANT-1");
        Session other = signIn(Claims.tenant(), "manager");
        as(other).get("/console/findings/" + finding).then().statusCode(404);
        as(other).formParam("csrf", other.csrf()).formParam("reason", "not my tenant").formParam("confirm", "yes")
                .post("/console/findings/" + finding + "/close").then().statusCode(404);
        given().header("Authorization", Tokens.auditor(tenant)).get("/v1/audit/findings/" + finding).then()
                .body("finding.status", equalTo("OPEN"));
    }

    @Test
    void thePatientIdIsNeitherLoggedNorPutInAnAddress() {
        String tenant = Claims.tenant();
        String patient = "MRN-SECRET-" + Claims.uniqueId("p");
        findingOf(tenant, patient);
        Session session = signIn(tenant, "manager");
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            as(session).formParam("csrf", session.csrf()).formParam("patientId", patient).post("/console/patients").then()
                    .statusCode(200).header("Cache-Control", "no-store").body(containsString("R91.1"));
        } finally {
            root.removeHandler(handler);
        }
        assertThat(logged).noneMatch(line -> line.contains(patient));
        // GET has no way to name a patient: the form posts.
        as(session).get("/console/patients").then().statusCode(200).body(containsString("method=\"post\""));
    }

    @Test
    void theApiKeepsItsBearerTokensAndIgnoresConsoleSessions() {
        Session session = signIn(Claims.tenant(), "manager");
        // No redirect to a sign-in page, no session cookie accepted: 401 as before.
        given().redirects().follow(false).cookie(DevSignIn.COOKIE, session.dev()).get("/v1/audit/claims").then()
                .statusCode(401);
        given().redirects().follow(false).get("/v1/audit/stats").then().statusCode(401);
        given().header("Authorization", Tokens.auditor(Claims.tenant())).get("/v1/audit/stats").then().statusCode(200);
        // A token is not a console session.
        given().redirects().follow(false).header("Authorization", Tokens.auditor(Claims.tenant())).get("/console/dashboard")
                .then().statusCode(303);
    }

    @Test
    void theDevelopmentSignInIsRefusedInProduction() {
        assertThatThrownBy(() -> ConsoleStartup.check(true, true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("production");
        ConsoleStartup.check(true, false);
        ConsoleStartup.check(false, true);
    }
}

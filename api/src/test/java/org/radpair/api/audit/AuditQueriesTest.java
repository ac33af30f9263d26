package org.radpair.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The billing managers' queries: filters, keyset pages, CSV, stats, the patient view, and tenant isolation of each. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditQueriesTest {

    private final String tenant = Claims.tenant();
    private final String patient = Claims.uniqueId("MRN");
    private final List<String> claimIds = new ArrayList<>();

    @BeforeEach
    void recordFiveClaimsOnce() {
        if (!claimIds.isEmpty()) {
            return;
        }
        String[][] claims = {
                {"70450", "R51.9"}, {"72148", "R51.9"}, {"77067", "Z12.31"}, {"72148", "M54.5"}, {"71046", "R05.9"}};
        for (String[] claim : claims) {
            String claimId = Claims.uniqueId("CLM");
            claimIds.add(claimId);
            given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON)
                    .body(Claims.claim(claimId, patient, "2026-03-02", claim[0], claim[1]))
                    .when().post("/v1/claims/validate").then().statusCode(200);
        }
    }

    private ValidatableResponse get(String path) {
        return given().header("Authorization", Tokens.auditor(tenant)).when().get(path).then();
    }

    @Test
    void theListIsNewestFirstAndPagesByKeyset() {
        get("/v1/audit/claims").statusCode(200).body("items", hasSize(5)).body("nextCursor", nullValue())
                .body("items[0].claimId", equalTo(claimIds.get(4)))
                .body("items[0].edits", notNullValue());
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = get("/v1/audit/claims?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).statusCode(200)
                    .extract();
            seen.addAll(page.path("items.claimId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        List<String> newestFirst = new ArrayList<>(claimIds);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void filtersNarrowTheList() {
        get("/v1/audit/claims?verdict=FAIL").statusCode(200).body("items", hasSize(2))
                .body("items.verdict", everyItem(equalTo("FAIL")));
        get("/v1/audit/claims?cpt=72148").statusCode(200).body("items", hasSize(2));
        get("/v1/audit/claims?rule=MED-001").statusCode(200).body("items", hasSize(1))
                .body("items[0].claimId", equalTo(claimIds.get(1)));
        get("/v1/audit/claims?category=CODE_VALIDITY").statusCode(200).body("items", hasSize(1))
                .body("items[0].claimId", equalTo(claimIds.get(3)));
        get("/v1/audit/claims?payer=MEDICARE-JL&dosFrom=2026-03-02&dosTo=2026-03-02").statusCode(200).body("items", hasSize(5));
        get("/v1/audit/claims?dosFrom=2026-03-03").statusCode(200).body("items", hasSize(0));
        get("/v1/audit/claims?from=2000-01-01&to=2000-01-02").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void badFiltersAre400() {
        get("/v1/audit/claims?verdict=MAYBE").statusCode(400).body("errors[0].field", equalTo("verdict"));
        get("/v1/audit/claims?category=NOPE").statusCode(400).body("errors[0].field", equalTo("category"));
        get("/v1/audit/claims?limit=501").statusCode(400).body("errors[0].field", equalTo("limit"));
        get("/v1/audit/claims?limit=zero").statusCode(400);
        get("/v1/audit/claims?from=yesterday").statusCode(400).body("errors[0].field", equalTo("from"));
        get("/v1/audit/claims?cursor=garbage!").statusCode(400).body("errors[0].field", equalTo("cursor"));
        get("/v1/audit/findings?status=DONE").statusCode(400);
        get("/v1/audit/findings?olderThanDays=-1").statusCode(400);
        get("/v1/audit/stats?from=2026-03-02&to=2026-03-01").statusCode(400);
    }

    @Test
    void typedQueryParametersAnswerProblemsNamingTheParameter() {
        invalid("/v1/audit/claims?verdict=MAYBE", "verdict", "must be one of [PASS, WARN, FAIL]");
        invalid("/v1/audit/claims?limit=501", "limit", "must be between 1 and 500");
        invalid("/v1/audit/claims?limit=zero", "limit", "must be a whole number");
        invalid("/v1/audit/claims?dosTo=2026-02-30", "dosTo", "must be a date YYYY-MM-DD");
        invalid("/v1/audit/claims?rule=" + "R".repeat(81), "rule", "is too long");
        invalid("/v1/audit/findings?status=DONE", "status", "must be one of [OPEN, FOLLOWED_UP, CLOSED]");
        invalid("/v1/audit/findings?olderThanDays=-1", "olderThanDays", "must be between 0 and 36500");
        invalid("/v1/audit/findings?overdue=yes", "overdue", "must be true or false");
        invalid("/v1/audit/stats?from=2026-03-02&to=2026-03-01", "to", "must not be before from");
    }

    @Test
    void blankParametersAreAbsentAndEnumsAnyCase() {
        get("/v1/audit/claims?verdict=&from=&limit=&cursor=").statusCode(200);
        get("/v1/audit/claims?verdict=fail&category=code_validity").statusCode(200);
        get("/v1/audit/findings?status=open&overdue=&olderThanDays=").statusCode(200);
    }

    private void invalid(String uri, String parameter, String message) {
        get(uri).statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(parameter)).body("errors[0].message", equalTo(message));
    }

    @Test
    void csvStreamsTheSameRows() {
        String csv = given().header("Authorization", Tokens.auditor(tenant)).accept("text/csv")
                .when().get("/v1/audit/claims").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("audit_id,claim_id,version");
        assertThat(lines).hasSize(6);
        assertThat(new HashSet<>(lines.subList(1, 6).stream().map(l -> l.split(",")[1]).toList()))
                .containsExactlyInAnyOrderElementsOf(claimIds);
        assertThat(csv).doesNotContain(patient);
    }

    @Test
    void statsCountVerdictsCategoriesAndRules() {
        get("/v1/audit/stats?from=2000-01-01&to=2100-01-01").statusCode(200)
                .body("total", equalTo(5))
                .body("byVerdict.FAIL", equalTo(2))
                .body("byVerdict.PASS", equalTo(3))
                .body("byCategory.MEDICAL_NECESSITY", equalTo(1))
                .body("byRule.'ICD-003'", equalTo(1))
                .body("passRate", equalTo(0.6f));
    }

    @Test
    void aPatientsClaimsAreFoundByTheirIdHashedTheSameWay() {
        get("/v1/audit/patients/" + patient + "/claims").statusCode(200).body("items", hasSize(5));
        get("/v1/audit/patients/someone-else/claims").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        String other = Tokens.auditor(Claims.tenant());
        given().header("Authorization", other).when().get("/v1/audit/claims").then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", other).when().get("/v1/audit/claims?cpt=72148").then().statusCode(200)
                .body("items", hasSize(0));
        given().header("Authorization", other).when().get("/v1/audit/claims/" + claimIds.get(0)).then().statusCode(404);
        given().header("Authorization", other).when().get("/v1/audit/patients/" + patient + "/claims").then()
                .statusCode(200).body("items", hasSize(0));
        given().header("Authorization", other).when().get("/v1/audit/stats?from=2000-01-01&to=2100-01-01").then()
                .statusCode(200).body("total", equalTo(0));
        String csv = given().header("Authorization", other).accept("text/csv").when().get("/v1/audit/claims").then()
                .statusCode(200).extract().asString();
        assertThat(csv.lines().count()).isEqualTo(1);
        given().header("Authorization", other).when().get("/v1/audit/findings").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void auditEndpointsNeedTheAuditRole() {
        given().header("Authorization", Tokens.validator(tenant)).when().get("/v1/audit/claims").then().statusCode(403);
        given().header("Authorization", Tokens.validator(tenant)).when().get("/v1/audit/findings").then().statusCode(403);
        given().header("Authorization", Tokens.validator(tenant)).when().get("/v1/audit/stats").then().statusCode(403);
        given().when().get("/v1/audit/claims").then().statusCode(401);
        get("/v1/audit/claims").body("items.claimId", hasItem(claimIds.get(0)));
        get("/v1/audit/claims/" + claimIds.get(0)).body("versions.version", contains(1));
    }
}

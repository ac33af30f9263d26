package org.radpair.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** No CSV cell the service writes starts a formula (OWASP CSV injection): =, +, -, @, TAB, CR get a leading '. */
@QuarkusTest
class CsvFormulaTest {

    @Test
    void everyFormulaStartIsNeutralised() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.cell("-1")).isEqualTo("'-1");
        assertThat(AuditCsv.cell("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
        assertThat(AuditCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(AuditCsv.cell("\rx")).isEqualTo("'\rx");
        assertThat(AuditCsv.cell("CLM-1")).isEqualTo("CLM-1");
        assertThat(AuditCsv.cell("")).isEmpty();
    }

    @Test
    void theAuditExportWritesNoFormula() {
        String tenant = Claims.tenant();
        String claimId = "=HYPERLINK(\"http://x\")";
        String body = Claims.claim(claimId.replace("\"", "\\\""), Claims.uniqueId("MRN"), "2026-03-02", "70450", "R51.9")
                .replace("MEDICARE-JL", "@SUM(1+1)");
        given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON).body(body)
                .when().post("/v1/claims/validate").then().statusCode(200);
        String csv = given().header("Authorization", Tokens.auditor(tenant)).accept("text/csv")
                .when().get("/v1/audit/claims").then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("'=HYPERLINK").contains("'@SUM(1+1)");
        for (String cell : lines.get(1).split(",")) {
            String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
            assertThat(unquoted).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
        }
    }
}

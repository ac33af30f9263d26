package org.radpair.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** No patient identifier in clear in the database: every column of every audit row is searched. */
@QuarkusTest
class PatientIdentifierTest {

    @Inject
    Pool pool;

    @Test
    void thePatientIdIsStoredOnlyAsAKeyedHash() {
        String tenant = Claims.tenant();
        String patientId = "MRN-" + Claims.uniqueId("SECRET");
        String claimId = Claims.uniqueId("CLM");
        given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON)
                .body(Claims.claim(claimId, patientId, "2026-03-02", "70450", "R51.9")
                        .replace("\"incidentalFindings\":[]", "\"incidentalFindings\":[\"R51.9\"]"))
                .when().post("/v1/claims/validate").then().statusCode(200);

        List<String> rows = pool.preparedQuery("select row_to_json(a)::text as doc from audit_claim a where tenant = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(tenant))
                .await().indefinitely()
                .stream().map((Row row) -> row.getString("doc")).toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).doesNotContain(patientId).doesNotContain(patientId.toLowerCase())
                .contains("patient_key").contains(claimId);
        // Every table of the schema, every row, every column.
        List<String> tables = pool.query("select table_name from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE'").execute().await().indefinitely()
                .stream().map((Row row) -> row.getString("table_name")).toList();
        assertThat(tables).contains("audit_claim", "finding", "finding_event");
        for (String table : tables) {
            List<String> dump = pool.query("select row_to_json(t)::text as doc from \"" + table + "\" t")
                    .execute().await().indefinitely()
                    .stream().map((Row row) -> row.getString("doc")).toList();
            assertThat(dump).as(table).noneMatch(doc -> doc.contains(patientId));
        }
    }
}

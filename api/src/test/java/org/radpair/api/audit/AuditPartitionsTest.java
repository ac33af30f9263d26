package org.radpair.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;
import org.radpair.audit.AuditPartitions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The monthly partitions as the service sees them: a row of a month without a partition waits in the DEFAULT partition,
 * the maintenance moves it into its month, and the claim it belongs to reads and numbers on across months.
 */
@QuarkusTest
class AuditPartitionsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AuditPartitions partitions;

    @Inject
    Pool pool;

    @Test
    void aRowOfAPastMonthIsMovedIntoItsMonthAndItsClaimReadsAndNumbersOnAcrossMonths() {
        String tenant = Claims.tenant();
        String template = Claims.uniqueId("CLM");
        String claimId = Claims.uniqueId("CLM");
        given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON)
                .body(Claims.claim(template, "MRN-7", "2026-03-02", "70450", "R51.9"))
                .when().post("/v1/claims/validate").then().statusCode(200);
        // Version 1 of claimId as a backfill writes it: received in May 2013, a month that has no partition.
        pool.preparedQuery("""
                insert into audit_claim (audit_id, tenant, claim_id, version, patient_key, request_hash, received_at,
                    date_of_service, payer_id, payer_type, cpts, diagnoses, verdict, rules, categories, ruleset_version, request, result)
                select gen_random_uuid(), tenant, $2, 1, patient_key, 'hash-of-2013', timestamptz '2013-05-10 12:00:00+00',
                    date '2013-05-09', payer_id, payer_type, cpts, diagnoses, verdict, rules, categories, ruleset_version, request, result
                from audit_claim where tenant = $1 and claim_id = $3""").execute(Tuple.of(tenant, claimId, template))
                .await().atMost(WAIT);
        assertThat(partitionOf(tenant, claimId)).isEqualTo("audit_claim_default");

        AuditPartitions.Maintenance done = partitions.maintain().await().atMost(WAIT);

        assertThat(done.rowsMoved()).isPositive();
        assertThat(partitionOf(tenant, claimId)).isEqualTo("audit_claim_2013_05");
        assertThat(pool.query("select count(*) from audit_claim_default").execute().await().atMost(WAIT).iterator().next()
                .getLong(0)).isZero();
        // Recorded now, the claim is numbered after its version of 2013, and both are read back, oldest first.
        given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON)
                .body(Claims.claim(claimId, "MRN-7", "2026-03-02", "70450", "R51.9"))
                .when().post("/v1/claims/validate").then().statusCode(200).body("version", equalTo(2));
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/claims/" + claimId).then()
                .statusCode(200).body("versions.version", contains(1, 2))
                .body("versions[0].receivedAt", equalTo("2013-05-10T12:00:00Z"));
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/claims?from=2013-05-01&to=2013-05-31")
                .then().statusCode(200).body("items.claimId", contains(claimId));
        // Keyset pages cross the months.
        String cursor = given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/claims?limit=2")
                .then().statusCode(200).body("items", hasSize(2)).extract().path("nextCursor");
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/claims?limit=2&cursor=" + cursor)
                .then().statusCode(200).body("items.claimId", contains(claimId)).body("items.version", contains(1));
    }

    @Test
    void thisMonthAndTheNextThreeHavePartitionsAndMaintenanceIsIdempotent() {
        partitions.maintain().await().atMost(WAIT);
        AuditPartitions.Maintenance again = partitions.maintain().await().atMost(WAIT);
        assertThat(again.partitionsCreated()).isZero();
        List<Long> found = pool.query("""
                select count(*) filter (where to_regclass(t || to_char(now() at time zone 'UTC' + make_interval(months => i), 'YYYY_MM')) is not null)
                from generate_series(0, 3) as i, unnest(array['audit_claim_', 'finding_event_']) as t""").execute()
                .await().atMost(WAIT).stream().map(row -> row.getLong(0)).toList();
        assertThat(found).containsExactly(8L);
    }

    private String partitionOf(String tenant, String claimId) {
        return pool.preparedQuery("select tableoid::regclass::text from audit_claim where tenant = $1 and claim_id = $2")
                .execute(Tuple.of(tenant, claimId)).await().atMost(WAIT).iterator().next().getString(0);
    }
}

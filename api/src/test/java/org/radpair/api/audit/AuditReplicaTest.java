package org.radpair.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.radpair.api.support.Claims;
import org.radpair.api.support.StandbyProfile;
import org.radpair.api.support.StreamingPair;
import org.radpair.api.support.Tokens;
import org.radpair.audit.AuditReplica;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Audit reads against a real hot standby (a second cluster made with pg_basebackup, streaming from the service's
 * primary): the lists and stats are served by the standby, proved by the standby's own statistics; a claim just
 * recorded is read from the primary at once; a standby that lags past the bound, or is stopped, leaves the reads to
 * the primary, and every answer is a 200.
 */
@QuarkusTest
@TestProfile(StandbyProfile.class)
@EnabledIf(value = "org.radpair.api.support.StreamingPair#available",
        disabledReason = "needs PostgreSQL server binaries with pg_basebackup (/usr/lib/postgresql/<n>/bin or -Dradpair.test.pg.bin)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditReplicaTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final String TENANT = Claims.tenant();
    private static final String PATIENT = "MRN-" + Claims.uniqueId("R");

    @Inject
    AuditReplica replica;

    @Test
    @Order(1)
    void listsPatientViewAndStatsAreServedByTheStandby() throws Exception {
        for (String cpt : List.of("70450", "72148", "71046")) {
            record(Claims.uniqueId("CLM"), cpt);
        }
        long standbyScansBefore = standbyAuditScans();
        long replicaReadsBefore = replica.counts().replicaReads();
        // The first reads may go to the primary until the standby is known to be caught up.
        waitFor(() -> listedClaims() == 3 && replica.counts().replicaReads() > replicaReadsBefore);
        long servedByStandby = replica.counts().replicaReads();
        given().header("Authorization", Tokens.auditor(TENANT)).when().get("/v1/audit/patients/" + PATIENT + "/claims").then()
                .statusCode(200).body("items.size()", equalTo(3));
        given().header("Authorization", Tokens.auditor(TENANT)).when().get("/v1/audit/stats").then().statusCode(200)
                .body("total", equalTo(3));
        assertThat(replica.counts().replicaReads()).isGreaterThanOrEqualTo(servedByStandby + 2);
        assertThat(replica.counts().usable()).isTrue();
        // The standby's own statistics saw the index scans of the audit partitions (reported asynchronously).
        waitFor(() -> standbyAuditScans() > standbyScansBefore);
    }

    @Test
    @Order(2)
    void aClaimJustRecordedIsReadFromThePrimaryAndALaggingStandbyIsNotUsed() throws Exception {
        StreamingPair.current().onStandby("select pg_wal_replay_pause()::text");
        try {
            String claimId = Claims.uniqueId("CLM");
            record(claimId, "70553");
            // Read-your-writes: a claim's versions always come from the primary.
            given().header("Authorization", Tokens.auditor(TENANT)).when().get("/v1/audit/claims/" + claimId).then()
                    .statusCode(200).body("versions.version", contains(1));
            // Once the standby is more than a second behind, the lists are read from the primary and show the claim.
            long primaryReadsBefore = replica.counts().primaryReads();
            waitFor(() -> listedClaims() == 4);
            assertThat(replica.counts().usable()).isFalse();
            assertThat(replica.counts().primaryReads()).isGreaterThan(primaryReadsBefore);
            assertThat(replica.counts().lagSeconds()).isGreaterThanOrEqualTo(1.0);
        } finally {
            StreamingPair.current().onStandby("select pg_wal_replay_resume()::text");
        }
        long replicaReadsBefore = replica.counts().replicaReads();
        waitFor(() -> listedClaims() == 4 && replica.counts().replicaReads() > replicaReadsBefore);
        assertThat(replica.counts().usable()).isTrue();
    }

    @Test
    @Order(3)
    void withTheStandbyStoppedEveryReadIsStillAnswered() {
        long primaryReadsBefore = replica.counts().primaryReads();
        StreamingPair.current().stopStandby();
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", Tokens.auditor(TENANT)).when().get("/v1/audit/claims").then().statusCode(200)
                    .body("items.size()", equalTo(4));
            given().header("Authorization", Tokens.auditor(TENANT)).when().get("/v1/audit/stats").then().statusCode(200)
                    .body("total", equalTo(4));
            given().header("Authorization", Tokens.auditor(TENANT)).accept("text/csv").when().get("/v1/audit/claims").then()
                    .statusCode(200);
        }
        assertThat(replica.counts().primaryReads()).isGreaterThanOrEqualTo(primaryReadsBefore + 9);
        assertThat(replica.counts().usable()).isFalse();
        given().header("Authorization", Tokens.auditor(TENANT)).when().get("/v1/audit/claims?cpt=70553").then().statusCode(200)
                .body("items.cpts.flatten()", hasItem("70553"));
    }

    private static void record(String claimId, String cpt) {
        given().header("Authorization", Tokens.validator(TENANT)).contentType(ContentType.JSON)
                .body(Claims.claim(claimId, PATIENT, "2026-03-02", cpt, "R51.9"))
                .when().post("/v1/claims/validate").then().statusCode(200);
    }

    private static int listedClaims() {
        return given().header("Authorization", Tokens.auditor(TENANT)).when().get("/v1/audit/claims").then().statusCode(200)
                .extract().<List<?>>path("items").size();
    }

    private static long standbyAuditScans() {
        try {
            String scans = StreamingPair.current().onStandby("select coalesce(sum(idx_scan), 0) from pg_stat_user_tables"
                    + " where relname like 'audit\\_claim\\_2%'");
            return Long.parseLong(scans);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", WAIT).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}

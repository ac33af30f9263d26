package org.radpair.api.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.radpair.api.database.DatabaseGuard;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;
import org.radpair.audit.AuditLog;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A database that does not answer: the test holds, from its own connection, the lock a recording needs.
 * Recording then answers 503 with Retry-After after the configured deadline instead of hanging; past the
 * bound of requests waiting on the database, new ones are refused at once; and a claim whose transaction
 * went on after its 503 is found, not stored twice, when it is sent again.
 */
@QuarkusTest
@TestProfile(SlowDatabaseTest.Bounded.class)
class SlowDatabaseTest {

    public static class Bounded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("radpair.database.timeout", "PT2S", "radpair.database.max-in-flight", "2");
        }
    }

    @Inject
    Pool pool;

    @Inject
    DatabaseGuard guard;

    /** Holds the recording lock of a claim until released. */
    private record HeldLock(SqlConnection connection, Transaction transaction) {
        void release() {
            transaction.rollback().chain(connection::close).await().atMost(java.time.Duration.ofSeconds(10));
        }
    }

    private HeldLock hold(String tenant, String claimId) {
        SqlConnection connection = pool.getConnection().await().atMost(java.time.Duration.ofSeconds(10));
        Transaction transaction = connection.begin().await().atMost(java.time.Duration.ofSeconds(10));
        connection.preparedQuery("select pg_advisory_xact_lock($1)")
                .execute(Tuple.of(AuditLog.claimLock(tenant, claimId))).await().atMost(java.time.Duration.ofSeconds(10));
        return new HeldLock(connection, transaction);
    }

    private static Response record(String tenant, String claimId) {
        return given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON)
                .body(Claims.claim(claimId, "MRN-SLOW", "2026-03-02", "70450", "R51.9"))
                .when().post("/v1/claims/validate");
    }

    @Test
    void aStalledRecordingAnswers503AfterTheDeadlineAndItsLateCommitIsFoundOnRetry() {
        String tenant = Claims.tenant();
        String claimId = Claims.uniqueId("SLOW");
        HeldLock lock = hold(tenant, claimId);
        try {
            long started = System.nanoTime();
            record(tenant, claimId).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue()).body("detail", containsString("Send it again"));
            // Bounded by the 2 s deadline, not by the lock (held until released below).
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(10);
        } finally {
            lock.release();
        }
        // The timed-out transaction went on once the lock was free; the re-send finds it, or records it once.
        String first = record(tenant, claimId).then().statusCode(200).extract().path("auditId");
        String again = record(tenant, claimId).then().statusCode(200).extract().path("auditId");
        assertThat(again).isEqualTo(first);
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/claims/" + claimId).then()
                .statusCode(200).body("versions.size()", equalTo(1));
    }

    @Test
    void pastTheBoundNewRequestsAreRefusedAtOnceAndTheWaitingOnesComplete() throws Exception {
        String tenant = Claims.tenant();
        List<String> claimIds = List.of(Claims.uniqueId("SLOW"), Claims.uniqueId("SLOW"));
        List<HeldLock> locks = claimIds.stream().map(id -> hold(tenant, id)).toList();
        List<CompletableFuture<Integer>> waiting;
        try {
            waiting = claimIds.stream()
                    .map(id -> CompletableFuture.supplyAsync(() -> record(tenant, id).statusCode()))
                    .toList();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (guard.inFlight() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(guard.inFlight()).isEqualTo(2);
            record(tenant, Claims.uniqueId("SLOW")).then().statusCode(503).header("Retry-After", notNullValue());
        } finally {
            locks.forEach(HeldLock::release);
        }
        for (CompletableFuture<Integer> status : waiting) {
            assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        }
        assertThat(guard.inFlight()).isZero();
    }
}

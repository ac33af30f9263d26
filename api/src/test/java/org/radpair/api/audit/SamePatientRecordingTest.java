package org.radpair.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;
import org.radpair.audit.AuditLog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Two claims of one patient recorded at the same moment (two studies of one day that both show a lung nodule, sent to
 * two instances, or queued together on one) leave what they would leave one after the other: one finding. The second
 * claim's rules must read the patient's findings after the first claim's transaction, so claims of one patient are
 * recorded under the patient's lock and never share a transaction.
 */
@QuarkusTest
class SamePatientRecordingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    AuditLog auditLog;

    /** Claim locks held by the test from its own connection: recordings of those claims wait until released. */
    private record HeldLocks(SqlConnection connection, Transaction transaction) {
        void release() {
            transaction.rollback().chain(connection::close).await().atMost(WAIT);
        }
    }

    private HeldLocks hold(String tenant, List<String> claimIds) {
        SqlConnection connection = pool.getConnection().await().atMost(WAIT);
        Transaction transaction = connection.begin().await().atMost(WAIT);
        for (String claimId : claimIds) {
            connection.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(AuditLog.claimLock(tenant, claimId)))
                    .await().atMost(WAIT);
        }
        return new HeldLocks(connection, transaction);
    }

    private static CompletableFuture<JsonPath> send(String tenant, String body) {
        return CompletableFuture.supplyAsync(() -> given().header("Authorization", Tokens.validator(tenant))
                .contentType(ContentType.JSON).body(body).when().post("/v1/claims/validate")
                .then().statusCode(200).extract().jsonPath());
    }

    @Test
    void twoStudiesOfOnePatientQueuedTogetherOpenTheFindingOnce() throws Exception {
        String tenant = Claims.tenant();
        // Every recording transaction is busy with a claim whose lock the test holds; the patient's two claims queue
        // behind them and would be taken together by the next transaction to finish.
        List<String> blockers = List.of(Claims.uniqueId("HOLD"), Claims.uniqueId("HOLD"));
        HeldLocks locks = hold(tenant, blockers);
        List<CompletableFuture<JsonPath>> held = new ArrayList<>();
        List<CompletableFuture<JsonPath>> studies = new ArrayList<>();
        try {
            for (String blocker : blockers) {
                held.add(send(tenant, Claims.claim(blocker, "MRN-" + blocker, "2026-03-02", "70450", "R51.9")));
            }
            awaitWaiting(0, blockers.size());
            int before = auditLog.recordingCounts().waiting();
            // A CT of the abdomen and a CT of the chest, same day, both listing the nodule (R91.1) as a secondary diagnosis.
            studies.add(send(tenant, Claims.claim(Claims.uniqueId("CTA"), "MRN-TWIN", "2026-03-02", "74177", "R10.9", "R91.1")));
            studies.add(send(tenant, Claims.claim(Claims.uniqueId("CTC"), "MRN-TWIN", "2026-03-02", "71250", "R07.9", "R91.1")));
            awaitWaiting(before + 2, 0);
        } finally {
            locks.release();
        }
        for (CompletableFuture<JsonPath> answer : held) {
            answer.get(30, TimeUnit.SECONDS);
        }
        int opened = 0;
        for (CompletableFuture<JsonPath> answer : studies) {
            opened += answer.get(30, TimeUnit.SECONDS).getList("followUp.openFindings").size();
        }
        assertThat(opened).as("findings the two studies opened").isEqualTo(1);
        List<String> codes = given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/findings")
                .then().statusCode(200).extract().jsonPath().getList("items.code");
        assertThat(codes).containsExactly("R91.1");
    }

    /** Waits until at least {@code claims} are queued (or, with 0, until {@code transactions} recordings are under way). */
    private void awaitWaiting(int claims, int transactions) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (claims > 0 ? auditLog.recordingCounts().waiting() >= claims : lockWaiters() >= transactions) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the claims were not queued in time");
    }

    /** Sessions waiting for an advisory lock: the recording transactions held by the test. */
    private long lockWaiters() {
        return pool.query("select count(*) from pg_locks where locktype = 'advisory' and not granted"
                + " and database = (select oid from pg_database where datname = current_database())").execute()
                .await().atMost(WAIT).iterator().next().getLong(0);
    }
}

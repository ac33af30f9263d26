package org.radpair.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;
import org.radpair.audit.AuditLog;
import org.radpair.audit.AuditRecord;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.restassured.http.ContentType;

/** The audit log on a real PostgreSQL: numbering, idempotency, concurrency, and the append-only guarantee. */
@QuarkusTest
class AuditLogTest {

    @Inject
    AuditLog auditLog;

    private static AuditRecord record(String tenant, String claimId, String hash) {
        return Claims.auditRecord(tenant, claimId, hash, "PASS");
    }

    @Test
    @RunOnVertxContext
    void versionsCountUpAndIdenticalRequestsAreFoundNotStoredTwice(UniAsserter asserter) {
        String tenant = Claims.tenant();
        String claimId = Claims.uniqueId("CLM");
        asserter.assertThat(() -> auditLog.record(record(tenant, claimId, "h1")),
                recorded -> assertThat(recorded.created()).isTrue());
        asserter.assertThat(() -> auditLog.record(record(tenant, claimId, "h1")),
                recorded -> assertThat(recorded.created()).isFalse());
        asserter.assertThat(() -> auditLog.record(record(tenant, claimId, "h2")),
                recorded -> assertThat(recorded.record().version).isEqualTo(2));
        asserter.assertThat(() -> auditLog.versionsOf(tenant, claimId),
                versions -> assertThat(versions).extracting(r -> r.version).containsExactly(1, 2));
        asserter.assertThat(() -> auditLog.versionsOf(Claims.tenant(), claimId), versions -> assertThat(versions).isEmpty());
    }

    @Test
    void concurrentValidationsOfOneClaimGetDistinctVersions() throws Exception {
        String tenant = Claims.tenant();
        String claimId = Claims.uniqueId("CLM");
        String token = Tokens.validator(tenant);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> versions = IntStream.range(0, 8)
                    .mapToObj(i -> clients.submit(() -> given().header("Authorization", token).contentType(ContentType.JSON)
                            .body(Claims.claim(claimId, "MRN-1", "2026-03-02", "70450", "R51.9", DIAGNOSES[i % 4]))
                            .when().post("/v1/claims/validate").then().statusCode(200)
                            .extract().<Integer>path("version")))
                    .toList();
            List<Integer> answered = new java.util.ArrayList<>();
            for (Future<Integer> version : versions) {
                answered.add(version.get(60, TimeUnit.SECONDS));
            }
            assertThat(answered).containsOnly(1, 2, 3, 4);
        } finally {
            clients.shutdownNow();
        }
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/claims/" + claimId).then()
                .statusCode(200).body("versions.version", org.hamcrest.Matchers.contains(1, 2, 3, 4));
    }

    private static final String[] DIAGNOSES = {"G43.909", "R51.0", "S06.0X0A", "R42"};

    @Test
    @RunOnVertxContext
    void theDatabaseRefusesToUpdateOrDeleteAuditRows(UniAsserter asserter) {
        String tenant = Claims.tenant();
        String claimId = Claims.uniqueId("CLM");
        asserter.execute(() -> auditLog.record(record(tenant, claimId, "h")));
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("update audit_claim set verdict = 'FAIL' where claim_id = :id")
                .setParameter("id", claimId).executeUpdate())),
                failure -> assertThat(failure).hasStackTraceContaining("append-only"));
    }

    @Test
    @RunOnVertxContext
    void deletesAreRefusedToo(UniAsserter asserter) {
        String tenant = Claims.tenant();
        String claimId = Claims.uniqueId("CLM");
        asserter.execute(() -> auditLog.record(record(tenant, claimId, "h")));
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("delete from audit_claim where claim_id = :id")
                .setParameter("id", claimId).executeUpdate())),
                failure -> assertThat(failure).hasStackTraceContaining("append-only"));
    }

    @Test
    @RunOnVertxContext
    void truncateIsRefusedAndTheRowsRemain(UniAsserter asserter) {
        String tenant = Claims.tenant();
        String claimId = Claims.uniqueId("CLM");
        asserter.execute(() -> auditLog.record(record(tenant, claimId, "h")));
        // Refused by the append-only trigger, or earlier by the findings' foreign keys: either way, refused.
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("truncate audit_claim").executeUpdate())),
                failure -> assertThat(failure).hasStackTraceContaining("audit_claim"));
        asserter.assertThat(() -> auditLog.versionsOf(tenant, claimId), versions -> assertThat(versions).hasSize(1));
    }
}

package org.radpair.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.radpair.audit.PlannerStatistics;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The service's own ANALYZE (for servers without autovacuum) runs on the tables that changed enough, and only on them;
 * for the partitioned audit history, on the month partitions that changed.
 */
@QuarkusTest
class PlannerStatisticsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    PlannerStatistics statistics;

    @Inject
    Pool pool;

    @Test
    void tablesChangedPastTheThresholdAreAnalyzedAndThenNoLongerDue() throws InterruptedException {
        // audit_claim is partitioned by month: the rows below land in this month's partition, which is what is analyzed.
        String partition = pool.query("select 'audit_claim_' || to_char(now() at time zone 'UTC', 'YYYY_MM')").execute()
                .await().atMost(WAIT).iterator().next().getString(0);
        // Autovacuum (on in the embedded server) must not analyze the table under the test's feet.
        pool.query("alter table " + partition + " set (autovacuum_enabled = false)").execute().await().atMost(WAIT);
        try {
            long live = pool.query("select count(*) from " + partition).execute().await().atMost(WAIT).iterator().next().getLong(0);
            long rows = 60 + live / 5;
            // Earlier test classes may have left changes counted already: wait for this insert's own changes on top.
            long before = changedSinceAnalyze(partition);
            pool.query("""
                    insert into audit_claim (audit_id, tenant, claim_id, version, patient_key, request_hash, received_at,
                        date_of_service, cpts, diagnoses, verdict, rules, categories, ruleset_version, request, result)
                    select gen_random_uuid(), 'tenant-analyze', 'AN-' || i || '-' || gen_random_uuid(), 1, 'k', 'h', now(),
                        date '2026-03-02', '{70450}', '{R51.9}', 'PASS', '{}', '{}', 'test', '{}', '{}'
                    from generate_series(1, %d) i""".formatted(rows)).execute().await().atMost(WAIT);
            // The statistics collector reports changes asynchronously.
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (changedSinceAnalyze(partition) < before + rows && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            long analyzedBefore = analyzeCount(partition);
            assertThat(statistics.analyzeDueTables().await().atMost(WAIT)).contains(partition);
            // Other test classes may still be recording in the background, so the change counter need not fall to zero:
            // what proves the ANALYZE is the server's own count of manual analyzes of the table.
            deadline = System.nanoTime() + WAIT.toNanos();
            while (analyzeCount(partition) == analyzedBefore && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(analyzeCount(partition)).isGreaterThan(analyzedBefore);
            assertThat(statistics.analyzeDueTables().await().atMost(WAIT)).doesNotContain(partition);
        } finally {
            pool.query("alter table " + partition + " reset (autovacuum_enabled)").execute().await().atMost(WAIT);
        }
    }

    private long analyzeCount(String table) {
        return pool.query("select analyze_count from pg_stat_user_tables where relname = '" + table + "'").execute()
                .await().atMost(WAIT).iterator().next().getLong(0);
    }

    private long changedSinceAnalyze(String table) {
        // A fresh snapshot of the statistics on every call (each query is its own transaction).
        return pool.query("select n_mod_since_analyze from pg_stat_user_tables where relname = '" + table + "'").execute()
                .await().atMost(WAIT).iterator().next().getLong(0);
    }
}

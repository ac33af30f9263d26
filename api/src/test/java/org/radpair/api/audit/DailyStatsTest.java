package org.radpair.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.audit.AuditStats;
import org.radpair.audit.DailyStats;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Stats read the same from pre-aggregated days as from the audit rows. Runs in one transaction that is
 * rolled back: the roll-up watermark is shared by every test, and rolled-up rows cannot be deleted.
 */
@QuarkusTest
class DailyStatsTest {

    private static final LocalDate DAY_1 = LocalDate.parse("2001-01-01");
    private static final LocalDate DAY_3 = LocalDate.parse("2001-01-03");

    @Inject
    DailyStats dailyStats;

    @Inject
    Pool pool;

    /** What one transaction saw, before and after the roll-up. */
    private record Seen(AuditStats before, AuditStats beforeMiddleDay, long rolledDays, AuditStats after,
            AuditStats afterMiddleDay, long rolledAgain, long dailyRows, String updateRefused) {
    }

    private static class Rollback extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final Seen seen;

        Rollback(Seen seen) {
            super("roll back the test's rows");
            this.seen = seen;
        }
    }

    @Test
    void rolledUpDaysCountExactlyAsTheRowsTheyReplace() {
        String tenant = Claims.tenant();
        Seen seen;
        try {
            pool.withTransaction(connection -> connection.query("update audit_stats_rollup set rolled_before = date '2001-01-01'")
                    .execute()
                    .chain(() -> insert(connection, tenant, "2001-01-01T10:00:00Z", "PASS", new String[0], new String[0]))
                    .chain(() -> insert(connection, tenant, "2001-01-01T23:59:59Z", "FAIL", new String[] {"ICD-001"},
                            new String[] {"CODE_VALIDITY"}))
                    .chain(() -> insert(connection, tenant, "2001-01-02T00:00:00Z", "WARN", new String[] {"MOD-001"},
                            new String[] {"MODIFIER"}))
                    .chain(() -> insert(connection, tenant, "2001-01-03T08:00:00Z", "FAIL", new String[] {"ICD-001", "MOD-001"},
                            new String[] {"CODE_VALIDITY", "MODIFIER"}))
                    .chain(() -> see(connection, tenant))
                    .chain(seenInTransaction -> Uni.createFrom().<Seen>failure(new Rollback(seenInTransaction))))
                    .await().indefinitely();
            throw new AssertionError("the transaction should have been rolled back");
        } catch (Rollback rollback) {
            seen = rollback.seen;
        }

        assertThat(seen.before().total()).isEqualTo(4);
        assertThat(seen.before().byVerdict()).isEqualTo(Map.of("PASS", 1L, "WARN", 1L, "FAIL", 2L));
        assertThat(seen.before().byRule()).isEqualTo(Map.of("ICD-001", 2L, "MOD-001", 2L));
        assertThat(seen.before().byCategory()).isEqualTo(Map.of("CODE_VALIDITY", 2L, "MODIFIER", 2L));
        assertThat(seen.beforeMiddleDay().total()).isEqualTo(1);

        assertThat(seen.rolledDays()).isEqualTo(2);
        assertThat(seen.dailyRows()).isEqualTo(3);
        assertThat(seen.after()).isEqualTo(seen.before());
        assertThat(seen.afterMiddleDay()).isEqualTo(seen.beforeMiddleDay());
        assertThat(seen.rolledAgain()).isZero();
        assertThat(seen.updateRefused()).contains("append-only");
    }

    private Uni<Seen> see(SqlConnection connection, String tenant) {
        LocalDate day2 = DAY_1.plusDays(1);
        AuditStats[] stats = new AuditStats[4];
        long[] counts = new long[3];
        String[] refusal = new String[1];
        return dailyStats.between(connection, tenant, DAY_1, DAY_3).invoke(seen -> stats[0] = seen)
                .chain(() -> dailyStats.between(connection, tenant, day2, day2)).invoke(seen -> stats[1] = seen)
                .chain(() -> dailyStats.rollUp(connection, DAY_3)).invoke(days -> counts[0] = days)
                .chain(() -> dailyStats.between(connection, tenant, DAY_1, DAY_3)).invoke(seen -> stats[2] = seen)
                .chain(() -> dailyStats.between(connection, tenant, day2, day2)).invoke(seen -> stats[3] = seen)
                .chain(() -> dailyStats.rollUp(connection, DAY_3)).invoke(days -> counts[1] = days)
                .chain(() -> connection.preparedQuery("select count(*) from audit_daily_stats where tenant = $1")
                        .execute(Tuple.of(tenant)))
                .invoke(rows -> counts[2] = rows.iterator().next().getLong(0))
                .chain(() -> refusedUpdate(connection, tenant)).invoke(message -> refusal[0] = message)
                .map(done -> new Seen(stats[0], stats[1], counts[0], stats[2], stats[3], counts[1], counts[2], refusal[0]));
    }

    /** Tries to change a rolled-up row, in a savepoint so that the transaction goes on: the refusal's message. */
    private static Uni<String> refusedUpdate(SqlConnection connection, String tenant) {
        return connection.query("savepoint before_update").execute()
                .chain(() -> connection.preparedQuery("update audit_daily_stats set claims = claims + 1 where tenant = $1")
                        .execute(Tuple.of(tenant)))
                .map(rows -> "not refused")
                .onFailure().recoverWithItem(Throwable::getMessage)
                .call(() -> connection.query("rollback to savepoint before_update").execute());
    }

    private static Uni<Void> insert(SqlConnection connection, String tenant, String receivedAt, String verdict, String[] rules,
            String[] categories) {
        return connection.preparedQuery("""
                insert into audit_claim (audit_id, tenant, claim_id, version, patient_key, request_hash, received_at,
                    date_of_service, cpts, diagnoses, verdict, rules, categories, ruleset_version, request, result)
                values ($1, $2, $3, 1, 'k', 'h', $4, date '2001-01-01', '{70450}', '{R51.9}', $5, $6, $7, 'test', '{}', '{}')""")
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addString(tenant).addString(Claims.uniqueId("CLM"))
                        .addOffsetDateTime(OffsetDateTime.parse(receivedAt)).addString(verdict).addArrayOfString(rules)
                        .addArrayOfString(categories))
                .replaceWithVoid();
    }
}

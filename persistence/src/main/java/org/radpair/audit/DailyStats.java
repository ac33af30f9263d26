package org.radpair.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Audit stats by received day: finished days are read from pre-aggregated rows (audit_daily_stats),
 * the days after the watermark from audit_claim itself, in one statement and one snapshot. A scheduled
 * job rolls up each day once it is over; several instances may run it, the watermark row serialises them.
 */
@ApplicationScoped
public class DailyStats {

    private static final Logger LOG = Logger.getLogger(DailyStats.class);

    private static final String STATS = """
            select verdict, array_to_string(rules, ','), array_to_string(categories, ','), sum(claims)::bigint
            from (
                select verdict, rules, categories, claims from audit_daily_stats
                where tenant = $1 and day >= $2::date and day < least($3::date, (select rolled_before from audit_stats_rollup))
                union all
                select verdict, rules, categories, 1 from audit_claim
                where tenant = $1
                  and received_at >= greatest($2::date, (select rolled_before from audit_stats_rollup))::timestamp at time zone 'UTC'
                  and received_at < ($3::date)::timestamp at time zone 'UTC'
            ) days
            group by verdict, rules, categories""";

    private static final String WATERMARK = "select rolled_before from audit_stats_rollup for update";

    private static final String ROLL_UP = """
            insert into audit_daily_stats (tenant, day, verdict, rules, categories, claims)
            select tenant, (received_at at time zone 'UTC')::date, verdict, rules, categories, count(*)
            from audit_claim
            where received_at >= ($1::date)::timestamp at time zone 'UTC' and received_at < ($2::date)::timestamp at time zone 'UTC'
            group by 1, 2, 3, 4, 5""";

    private static final String ADVANCE = "update audit_stats_rollup set rolled_before = $1";

    @Inject
    Pool pool;

    /** Stats are read from the replica when one is configured and usable. */
    @Inject
    AuditReplica replica;

    @Inject
    PersistenceSettings settings;

    private final Clock clock = Clock.systemUTC();

    // First run soon after start (a restart after days away catches up), then on every interval.
    @Scheduled(identity = "audit-stats-rollup", every = "${radpair.audit.stats-rollup-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> rollUpOnSchedule() {
        return rollUp().invoke(days -> {
            if (days > 0) {
                LOG.infof("Audit stats: rolled up %d day(s)", days);
            }
        }).onFailure().invoke(failure -> LOG.warnf("Audit stats roll-up failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Rolls up every finished day not rolled up yet; returns how many days the watermark moved. */
    public Uni<Long> rollUp() {
        LocalDate cutoff = clock.instant().minus(settings.audit().statsRollupMargin()).atOffset(ZoneOffset.UTC).toLocalDate();
        return pool.withTransaction(connection -> rollUp(connection, cutoff));
    }

    /** Rolls up the days before {@code cutoff} not rolled up yet, in the connection's transaction. */
    public Uni<Long> rollUp(SqlConnection connection, LocalDate cutoff) {
        return connection.preparedQuery(WATERMARK).execute().chain(rows -> {
            LocalDate rolledBefore = rows.iterator().next().getLocalDate(0);
            if (!rolledBefore.isBefore(cutoff)) {
                return Uni.createFrom().item(0L);
            }
            return connection.preparedQuery(ROLL_UP).execute(Tuple.of(rolledBefore, cutoff))
                    .chain(() -> connection.preparedQuery(ADVANCE).execute(Tuple.of(cutoff)))
                    .replaceWith(ChronoUnit.DAYS.between(rolledBefore, cutoff));
        });
    }

    /**
     * Counts by verdict, category and rule of the validations received from {@code from} to {@code to}, both inclusive;
     * from the replica if usable.
     */
    public Uni<AuditStats> between(String tenant, LocalDate from, LocalDate to) {
        return replica.read(connection -> between(connection, tenant, from, to));
    }

    public Uni<AuditStats> between(SqlClient client, String tenant, LocalDate from, LocalDate to) {
        return client.preparedQuery(STATS).execute(Tuple.of(tenant, from, to.plusDays(1))).map(rows -> {
            Map<String, Long> verdicts = new TreeMap<>();
            Map<String, Long> categories = new TreeMap<>();
            Map<String, Long> rules = new TreeMap<>();
            long total = 0;
            for (Row row : rows) {
                long count = row.getLong(3);
                total += count;
                verdicts.merge(row.getString(0), count, Long::sum);
                split(row.getString(1), count, rules);
                split(row.getString(2), count, categories);
            }
            return new AuditStats(total, verdicts, categories, rules);
        });
    }

    private static void split(String joined, long count, Map<String, Long> into) {
        if (!joined.isEmpty()) {
            for (String item : joined.split(",")) {
                into.merge(item, count, Long::sum);
            }
        }
    }
}

package org.radpair.audit;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Keeps the planner's statistics of the hot tables fresh when the server's autovacuum is off. The
 * service's connections cache their prepared statements with generic plans, and PostgreSQL re-plans
 * them only after an ANALYZE: without one, a plan made while {@code audit_claim} was empty stays, and
 * the patient-history read scanned a whole tenant (docs/PERFORMANCE.md, "Validate throughput": a stale generic plan).
 * The monthly partitions of {@code audit_claim} and {@code finding_event} are analyzed one by one, as autovacuum does.
 * With autovacuum on (PostgreSQL's default) it does nothing.
 */
@ApplicationScoped
public class PlannerStatistics {

    private static final Logger LOG = Logger.getLogger(PlannerStatistics.class);

    // Autovacuum's own rule with its default settings: 50 rows plus 10 % of the table changed. A partitioned table
    // holds no rows itself: its partitions (the months of audit_claim and finding_event) are counted and analyzed.
    private static final String DUE = """
            select relname from pg_stat_user_tables
            where (relname in ('finding', 'audit_daily_stats', 'audit_claim_key')
                   or relid in (select inhrelid from pg_inherits
                                where inhparent in ('audit_claim'::regclass, 'finding_event'::regclass)))
              and n_mod_since_analyze > 50 + 0.1 * n_live_tup""";

    @Inject
    Pool pool;

    @Scheduled(identity = "analyze-where-autovacuum-is-off", every = "${radpair.database.analyze-interval}",
            delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> analyzeIfAutovacuumIsOff() {
        return pool.query("select current_setting('autovacuum') = 'on'").execute()
                .chain(rows -> rows.iterator().next().getBoolean(0) ? Uni.createFrom().item(List.<String>of())
                        : analyzeDueTables())
                .invoke(analyzed -> {
                    if (!analyzed.isEmpty()) {
                        LOG.warnf("PostgreSQL's autovacuum is off: the service analyzed %s itself."
                                + " Turn autovacuum on (see docs/operations.md).", analyzed);
                    }
                })
                .onFailure().invoke(failure -> LOG.debugf("ANALYZE skipped: %s", failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Analyzes the tables changed by more than autovacuum's threshold since their last ANALYZE; returns their names. */
    public Uni<List<String>> analyzeDueTables() {
        return pool.query(DUE).execute().chain(rows -> {
            List<String> due = new ArrayList<>();
            for (Row row : rows) {
                due.add(row.getString(0));
            }
            if (due.isEmpty()) {
                return Uni.createFrom().item(due);
            }
            // Names come from the catalog (the fixed list in DUE and the partitions the schema creates), never from input.
            return pool.query("analyze " + String.join(", ", due.stream().map(PlannerStatistics::quoted).toList()))
                    .execute().replaceWith(due);
        });
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}

package org.radpair.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps the monthly partitions of {@code audit_claim} and {@code finding_event} ready (V21): this month's and the
 * next {@value #MONTHS_AHEAD} exist, and rows that landed in a DEFAULT partition (a backfill of past months, say)
 * are moved into partitions of their months. The work is the SQL function {@code maintain_monthly_partitions};
 * several instances may run it at once (an advisory lock serialises them) and a run that cannot get its locks
 * within 2 s gives up until the next one.
 */
@ApplicationScoped
public class AuditPartitions {

    private static final Logger LOG = Logger.getLogger(AuditPartitions.class);

    /** Months created ahead: the job may fail for this long before a row lands in the DEFAULT partition. */
    public static final int MONTHS_AHEAD = 3;

    /** What one run did. */
    public record Maintenance(int partitionsCreated, long rowsMoved) {
    }

    @Inject
    Pool pool;

    @Scheduled(identity = "audit-monthly-partitions", every = "${radpair.audit.partitions-interval}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> maintainOnSchedule() {
        return maintain().invoke(done -> {
            if (done.partitionsCreated() > 0 || done.rowsMoved() > 0) {
                LOG.infof("Audit partitions: %d month partition(s) created, %d row(s) moved out of the DEFAULT partitions",
                        done.partitionsCreated(), done.rowsMoved());
            }
        }).onFailure().invoke(failure -> LOG.warnf("Audit partition maintenance failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Creates the coming months' partitions and empties the DEFAULT partitions, in one transaction. */
    public Uni<Maintenance> maintain() {
        return pool.preparedQuery("select partitions_created, rows_moved from maintain_monthly_partitions($1)")
                .execute(Tuple.of(MONTHS_AHEAD)).map(rows -> {
                    Row row = rows.iterator().next();
                    return new Maintenance(row.getInteger(0), row.getLong(1));
                });
    }
}

package org.radpair.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.radpair.findings.Finding;
import org.radpair.findings.FindingEvent;
import org.radpair.findings.FindingStatus;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The reads of the billing managers' console that the audit endpoints do not already offer: the daily
 * trend (from the same roll-ups as {@link DailyStats}), breakdowns by payer and CPT, open findings by
 * opening day, findings of a patient or a claim. Every query takes the tenant.
 */
@ApplicationScoped
public class DashboardQueries {

    /** Claims of one verdict received on one day (UTC). */
    public record DayCount(LocalDate day, String verdict, long claims) {
    }

    /** Claims with a value (a payer id, a CPT code) in a period; {@code value} is null for claims without a payer. */
    public record ValueCount(String value, long claims) {
    }

    /** Open findings opened on a day. */
    public record OpenedCount(LocalDate openedOn, long findings) {
    }

    // Rolled-up days from audit_daily_stats, the days from the watermark on from audit_claim: one
    // statement, one snapshot, the same split as DailyStats, so the trend adds up to the stats.
    private static final String TREND = """
            select day, verdict, sum(claims)::bigint
            from (
                select day, verdict, claims from audit_daily_stats
                where tenant = $1 and day >= $2::date and day < least($3::date, (select rolled_before from audit_stats_rollup))
                union all
                select (received_at at time zone 'UTC')::date, verdict, 1 from audit_claim
                where tenant = $1
                  and received_at >= greatest($2::date, (select rolled_before from audit_stats_rollup))::timestamp at time zone 'UTC'
                  and received_at < ($3::date)::timestamp at time zone 'UTC'
            ) days
            group by day, verdict
            order by day, verdict""";

    private static final String BY_PAYER = """
            select payer_id, count(*) from audit_claim
            where tenant = $1 and received_at >= ($2::date)::timestamp at time zone 'UTC'
              and received_at < ($3::date)::timestamp at time zone 'UTC'
            group by payer_id order by count(*) desc, payer_id limit $4""";

    // A claim counts once per CPT however many lines carry it, as the cpt= filter of the claim list counts it.
    private static final String BY_CPT = """
            select cpt, count(*) from audit_claim
            cross join lateral (select distinct unnest(cpts) as cpt) codes
            where tenant = $1 and received_at >= ($2::date)::timestamp at time zone 'UTC'
              and received_at < ($3::date)::timestamp at time zone 'UTC'
            group by cpt order by count(*) desc, cpt limit $4""";

    private static final String OPEN_BY_DAY = """
            select opened_on, count(*) from finding where tenant = $1 and status = 'OPEN'
            group by opened_on order by opened_on""";

    @Inject
    Pool pool;

    /** Claims by received day and verdict, {@code from} to {@code to} inclusive. */
    public Uni<List<DayCount>> trend(String tenant, LocalDate from, LocalDate to) {
        return pool.preparedQuery(TREND).execute(Tuple.of(tenant, from, to.plusDays(1))).map(rows -> {
            List<DayCount> days = new ArrayList<>();
            for (Row row : rows) {
                days.add(new DayCount(row.getLocalDate(0), row.getString(1), row.getLong(2)));
            }
            return days;
        });
    }

    /** The payers with the most claims received in the period, most first. */
    public Uni<List<ValueCount>> byPayer(String tenant, LocalDate from, LocalDate to, int limit) {
        return values(BY_PAYER, tenant, from, to, limit);
    }

    /** The CPT codes on the most claims received in the period, most first. */
    public Uni<List<ValueCount>> byCpt(String tenant, LocalDate from, LocalDate to, int limit) {
        return values(BY_CPT, tenant, from, to, limit);
    }

    private Uni<List<ValueCount>> values(String sql, String tenant, LocalDate from, LocalDate to, int limit) {
        return pool.preparedQuery(sql).execute(Tuple.of(tenant, from, to.plusDays(1), limit)).map(rows -> {
            List<ValueCount> values = new ArrayList<>();
            for (Row row : rows) {
                values.add(new ValueCount(row.getString(0), row.getLong(1)));
            }
            return values;
        });
    }

    /** Every OPEN finding of the tenant, counted by the day it was opened. */
    public Uni<List<OpenedCount>> openFindingsByDay(String tenant) {
        return pool.preparedQuery(OPEN_BY_DAY).execute(Tuple.of(tenant)).map(rows -> {
            List<OpenedCount> days = new ArrayList<>();
            for (Row row : rows) {
                days.add(new OpenedCount(row.getLocalDate(0), row.getLong(1)));
            }
            return days;
        });
    }

    /**
     * The worklist with the console's filters: status (all when null), code (all when null), opened on or
     * before {@code openedOnOrBefore} and on or after {@code openedOnOrAfter} (either may be null), oldest first.
     */
    public Uni<List<Finding>> findings(String tenant, FindingStatus status, String code, LocalDate openedOnOrAfter,
            LocalDate openedOnOrBefore, int limit) {
        StringBuilder where = new StringBuilder("tenant = :tenant");
        io.quarkus.panache.common.Parameters parameters = io.quarkus.panache.common.Parameters.with("tenant", tenant);
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (code != null) {
            where.append(" and code = :code");
            parameters.and("code", code);
        }
        if (openedOnOrAfter != null) {
            where.append(" and openedOn >= :after");
            parameters.and("after", openedOnOrAfter);
        }
        if (openedOnOrBefore != null) {
            where.append(" and openedOn <= :before");
            parameters.and("before", openedOnOrBefore);
        }
        where.append(" order by openedOn, findingId");
        return Panache.withSession(() -> Finding.<Finding>find(where.toString(), parameters).page(0, limit).list());
    }

    /** A patient's findings (any status), by opening day. */
    public Uni<List<Finding>> findingsOfPatient(String tenant, String patientKey) {
        return Panache.withSession(() -> Finding.<Finding>find(
                "tenant = ?1 and patientKey = ?2 order by openedOn, findingId", tenant, patientKey).list());
    }

    /** The findings a claim opened or followed up. */
    public Uni<List<Finding>> findingsOfClaim(String tenant, String claimId) {
        return Panache.withSession(() -> Finding.<Finding>find(
                "tenant = ?1 and (openedByClaim = ?2 or resolvedByClaim = ?2) order by openedOn, findingId", tenant, claimId)
                .list());
    }

    /** The events that closed these findings (a billing manager's decision), with who and when. */
    public Uni<List<FindingEvent>> closings(String tenant, Collection<UUID> findingIds) {
        if (findingIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withSession(() -> FindingEvent.<FindingEvent>find(
                "tenant = ?1 and findingId in ?2 and toStatus = 'CLOSED' order by at", tenant, List.copyOf(findingIds)).list());
    }
}

package org.radpair.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public record DueCount(LocalDate dueOn, long findings) {
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

    // Per received day, so that finished days can be kept: audit rows are never changed or removed, and
    // the days before the roll-up watermark are complete (the same guarantee audit_daily_stats rests on).
    private static final String PAYERS_BY_DAY = """
            select (received_at at time zone 'UTC')::date, coalesce(payer_id, ''), count(*) from audit_claim
            where tenant = $1 and received_at >= ($2::date)::timestamp at time zone 'UTC'
              and received_at < ($3::date)::timestamp at time zone 'UTC'
            group by 1, 2""";

    // A claim counts once per CPT however many lines carry it, as the cpt= filter of the claim list counts it.
    private static final String CPTS_BY_DAY = """
            select (received_at at time zone 'UTC')::date, cpt, count(*) from audit_claim
            cross join lateral (select distinct unnest(cpts) as cpt) codes
            where tenant = $1 and received_at >= ($2::date)::timestamp at time zone 'UTC'
              and received_at < ($3::date)::timestamp at time zone 'UTC'
            group by 1, 2""";

    private static final String WATERMARK = "select rolled_before from audit_stats_rollup";

    /** Finished days' counts by payer and by CPT, per tenant and day: at most this many days are kept. */
    private static final int KEPT_DAYS = 50_000;

    private record DayKey(String kind, String tenant, LocalDate day) {
    }

    private final Map<DayKey, Map<String, Long>> finishedDays = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<DayKey, Map<String, Long>> eldest) {
                    return size() > KEPT_DAYS;
                }
            });

    private static final String OPEN_BY_DAY = """
            select due_on, count(*) from finding where tenant = $1 and status = 'OPEN'
            group by due_on order by due_on""";

    @Inject
    Pool pool;

    /**
     * The trend is read from the replica when one is configured and usable. The breakdowns stay on the primary: they
     * keep finished days in memory, and a replica a backfill has not reached yet would leave wrong counts there.
     */
    @Inject
    AuditReplica replica;

    /** Claims by received day and verdict, {@code from} to {@code to} inclusive. */
    public Uni<List<DayCount>> trend(String tenant, LocalDate from, LocalDate to) {
        return replica.read(connection -> connection.preparedQuery(TREND).execute(Tuple.of(tenant, from, to.plusDays(1))))
                .map(rows -> {
                    List<DayCount> days = new ArrayList<>();
                    for (Row row : rows) {
                        days.add(new DayCount(row.getLocalDate(0), row.getString(1), row.getLong(2)));
                    }
                    return days;
                });
    }

    /** The payers with the most claims received in the period, most first; {@code value} null for claims without a payer. */
    public Uni<List<ValueCount>> byPayer(String tenant, LocalDate from, LocalDate to, int limit) {
        return counts("payer", PAYERS_BY_DAY, tenant, from, to, limit)
                .map(values -> values.stream().map(v -> new ValueCount(v.value().isEmpty() ? null : v.value(), v.claims()))
                        .toList());
    }

    /** The CPT codes on the most claims received in the period, most first. */
    public Uni<List<ValueCount>> byCpt(String tenant, LocalDate from, LocalDate to, int limit) {
        return counts("cpt", CPTS_BY_DAY, tenant, from, to, limit);
    }

    /**
     * Counts by value over the period: finished days (before the roll-up watermark) from memory once read,
     * the others from audit_claim.
     */
    private Uni<List<ValueCount>> counts(String kind, String sql, String tenant, LocalDate from, LocalDate to, int limit) {
        LocalDate end = to.plusDays(1);
        return pool.preparedQuery(WATERMARK).execute().chain(rows -> {
            LocalDate finishedBefore = rows.iterator().next().getLocalDate(0);
            Map<String, Long> totals = new java.util.HashMap<>();
            java.util.Set<LocalDate> missingDays = new java.util.HashSet<>();
            for (LocalDate day = from; day.isBefore(end) && day.isBefore(finishedBefore); day = day.plusDays(1)) {
                Map<String, Long> kept = finishedDays.get(new DayKey(kind, tenant, day));
                if (kept == null) {
                    missingDays.add(day);
                } else {
                    kept.forEach((value, count) -> totals.merge(value, count, Long::sum));
                }
            }
            // One statement for the finished days not kept yet (the kept days between them are read again
            // but not counted twice), one for the days from the watermark on.
            LocalDate liveFrom = from.isAfter(finishedBefore) ? from : finishedBefore;
            Uni<Void> missing = Uni.createFrom().voidItem();
            if (!missingDays.isEmpty()) {
                LocalDate first = java.util.Collections.min(missingDays);
                LocalDate last = java.util.Collections.max(missingDays);
                missing = pool.preparedQuery(sql).execute(Tuple.of(tenant, first, last.plusDays(1))).invoke(found -> {
                    Map<LocalDate, Map<String, Long>> days = new java.util.HashMap<>();
                    missingDays.forEach(day -> days.put(day, new java.util.HashMap<>()));
                    for (Row row : found) {
                        Map<String, Long> counts = days.get(row.getLocalDate(0));
                        if (counts != null) {
                            counts.put(row.getString(1), row.getLong(2));
                            totals.merge(row.getString(1), row.getLong(2), Long::sum);
                        }
                    }
                    days.forEach((day, counts) -> finishedDays.put(new DayKey(kind, tenant, day), Map.copyOf(counts)));
                }).replaceWithVoid();
            }
            Uni<Void> live = !liveFrom.isBefore(end) ? Uni.createFrom().voidItem()
                    : pool.preparedQuery(sql).execute(Tuple.of(tenant, liveFrom, end)).invoke(found -> {
                        for (Row row : found) {
                            totals.merge(row.getString(1), row.getLong(2), Long::sum);
                        }
                    }).replaceWithVoid();
            return missing.chain(() -> live).map(done -> top(totals, limit));
        });
    }

    /** Forgets the kept days of a tenant: after a backfill wrote rows behind the watermark ({@link Backfill}). */
    public void forget(String tenant) {
        synchronized (finishedDays) {
            finishedDays.keySet().removeIf(key -> key.tenant().equals(tenant));
        }
    }

    private static List<ValueCount> top(Map<String, Long> totals, int limit) {
        return totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> new ValueCount(e.getKey(), e.getValue())).toList();
    }

    /** Every OPEN finding of the tenant, counted by the day it was opened. */
    public Uni<List<DueCount>> openFindingsByDueDay(String tenant) {
        return pool.preparedQuery(OPEN_BY_DAY).execute(Tuple.of(tenant)).map(rows -> {
            List<DueCount> days = new ArrayList<>();
            for (Row row : rows) {
                days.add(new DueCount(row.getLocalDate(0), row.getLong(1)));
            }
            return days;
        });
    }

    /**
     * The worklist with the console's filters: status (all when null), code (all when null), due on or before
     * {@code dueOnOrBefore} and on or after {@code dueOnOrAfter} (either may be null), the longest overdue first.
     */
    public Uni<List<Finding>> findings(String tenant, FindingStatus status, String code, LocalDate dueOnOrAfter,
            LocalDate dueOnOrBefore, int limit) {
        StringBuilder where = new StringBuilder("tenant = :tenant");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", tenant);
        if (status != null) {
            where.append(" and status = :status");
            parameters.put("status", status);
        }
        if (code != null) {
            where.append(" and code = :code");
            parameters.put("code", code);
        }
        if (dueOnOrAfter != null) {
            where.append(" and dueOn >= :after");
            parameters.put("after", dueOnOrAfter);
        }
        if (dueOnOrBefore != null) {
            where.append(" and dueOn <= :before");
            parameters.put("before", dueOnOrBefore);
        }
        where.append(" order by dueOn, openedOn, findingId");
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

package org.radpair.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.radpair.findings.Finding;
import org.radpair.findings.FindingRows;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes a history that was checked elsewhere into an EMPTY tenant, with the received times it carries
 * (demo data, benchmarks): audit rows, the findings they open and those they follow up, and the daily
 * roll-ups of the days already rolled up, so that stats count them as if they had been recorded then.
 * One transaction, under the roll-up watermark's lock: a concurrent roll-up waits and then starts after it.
 */
@ApplicationScoped
public class Backfill {

    /**
     * One recorded validation: its row (version, audit id and received time set), the findings it opens,
     * and the codes of the OPEN findings opened by claim {@code followUpOf} (of the same patient) it follows up.
     */
    public record Entry(AuditRecord record, List<Recording.NewFinding> opens, String followUpOf, List<String> followUpCodes) {
    }

    /** What was written. */
    public record Written(int claims, int findingsOpened, int findingsFollowedUp) {
    }

    /** The tenant already has audit rows: a backfill would count its rolled-up days twice. */
    public static class TenantNotEmpty extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public TenantNotEmpty(String tenant) {
            super("Tenant " + tenant + " already has recorded claims");
        }
    }

    private static final int BATCH = 200;

    private static final String ROLL_UP_TENANT = """
            insert into audit_daily_stats (tenant, day, verdict, rules, categories, claims)
            select tenant, (received_at at time zone 'UTC')::date, verdict, rules, categories, count(*)
            from audit_claim
            where tenant = $1 and received_at < ($2::date)::timestamp at time zone 'UTC'
            group by 1, 2, 3, 4, 5""";

    @Inject
    Pool pool;

    @Inject
    DashboardQueries dashboard;

    /** Writes the entries (in the order given: a follow-up after the claim it follows up) into an empty tenant. */
    public Uni<Written> intoEmptyTenant(String tenant, List<Entry> entries) {
        return pool.withTransaction(connection -> connection.preparedQuery("select rolled_before from audit_stats_rollup for update")
                .execute().chain(watermark -> {
                    LocalDate rolledBefore = watermark.iterator().next().getLocalDate(0);
                    return connection.preparedQuery("select exists (select 1 from audit_claim where tenant = $1)")
                            .execute(Tuple.of(tenant)).chain(exists -> {
                                if (exists.iterator().next().getBoolean(0)) {
                                    return Uni.createFrom().failure(new TenantNotEmpty(tenant));
                                }
                                return write(connection, tenant, entries)
                                        .call(() -> connection.preparedQuery(ROLL_UP_TENANT).execute(Tuple.of(tenant, rolledBefore)));
                            });
                })).invoke(() -> dashboard.forget(tenant));
    }

    private static Uni<Written> write(SqlConnection connection, String tenant, List<Entry> entries) {
        List<List<Entry>> batches = new ArrayList<>();
        for (int start = 0; start < entries.size(); start += BATCH) {
            batches.add(entries.subList(start, Math.min(entries.size(), start + BATCH)));
        }
        Map<String, List<Finding>> openedBy = new HashMap<>();
        int[] counts = new int[2];
        return Multi.createFrom().iterable(batches).onItem().transformToUniAndConcatenate(batch -> {
            for (Entry entry : batch) {
                if (!tenant.equals(entry.record().tenant)) {
                    throw new IllegalArgumentException("Entry for another tenant: " + entry.record().tenant);
                }
            }
            Uni<Void> work = AuditRows.insert(connection, batch.stream().map(Entry::record).toList());
            for (Entry entry : batch) {
                AuditRecord row = entry.record();
                for (Recording.NewFinding finding : entry.opens()) {
                    work = work.chain(() -> FindingRows.open(connection, tenant, row.patientKey, finding.code(),
                            finding.regions(), row.claimId, row.auditId, row.dateOfService, finding.how(), finding.rule(), finding.dueOn())
                            .invoke(opened -> {
                                openedBy.computeIfAbsent(row.claimId, id -> new ArrayList<>()).add(opened);
                                counts[0]++;
                            }).replaceWithVoid());
                }
                if (entry.followUpOf() != null) {
                    for (Finding open : openedBy.getOrDefault(entry.followUpOf(), List.of())) {
                        if (open.patientKey.equals(row.patientKey) && entry.followUpCodes().contains(open.code)) {
                            UUID findingId = open.findingId;
                            work = work.chain(() -> FindingRows.followUp(connection, tenant, findingId, row.claimId,
                                    row.auditId, row.dateOfService, "EXPLICIT", "FOLLOWUP-EXPLICIT").invoke(closed -> {
                                        if (closed != null) {
                                            counts[1]++;
                                        }
                                    }).replaceWithVoid());
                        }
                    }
                }
            }
            return work;
        }).collect().last().map(done -> new Written(entries.size(), counts[0], counts[1]));
    }
}

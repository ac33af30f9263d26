package org.radpair.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Queries on the audit history. Every method takes the tenant: no query reads across tenants. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditRecord, UUID> {

    /** Every version of a claim, oldest first. */
    public Uni<List<AuditRecord>> versionsOf(String tenant, String claimId) {
        return list("tenant = ?1 and claimId = ?2 order by version", tenant, claimId);
    }

    /** One page of the audit list, newest first (received_at, audit_id), with every filter of the query. */
    public Uni<List<AuditRecord>> search(AuditQuery query) {
        StringBuilder sql = new StringBuilder("select * from audit_claim where tenant = :tenant");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", query.tenant());
        if (query.receivedFrom() != null) {
            sql.append(" and received_at >= :receivedFrom");
            parameters.put("receivedFrom", query.receivedFrom().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (query.receivedTo() != null) {
            sql.append(" and received_at < :receivedTo");
            parameters.put("receivedTo", query.receivedTo().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        condition(sql, parameters, "date_of_service >= :serviceFrom", "serviceFrom", query.serviceFrom());
        condition(sql, parameters, "date_of_service <= :serviceTo", "serviceTo", query.serviceTo());
        condition(sql, parameters, "verdict = :verdict", "verdict", query.verdict());
        condition(sql, parameters, "payer_id = :payer", "payer", query.payer());
        condition(sql, parameters, "patient_key = :patientKey", "patientKey", query.patientKey());
        condition(sql, parameters, "cpts @> array[cast(:cpt as text)]", "cpt", query.cpt());
        condition(sql, parameters, "rules @> array[cast(:rule as text)]", "rule", query.rule());
        condition(sql, parameters, "categories @> array[cast(:category as text)]", "category", query.category());
        if (query.afterReceivedAt() != null && query.afterAuditId() != null) {
            sql.append(" and (received_at, audit_id) < (:afterReceivedAt, :afterAuditId)");
            parameters.put("afterReceivedAt", query.afterReceivedAt());
            parameters.put("afterAuditId", query.afterAuditId());
        }
        sql.append(" order by received_at desc, audit_id desc limit ").append(query.limit());
        return getSession().chain(session -> {
            var nativeQuery = session.createNativeQuery(sql.toString(), AuditRecord.class);
            parameters.forEach(nativeQuery::setParameter);
            return nativeQuery.getResultList();
        });
    }

    private static void condition(StringBuilder sql, Map<String, Object> parameters, String clause, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }

    /** Counts by verdict, category and rule of the validations received in [from, to), from one index-only scan. */
    public Uni<AuditStats> stats(String tenant, OffsetDateTime from, OffsetDateTime to) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select verdict, array_to_string(rules, ','), array_to_string(categories, ','), count(*)"
                                + " from audit_claim"
                                + " where tenant = :tenant and received_at >= :from and received_at < :to"
                                + " group by verdict, rules, categories", Object[].class)
                .setParameter("tenant", tenant).setParameter("from", from).setParameter("to", to)
                .getResultList())
                .map(rows -> {
                    Map<String, Long> verdicts = new TreeMap<>();
                    Map<String, Long> categories = new TreeMap<>();
                    Map<String, Long> rules = new TreeMap<>();
                    long total = 0;
                    for (Object[] row : rows) {
                        long count = ((Number) row[3]).longValue();
                        total += count;
                        verdicts.merge(String.valueOf(row[0]), count, Long::sum);
                        for (String rule : String.valueOf(row[1]).split(",")) {
                            if (!rule.isEmpty()) {
                                rules.merge(rule, count, Long::sum);
                            }
                        }
                        for (String category : String.valueOf(row[2]).split(",")) {
                            if (!category.isEmpty()) {
                                categories.merge(category, count, Long::sum);
                            }
                        }
                    }
                    return new AuditStats(total, verdicts, categories, rules);
                });
    }

    /**
     * Plans the statements of the current transaction for their actual parameters. The client caches
     * prepared statements and after five executions PostgreSQL switches to a generic plan: for the
     * audit filters on arrays that plan builds a bitmap over the whole tenant (about 50 ms on 200,000
     * rows) where the custom plan walks the newest-first index and stops after a page (about 2 ms).
     * The audit reads ask for it; the recording path's statements are plain equality look-ups that do
     * well with the generic plan.
     */
    Uni<Void> planForActualParameters() {
        return getSession().chain(session -> session
                .createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate())
                .replaceWithVoid();
    }
}

package org.radpair.audit;

import java.time.LocalDate;
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

    public Uni<AuditRecord> findByRequest(String tenant, String claimId, String requestHash) {
        return find("tenant = ?1 and claimId = ?2 and requestHash = ?3", tenant, claimId, requestHash).firstResult();
    }

    /** (version, request hash) of every recorded version of a claim, newest first: usually none. */
    public Uni<List<Object[]>> versionHashes(String tenant, String claimId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select version, requestHash from AuditRecord where tenant = ?1 and claimId = ?2"
                        + " order by version desc", Object[].class)
                .setParameter(1, tenant)
                .setParameter(2, claimId)
                .getResultList());
    }

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

    /** Studies on the patient's other claims with a date of service in [from, to): for screening intervals. */
    public Uni<List<Object[]>> priorStudies(String tenant, String patientKey, String excludedClaimId, LocalDate from,
            LocalDate to) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select a.claimId, a.cpts, a.dateOfService from AuditRecord a"
                                + " where a.tenant = :tenant and a.patientKey = :patient and a.claimId <> :claim"
                                + " and a.dateOfService >= :from and a.dateOfService < :to", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("patient", patientKey)
                .setParameter("claim", excludedClaimId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList());
    }

    /**
     * Plans the statements of the current transaction for their actual parameters. The client caches
     * prepared statements and after five executions PostgreSQL switches to a generic plan: for the
     * audit filters on arrays that plan builds a bitmap over the whole tenant (about 50 ms on 200,000
     * rows) where the custom plan walks the newest-first index and stops after a page (about 2 ms).
     * The audit reads and the recording transaction ask for it; the what-if path's single short query
     * does better with the generic plan.
     */
    Uni<Void> planForActualParameters() {
        return getSession().chain(session -> session
                .createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Serialises writers of one claim inside the current transaction, so that versions are numbered
     * without gaps or collisions and identical re-sends find the first copy.
     */
    Uni<Void> lockClaim(String tenant, String claimId) {
        // Run as a statement without a result mapping: Hibernate caches select plans of native queries
        // under keys that include the mapping object, so a mapped native query on this hot path filled
        // the plan cache with look-alike entries and cost most of the CPU of a recorded claim.
        return getSession().chain(session -> session
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", tenant + '\u001f' + claimId)
                .executeUpdate())
                .replaceWithVoid();
    }
}

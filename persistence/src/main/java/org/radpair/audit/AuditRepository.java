package org.radpair.audit;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads of the audit history, on the plain reactive client. Every method takes the tenant: no query reads across
 * tenants. The list reads may be served by a streaming replica ({@link AuditReplica}); a claim's versions are always
 * read from the primary, so that a caller sees a claim it has just recorded.
 */
@ApplicationScoped
public class AuditRepository {

    // The keys (V21) say in which months a claim's rows are: only those partitions are read.
    private static final String VERSIONS = "select " + AuditRows.COLUMNS + " from audit_claim where tenant = $1"
            + " and (audit_id, received_at) in (select audit_id, received_at from audit_claim_key"
            + " where tenant = $1 and claim_id = $2) order by version";

    /**
     * Plans the list read for its actual parameters. The client caches prepared statements and after five
     * executions PostgreSQL switches to a generic plan: for the audit filters on arrays that plan builds a bitmap
     * over the whole tenant where the custom plan walks the newest-first index and stops after a page; and only a
     * custom plan leaves out, while planning, the months the received dates exclude. The recording path's look-ups
     * have one good plan whatever the values, and planning them on every call cost measurable CPU per recorded
     * claim (the figures of both: docs/PERFORMANCE.md, "Audit queries on one million rows" and "Validate throughput").
     */
    private static final String CUSTOM_PLANS = "set local plan_cache_mode = force_custom_plan";

    @Inject
    Pool pool;

    @Inject
    AuditReplica replica;

    /** Every version of a claim, oldest first, from the primary (read-your-writes). */
    public Uni<List<AuditRecord>> versionsOf(String tenant, String claimId) {
        return pool.preparedQuery(VERSIONS).execute(Tuple.of(tenant, claimId)).map(AuditRepository::records);
    }

    /** One page of the audit list, newest first (received_at, audit_id), with every filter of the query; from the replica if usable. */
    public Uni<List<AuditRecord>> search(AuditQuery query) {
        return replica.read(connection -> connection.query(CUSTOM_PLANS).execute().chain(() -> search(connection, query)));
    }

    static Uni<List<AuditRecord>> search(SqlClient client, AuditQuery query) {
        StringBuilder sql = new StringBuilder("select ").append(AuditRows.COLUMNS).append(" from audit_claim where tenant = $1");
        List<Object> parameters = new ArrayList<>();
        parameters.add(query.tenant());
        if (query.receivedFrom() != null) {
            condition(sql, parameters, "received_at >= $", query.receivedFrom().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (query.receivedTo() != null) {
            condition(sql, parameters, "received_at < $", query.receivedTo().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        condition(sql, parameters, "date_of_service >= $", query.serviceFrom());
        condition(sql, parameters, "date_of_service <= $", query.serviceTo());
        condition(sql, parameters, "verdict = $", query.verdict());
        condition(sql, parameters, "payer_id = $", query.payer());
        condition(sql, parameters, "patient_key = $", query.patientKey());
        condition(sql, parameters, "cpts @> array[$::text]", query.cpt());
        condition(sql, parameters, "rules @> array[$::text]", query.rule());
        condition(sql, parameters, "categories @> array[$::text]", query.category());
        if (query.afterReceivedAt() != null && query.afterAuditId() != null) {
            // The plain bound on received_at lets the planner leave out the months after the cursor.
            condition(sql, parameters, "received_at <= $", query.afterReceivedAt());
            parameters.add(query.afterAuditId());
            sql.append(" and (received_at, audit_id) < ($").append(parameters.size() - 1).append(", $")
                    .append(parameters.size()).append(')');
        }
        sql.append(" order by received_at desc, audit_id desc limit ").append(query.limit());
        return client.preparedQuery(sql.toString()).execute(Tuple.from(parameters)).map(AuditRepository::records);
    }

    /** Appends {@code and clause} with its {@code $} numbered as the next parameter, when the value is given. */
    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            parameters.add(value);
            sql.append(" and ").append(clause.replace("$", "$" + parameters.size()));
        }
    }

    private static List<AuditRecord> records(RowSet<Row> rows) {
        List<AuditRecord> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            records.add(AuditRows.from(row));
        }
        return records;
    }
}

package org.radpair.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.radpair.findings.ReadsPerClaim;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The audit statements of the recording path, on the plain reactive client in the caller's
 * transaction (see {@link AuditLog}). Every statement is filtered by tenant.
 */
final class AuditRows {

    static final String COLUMNS = "audit_id, tenant, claim_id, version, patient_key, request_hash, received_at,"
            + " date_of_service, payer_id, payer_type, cpts, diagnoses, verdict, rules, categories, ruleset_version,"
            + " request::text as request, result::text as result";

    // The keys come sorted, and unnest returns them in array order: every transaction locks in one order.
    private static final String LOCKS = "select pg_advisory_xact_lock(k) from unnest($1::bigint[]) as k";

    // From the keys of the audit rows (V21): one index for every month, and a detached month's versions still count.
    // Read per claim (ReadsPerClaim), as PRIOR_STUDIES.
    private static final String VERSIONS = "select version, request_hash from audit_claim_key"
            + " where tenant = $1 and claim_id = $2 order by version desc";

    // Per claim (ReadsPerClaim): the join of unnest(...) arrays it replaces was planned over every month's partition at
    // each bind, 0.65 ms.
    private static final String PRIOR_STUDIES = "select claim_id, cpts, date_of_service from audit_claim"
            + " where tenant = $1 and patient_key = $2 and claim_id <> $3 and date_of_service >= $4 and date_of_service < $5"
            + " and cpts && $6::text[]";

    // The key gives the row's month: only that partition is read.
    private static final String BY_REQUEST = "select " + COLUMNS + " from audit_claim where tenant = $1"
            + " and (audit_id, received_at) in (select audit_id, received_at from audit_claim_key"
            + " where tenant = $1 and claim_id = $2 and request_hash = $3)";

    private static final String INSERT = "insert into audit_claim (audit_id, tenant, claim_id, version, patient_key,"
            + " request_hash, received_at, date_of_service, payer_id, payer_type, cpts, diagnoses, verdict, rules, categories,"
            + " ruleset_version, request, result) values ";

    private static final int INSERT_COLUMNS = 18;

    /** The multi-row INSERT for each number of rows, built once: its text is also the prepared statement's key. */
    private static final Map<Integer, String> INSERTS = new ConcurrentHashMap<>();

    /** A recorded version of a claim. */
    record Version(int number, String requestHash) {
    }

    private AuditRows() {
    }

    // Generic plans for the whole transaction. Every statement of the recording path has one that is as good as any
    // custom plan (scalar parameters, or a multi-row VALUES), but left to choose, PostgreSQL planned the multi-row INSERT
    // anew at every bind: a custom plan folds cast($n as text)::jsonb into a constant, so it always looks cheaper
    // (planning, and the JSON parsed inside it, were 10 % of PostgreSQL's CPU under load; docs/PERFORMANCE.md).
    private static final String BEGIN = "begin; set local plan_cache_mode = force_generic_plan";

    static Uni<Void> begin(SqlConnection connection) {
        return connection.query(BEGIN).execute().replaceWithVoid();
    }

    /** Commits; sent behind a statement that failed, PostgreSQL rolls back instead (and the failure is reported). */
    static Uni<Void> commit(SqlConnection connection) {
        return connection.query("commit").execute().replaceWithVoid();
    }

    /** Rolls back whatever is open; a connection that is gone has nothing to roll back. */
    static Uni<Void> rollback(SqlConnection connection) {
        return connection.query("rollback").execute().replaceWithVoid().onFailure().recoverWithNull();
    }

    /**
     * Serialises writers of each claim and of each patient inside the transaction (keys from
     * {@link RecordingBatches#lockKey} and {@link RecordingBatches#patientLockKey}, sorted), so that versions are
     * numbered without gaps or collisions, identical re-sends find the first copy, and a patient's findings are
     * read after the last claim that changed them.
     */
    static Uni<Void> lockClaims(SqlConnection connection, Long[] sortedKeys) {
        return connection.preparedQuery(LOCKS).execute(Tuple.of(sortedKeys)).replaceWithVoid();
    }

    /** The recorded versions of each claim, newest first (usually none), in the order of the claims. */
    static Uni<List<List<Version>>> versions(SqlConnection connection, List<AuditLog.Pending> pendings) {
        List<Tuple> claims = new ArrayList<>(pendings.size());
        for (AuditLog.Pending pending : pendings) {
            claims.add(Tuple.of(pending.tenant(), pending.claimId()));
        }
        return ReadsPerClaim.read(connection, VERSIONS, claims, row -> new Version(row.getInteger(0), row.getString(1)));
    }

    /** One empty list per claim, to be filled from rows that carry the claim's ordinal (from 1). */
    static <T> List<List<T>> perClaim(int claims) {
        List<List<T>> lists = new ArrayList<>(claims);
        for (int i = 0; i < claims; i++) {
            lists.add(new ArrayList<>(2));
        }
        return lists;
    }

    static Uni<AuditRecord> byRequest(SqlConnection connection, String tenant, String claimId, String requestHash) {
        return connection.preparedQuery(BY_REQUEST).execute(Tuple.of(tenant, claimId, requestHash))
                .map(rows -> rows.size() == 0 ? null : from(rows.iterator().next()));
    }

    /**
     * For each claim, the patient's studies on other claims with a date of service in the claim's window (its
     * {@code studyMonths} before its date of service) and one of its {@code studyCodes}, in the order of the claims: for
     * the frequency limits.
     */
    static Uni<List<List<AuditLog.Study>>> priorStudies(SqlConnection connection, List<AuditLog.Pending> pendings) {
        List<Tuple> claims = new ArrayList<>(pendings.size());
        for (AuditLog.Pending pending : pendings) {
            claims.add(Tuple.tuple().addString(pending.tenant()).addString(pending.patientKey()).addString(pending.claimId())
                    .addLocalDate(pending.dateOfService().minusMonths(pending.needs().studyMonths()))
                    .addLocalDate(pending.dateOfService()).addArrayOfString(pending.needs().studyCodes().toArray(String[]::new)));
        }
        return ReadsPerClaim.read(connection, PRIOR_STUDIES, claims,
                row -> new AuditLog.Study(row.getString(0), row.getArrayOfStrings(1), row.getLocalDate(2)));
    }

    /** Inserts the records in one statement. */
    static Uni<Void> insert(SqlConnection connection, List<AuditRecord> records) {
        Tuple values = Tuple.tuple();
        for (AuditRecord record : records) {
            values.addUUID(record.auditId).addString(record.tenant).addString(record.claimId)
                    .addInteger(record.version).addString(record.patientKey).addString(record.requestHash)
                    .addOffsetDateTime(record.receivedAt).addLocalDate(record.dateOfService).addString(record.payerId)
                    .addString(record.payerType).addArrayOfString(record.cpts).addArrayOfString(record.diagnoses)
                    .addString(record.verdict).addArrayOfString(record.rules).addArrayOfString(record.categories)
                    .addString(record.rulesetVersion).addString(record.request).addString(record.result);
        }
        return connection.preparedQuery(insertOf(records.size())).execute(values).replaceWithVoid();
    }

    private static String insertOf(int rows) {
        return INSERTS.computeIfAbsent(rows, count -> {
            StringBuilder sql = new StringBuilder(INSERT);
            for (int row = 0; row < count; row++) {
                sql.append(row == 0 ? "(" : ", (");
                for (int column = 1; column <= INSERT_COLUMNS; column++) {
                    String parameter = "$" + (row * INSERT_COLUMNS + column);
                    // jsonb from text: a Java string bound to a jsonb parameter would be stored as one JSON string.
                    sql.append(column == 1 ? "" : ", ")
                            .append(column > INSERT_COLUMNS - 2 ? "cast(" + parameter + " as text)::jsonb" : parameter);
                }
                sql.append(')');
            }
            return sql.toString();
        });
    }

    static AuditRecord from(Row row) {
        AuditRecord record = new AuditRecord();
        record.auditId = row.getUUID("audit_id");
        record.tenant = row.getString("tenant");
        record.claimId = row.getString("claim_id");
        record.version = row.getInteger("version");
        record.patientKey = row.getString("patient_key");
        record.requestHash = row.getString("request_hash");
        record.receivedAt = row.getOffsetDateTime("received_at");
        record.dateOfService = row.getLocalDate("date_of_service");
        record.payerId = row.getString("payer_id");
        record.payerType = row.getString("payer_type");
        record.cpts = row.getArrayOfStrings("cpts");
        record.diagnoses = row.getArrayOfStrings("diagnoses");
        record.verdict = row.getString("verdict");
        record.rules = row.getArrayOfStrings("rules");
        record.categories = row.getArrayOfStrings("categories");
        record.rulesetVersion = row.getString("ruleset_version");
        record.request = row.getString("request");
        record.result = row.getString("result");
        return record;
    }
}

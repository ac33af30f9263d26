package org.radpair.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private static final String VERSIONS = "select i.ord, a.version, a.request_hash"
            + " from unnest($1::text[], $2::text[]) with ordinality as i (tenant, claim_id, ord)"
            + " join audit_claim_key a on a.tenant = i.tenant and a.claim_id = i.claim_id order by i.ord, a.version desc";

    private static final String PRIOR_STUDIES = "select i.ord, a.claim_id, a.cpts, a.date_of_service"
            + " from unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[]) with ordinality"
            + " as i (tenant, patient_key, claim_id, from_day, to_day, ord)"
            + " join audit_claim a on a.tenant = i.tenant and a.patient_key = i.patient_key and a.claim_id <> i.claim_id"
            + " and a.date_of_service >= i.from_day and a.date_of_service < i.to_day and a.cpts && $6::text[]";

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

    static Uni<Void> begin(SqlConnection connection) {
        return connection.query("begin").execute().replaceWithVoid();
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
    static Uni<List<List<Version>>> versions(SqlConnection connection, String[] tenants, String[] claimIds) {
        return connection.preparedQuery(VERSIONS).execute(Tuple.of(tenants, claimIds)).map(rows -> {
            List<List<Version>> versions = perClaim(claimIds.length);
            for (Row row : rows) {
                versions.get((int) row.getLong(0).longValue() - 1).add(new Version(row.getInteger(1), row.getString(2)));
            }
            return versions;
        });
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
     * For each claim, the patient's studies on other claims with a date of service in [from, to) and one of
     * {@code studyCodes}, in the order of the claims: for the frequency limits.
     */
    static Uni<List<List<AuditLog.Study>>> priorStudies(SqlConnection connection, String[] tenants, String[] patientKeys,
            String[] excludedClaimIds, LocalDate[] from, LocalDate[] to, String[] studyCodes) {
        return connection.preparedQuery(PRIOR_STUDIES)
                .execute(Tuple.tuple().addArrayOfString(tenants).addArrayOfString(patientKeys)
                        .addArrayOfString(excludedClaimIds).addArrayOfLocalDate(from).addArrayOfLocalDate(to)
                        .addArrayOfString(studyCodes))
                .map(rows -> {
                    List<List<AuditLog.Study>> studies = perClaim(tenants.length);
                    for (Row row : rows) {
                        studies.get((int) row.getLong(0).longValue() - 1)
                                .add(new AuditLog.Study(row.getString(1), row.getArrayOfStrings(2), row.getLocalDate(3)));
                    }
                    return studies;
                });
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

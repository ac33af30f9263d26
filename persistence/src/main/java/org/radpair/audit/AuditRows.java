package org.radpair.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The audit statements of the recording path, on the plain reactive client in the caller's
 * transaction (see {@link AuditLog}). Every statement is filtered by tenant.
 */
final class AuditRows {

    private static final String COLUMNS = "audit_id, tenant, claim_id, version, patient_key, request_hash, received_at,"
            + " date_of_service, payer_id, payer_type, cpts, diagnoses, verdict, rules, categories, ruleset_version,"
            + " request::text as request, result::text as result";

    private static final String LOCK = "select pg_advisory_xact_lock($1)";

    private static final String VERSIONS = "select version, request_hash from audit_claim"
            + " where tenant = $1 and claim_id = $2 order by version desc";

    private static final String BY_REQUEST = "select " + COLUMNS + " from audit_claim"
            + " where tenant = $1 and claim_id = $2 and request_hash = $3";

    private static final String PRIOR_STUDIES = "select claim_id, cpts, date_of_service from audit_claim"
            + " where tenant = $1 and patient_key = $2 and claim_id <> $3 and date_of_service >= $4 and date_of_service < $5";

    // jsonb from text: a Java string bound to a jsonb parameter would be stored as one JSON string.
    private static final String INSERT = "insert into audit_claim (audit_id, tenant, claim_id, version, patient_key,"
            + " request_hash, received_at, date_of_service, payer_id, payer_type, cpts, diagnoses, verdict, rules, categories,"
            + " ruleset_version, request, result) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
            + " $16, cast($17 as text)::jsonb, cast($18 as text)::jsonb)";

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
     * Serialises writers of one claim inside the transaction (the key is {@link RecordingBatches#lockKey}),
     * so that versions are numbered without gaps
     * or collisions and identical re-sends find the first copy.
     */
    static Uni<Void> lockClaim(SqlConnection connection, long lockKey) {
        return connection.preparedQuery(LOCK).execute(Tuple.of(lockKey)).replaceWithVoid();
    }

    /** The recorded versions of a claim, newest first: usually none. */
    static Uni<List<Version>> versions(SqlConnection connection, String tenant, String claimId) {
        return connection.preparedQuery(VERSIONS).execute(Tuple.of(tenant, claimId)).map(rows -> {
            List<Version> versions = new ArrayList<>(rows.size());
            for (Row row : rows) {
                versions.add(new Version(row.getInteger(0), row.getString(1)));
            }
            return versions;
        });
    }

    static Uni<AuditRecord> byRequest(SqlConnection connection, String tenant, String claimId, String requestHash) {
        return connection.preparedQuery(BY_REQUEST).execute(Tuple.of(tenant, claimId, requestHash))
                .map(rows -> rows.size() == 0 ? null : from(rows.iterator().next()));
    }

    /** The patient's studies on other claims with a date of service in [from, to): for screening intervals. */
    static Uni<List<AuditLog.Study>> priorStudies(SqlConnection connection, String tenant, String patientKey, String excludedClaimId,
            LocalDate from, LocalDate to) {
        return connection.preparedQuery(PRIOR_STUDIES)
                .execute(Tuple.tuple().addString(tenant).addString(patientKey).addString(excludedClaimId)
                        .addLocalDate(from).addLocalDate(to))
                .map(rows -> {
                    List<AuditLog.Study> studies = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        studies.add(new AuditLog.Study(row.getString(0), row.getArrayOfStrings(1), row.getLocalDate(2)));
                    }
                    return studies;
                });
    }

    static Uni<Void> insert(SqlConnection connection, AuditRecord record) {
        Tuple values = Tuple.tuple().addUUID(record.auditId).addString(record.tenant).addString(record.claimId)
                .addInteger(record.version).addString(record.patientKey).addString(record.requestHash)
                .addOffsetDateTime(record.receivedAt).addLocalDate(record.dateOfService).addString(record.payerId)
                .addString(record.payerType).addArrayOfString(record.cpts).addArrayOfString(record.diagnoses)
                .addString(record.verdict).addArrayOfString(record.rules).addArrayOfString(record.categories)
                .addString(record.rulesetVersion).addString(record.request).addString(record.result);
        return connection.preparedQuery(INSERT).execute(values).replaceWithVoid();
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

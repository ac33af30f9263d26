package org.radpair.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The access log: who read which audit data, when, through which endpoint (table {@code audit_access},
 * append-only like the audit history). Patient identifiers appear only as their keys.
 */
@ApplicationScoped
public class AccessLog {

    /** One read to record. {@code claimId}, {@code patientKey}, {@code findingId} and {@code query} may be null. */
    public record Access(String tenant, String subject, String endpoint, String claimId, String patientKey,
            UUID findingId, String query) {
    }

    /** A recorded read. */
    public record Entry(UUID accessId, OffsetDateTime at, String subject, String endpoint, String claimId,
            String patientKey, UUID findingId, String query) {
    }

    /** The filters of a search; {@code afterAt}/{@code afterId} continue after that row (newest first). */
    public record Search(String tenant, OffsetDateTime from, OffsetDateTime to, String subject, OffsetDateTime afterAt,
            UUID afterId, int limit) {
    }

    private static final String INSERT = "insert into audit_access (access_id, tenant, at, subject, endpoint, claim_id,"
            + " patient_key, finding_id, query) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

    private static final String SEARCH = "select access_id, at, subject, endpoint, claim_id, patient_key, finding_id, query"
            + " from audit_access where tenant = $1"
            + " and ($2::timestamptz is null or at >= $2) and ($3::timestamptz is null or at < $3)"
            + " and ($4::text is null or subject = $4)"
            + " and ($5::timestamptz is null or (at, access_id) < ($5, $6::uuid))"
            + " order by at desc, access_id desc limit $7";

    @Inject
    Pool pool;

    public Uni<Void> record(Access access) {
        return pool.preparedQuery(INSERT).execute(Tuple.from(Arrays.<Object>asList(UUID.randomUUID(), access.tenant(),
                OffsetDateTime.now(ZoneOffset.UTC), access.subject(), access.endpoint(), access.claimId(),
                access.patientKey(), access.findingId(), access.query()))).replaceWithVoid();
    }

    public Uni<List<Entry>> search(Search search) {
        return pool.preparedQuery(SEARCH).execute(Tuple.from(Arrays.<Object>asList(search.tenant(), search.from(), search.to(),
                search.subject(), search.afterAt(), search.afterId(), search.limit()))).map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new Entry(row.getUUID("access_id"), row.getOffsetDateTime("at"),
                                row.getString("subject"), row.getString("endpoint"), row.getString("claim_id"),
                                row.getString("patient_key"), row.getUUID("finding_id"), row.getString("query")));
                    }
                    return entries;
                });
    }
}

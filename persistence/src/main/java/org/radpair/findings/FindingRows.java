package org.radpair.findings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The registry's statements on the recording path, in the caller's transaction on the plain reactive
 * client (see {@link org.radpair.audit.AuditLog}). The same rules as {@link FindingRegistry}: every
 * statement is filtered by tenant, status changes are conditional updates recorded as events.
 */
public final class FindingRows {

    private static final String COLUMNS = "finding_id, tenant, patient_key, code, regions, status, opened_by_claim,"
            + " opened_by_audit, opened_on, opened_at, resolved_by_claim, resolved_by_audit, resolved_on, resolved_at,"
            + " close_reason, version, opened_how, opening_rule, due_on, followed_up_how, follow_up_rule";

    private static final String HISTORIES = "select i.ord, " + prefixed("f.", COLUMNS)
            + " from unnest($1::text[], $2::text[], $3::text[]) with ordinality as i (tenant, patient_key, follow_up_of, ord)"
            + " join finding f on f.tenant = i.tenant and f.patient_key = i.patient_key"
            + " and (f.status = 'OPEN' or f.opened_by_claim = i.follow_up_of) order by i.ord, f.opened_on";

    // The finding and its event in one statement (a data-modifying CTE): one round trip per finding.
    private static final String OPEN = "with f as (insert into finding (finding_id, tenant, patient_key, code, regions, status,"
            + " opened_by_claim, opened_by_audit, opened_on, opened_at, opened_how, opening_rule, due_on)"
            + " values ($1, $2, $3, $4, $5, 'OPEN', $6, $7, $8, $9, $10, $11, $12)"
            + " on conflict (tenant, patient_key, code, opened_by_claim) do nothing returning " + COLUMNS + "),"
            + " e as (insert into finding_event (finding_id, tenant, at, from_status, to_status, claim_id, audit_id, actor, reason)"
            + " select finding_id, tenant, $9, null, 'OPEN', $6, $7, 'claim', $13 from f)"
            + " select " + COLUMNS + " from f";

    private static final String OPENED_BEFORE = "select " + COLUMNS + " from finding"
            + " where tenant = $1 and patient_key = $2 and code = $3 and opened_by_claim = $4";

    private static final String FOLLOW_UP = "with f as (update finding set status = 'FOLLOWED_UP', resolved_by_claim = $3,"
            + " resolved_by_audit = $4, resolved_on = $5, resolved_at = $6, followed_up_how = $7, follow_up_rule = $8,"
            + " version = version + 1 where finding_id = $1 and tenant = $2 and status = 'OPEN' returning " + COLUMNS + "),"
            + " e as (insert into finding_event (finding_id, tenant, at, from_status, to_status, claim_id, audit_id, actor, reason)"
            + " select finding_id, tenant, $6, 'OPEN', 'FOLLOWED_UP', $3, $4, 'claim', $9 from f)"
            + " select " + COLUMNS + " from f";

    private FindingRows() {
    }

    /**
     * What the rules need of each claim's patient, in one statement for several claims: for each, in the
     * order of the claims, the findings of its patient that are open or were opened by the claim it
     * follows up ("" for none).
     */
    public static Uni<List<List<Finding>>> historiesOf(SqlConnection connection, String[] tenants, String[] patientKeys,
            String[] followUpOfs) {
        return connection.preparedQuery(HISTORIES).execute(Tuple.of(tenants, patientKeys, followUpOfs)).map(rows -> {
            List<List<Finding>> histories = new ArrayList<>(tenants.length);
            for (int i = 0; i < tenants.length; i++) {
                histories.add(new ArrayList<>(1));
            }
            for (Row row : rows) {
                histories.get((int) row.getLong("ord").longValue() - 1).add(from(row));
            }
            return histories;
        });
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }

    /**
     * Opens a finding for the claim unless an earlier version of the same claim already did; returns it either
     * way. {@code how} is EXPLICIT or INFERRED, {@code rule} the rule that recognised an inferred one.
     */
    public static Uni<Finding> open(SqlConnection connection, String tenant, String patientKey, String code,
            List<String> regions, String claimId, UUID auditId, LocalDate dateOfService, String how, String rule,
            LocalDate dueOn) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Tuple values = Tuple.tuple().addUUID(UUID.randomUUID()).addString(tenant).addString(patientKey).addString(code)
                .addArrayOfString(regions.toArray(String[]::new)).addString(claimId).addUUID(auditId)
                .addLocalDate(dateOfService).addOffsetDateTime(now).addString(how).addString(rule).addLocalDate(dueOn)
                .addString(reason(how, rule));
        return connection.preparedQuery(OPEN).execute(values).chain(inserted -> {
            if (inserted.rowCount() == 0) {
                return connection.preparedQuery(OPENED_BEFORE).execute(Tuple.of(tenant, patientKey, code, claimId))
                        .map(rows -> from(rows.iterator().next()));
            }
            return Uni.createFrom().item(from(inserted.iterator().next()));
        });
    }

    /**
     * Marks an OPEN finding as followed up by a claim: a conditional update, so that of two claims racing
     * for it exactly one succeeds. Returns the finding when this call changed it, else null.
     */
    public static Uni<Finding> followUp(SqlConnection connection, String tenant, UUID findingId, String claimId, UUID auditId,
            LocalDate dateOfService, String how, String rule) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Tuple values = Tuple.tuple().addUUID(findingId).addString(tenant).addString(claimId).addUUID(auditId)
                .addLocalDate(dateOfService).addOffsetDateTime(now).addString(how).addString(rule)
                .addString(reason(how, rule));
        return connection.preparedQuery(FOLLOW_UP).execute(values)
                .map(updated -> updated.rowCount() == 0 ? null : from(updated.iterator().next()));
    }

    /** The reason written on the event of an inferred opening or follow-up: the rule that recognised it. */
    private static String reason(String how, String rule) {
        return "INFERRED".equals(how) ? "inferred from the claim: " + rule : null;
    }

    static Finding from(Row row) {
        Finding finding = new Finding();
        finding.findingId = row.getUUID("finding_id");
        finding.tenant = row.getString("tenant");
        finding.patientKey = row.getString("patient_key");
        finding.code = row.getString("code");
        finding.regions = row.getArrayOfStrings("regions");
        finding.status = FindingStatus.valueOf(row.getString("status"));
        finding.openedByClaim = row.getString("opened_by_claim");
        finding.openedByAudit = row.getUUID("opened_by_audit");
        finding.openedOn = row.getLocalDate("opened_on");
        finding.openedAt = row.getOffsetDateTime("opened_at");
        finding.resolvedByClaim = row.getString("resolved_by_claim");
        finding.resolvedByAudit = row.getUUID("resolved_by_audit");
        finding.resolvedOn = row.getLocalDate("resolved_on");
        finding.resolvedAt = row.getOffsetDateTime("resolved_at");
        finding.closeReason = row.getString("close_reason");
        finding.version = row.getInteger("version");
        finding.openedHow = row.getString("opened_how");
        finding.openingRule = row.getString("opening_rule");
        finding.dueOn = row.getLocalDate("due_on");
        finding.followedUpHow = row.getString("followed_up_how");
        finding.followUpRule = row.getString("follow_up_rule");
        return finding;
    }
}

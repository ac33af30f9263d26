package org.radpair.findings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

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

    // Only the columns the rules and the validate response read: this runs for every claim checked (ReadsPerClaim).
    private static final String HISTORY = "select finding_id, code, regions, status, opened_by_claim, opened_on, opened_how,"
            + " opening_rule, due_on from finding where tenant = $1 and patient_key = $2"
            + " and (status = 'OPEN' or opened_by_claim = $3) order by opened_on";

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

    // The findings a group of claims opens, with their events, in one statement: ids chosen by the caller, no
    // ON CONFLICT (the caller sends only claims without an earlier version, which alone could have opened one
    // already; a duplicate fails the statement, and the group is tried again claim by claim with open()).
    private static final String OPEN_ALL = "with i as (select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[],"
            + " $5::text[], $6::text[], $7::uuid[], $8::date[], $9::text[], $10::text[], $11::date[], $12::text[])"
            + " as i (finding_id, tenant, patient_key, code, regions, claim_id, audit_id, opened_on, how, rule, due_on, reason)),"
            + " f as (insert into finding (finding_id, tenant, patient_key, code, regions, status, opened_by_claim,"
            + " opened_by_audit, opened_on, opened_at, opened_how, opening_rule, due_on)"
            + " select finding_id, tenant, patient_key, code, string_to_array(regions, ','), 'OPEN', claim_id, audit_id,"
            + " opened_on, $13, how, rule, due_on from i)"
            + " insert into finding_event (finding_id, tenant, at, from_status, to_status, claim_id, audit_id, actor, reason)"
            + " select finding_id, tenant, $13, null, 'OPEN', claim_id, audit_id, 'claim', reason from i";

    // The follow-ups of a group of claims in one statement: the same conditional update as followUp(). Each event
    // takes its new status from the update, so a finding another transaction followed up or closed first leaves its
    // event without one, which the table refuses (to_status is not null): the statement fails rather than report
    // a follow-up that did not happen, and the group is tried again claim by claim with followUp().
    private static final String FOLLOW_UP_ALL = "with i as (select * from unnest($1::uuid[], $2::text[], $3::text[],"
            + " $4::uuid[], $5::date[], $6::text[], $7::text[], $8::text[])"
            + " as i (finding_id, tenant, claim_id, audit_id, resolved_on, how, rule, reason)),"
            + " f as (update finding f set status = 'FOLLOWED_UP', resolved_by_claim = i.claim_id, resolved_by_audit = i.audit_id,"
            + " resolved_on = i.resolved_on, resolved_at = $9, followed_up_how = i.how, follow_up_rule = i.rule,"
            + " version = f.version + 1 from i where f.finding_id = i.finding_id and f.tenant = i.tenant and f.status = 'OPEN'"
            + " returning f.finding_id, f.status)"
            + " insert into finding_event (finding_id, tenant, at, from_status, to_status, claim_id, audit_id, actor, reason)"
            + " select i.finding_id, i.tenant, $9, 'OPEN', f.status, i.claim_id, i.audit_id, 'claim', i.reason"
            + " from i left join f on f.finding_id = i.finding_id";

    private FindingRows() {
    }

    /**
     * What the rules need of each claim's patient, in one round trip for several claims: for each, in the order of the
     * claims, the findings of its patient that are open or were opened by the claim it follows up ("" for none).
     */
    public static Uni<List<List<PastFinding>>> historiesOf(SqlConnection connection, String[] tenants, String[] patientKeys,
            String[] followUpOfs) {
        List<Tuple> claims = new ArrayList<>(tenants.length);
        for (int i = 0; i < tenants.length; i++) {
            claims.add(Tuple.of(tenants[i], patientKeys[i], followUpOfs[i]));
        }
        return ReadsPerClaim.read(connection, HISTORY, claims, row -> new PastFinding(row.getUUID(0), row.getString(1),
                List.of(row.getArrayOfStrings(2)), FindingStatus.valueOf(row.getString(3)), row.getString(4),
                row.getLocalDate(5), row.getString(6), row.getString(7), row.getLocalDate(8)));
    }

    /**
     * The finding a claim opens, as {@link #openAll} writes it: a new id, OPEN, {@code how} EXPLICIT or INFERRED and
     * {@code rule} the rule that recognised an inferred one.
     */
    public static Finding toOpen(String tenant, String patientKey, String code, List<String> regions, String claimId,
            UUID auditId, LocalDate dateOfService, String how, String rule, LocalDate dueOn, OffsetDateTime at) {
        Finding finding = finding(UUID.randomUUID(), tenant, patientKey, code, regions, FindingStatus.OPEN, claimId,
                dateOfService, how, rule, dueOn);
        finding.openedByAudit = auditId;
        finding.openedAt = at;
        return finding;
    }

    /** An OPEN finding of the patient's past as {@link #followUpAll} leaves it once the claim has followed it up. */
    public static Finding toFollowUp(String tenant, String patientKey, PastFinding past, String claimId, UUID auditId,
            LocalDate dateOfService, String how, String rule, OffsetDateTime at) {
        Finding finding = finding(past.findingId(), tenant, patientKey, past.code(), past.regions(), FindingStatus.FOLLOWED_UP,
                past.openedByClaim(), past.openedOn(), past.openedHow(), past.openingRule(), past.dueOn());
        finding.resolvedByClaim = claimId;
        finding.resolvedByAudit = auditId;
        finding.resolvedOn = dateOfService;
        finding.resolvedAt = at;
        finding.followedUpHow = how;
        finding.followUpRule = rule;
        return finding;
    }

    private static Finding finding(UUID findingId, String tenant, String patientKey, String code, List<String> regions,
            FindingStatus status, String openedByClaim, LocalDate openedOn, String openedHow, String openingRule, LocalDate dueOn) {
        Finding finding = new Finding();
        finding.findingId = findingId;
        finding.tenant = tenant;
        finding.patientKey = patientKey;
        finding.code = code;
        finding.regions = regions.toArray(String[]::new);
        finding.status = status;
        finding.openedByClaim = openedByClaim;
        finding.openedOn = openedOn;
        finding.openedHow = openedHow;
        finding.openingRule = openingRule;
        finding.dueOn = dueOn;
        return finding;
    }

    /**
     * Opens findings built by {@link #toOpen} (of claims with no earlier version), with their events, in one statement
     * whatever their number. Fails if one exists already: the caller then opens them one by one with {@link #open}.
     */
    public static Uni<Void> openAll(SqlConnection connection, List<Finding> findings, OffsetDateTime at) {
        Tuple values = Tuple.tuple().addArrayOfUUID(column(findings, f -> f.findingId, UUID[]::new))
                .addArrayOfString(strings(findings, f -> f.tenant)).addArrayOfString(strings(findings, f -> f.patientKey))
                .addArrayOfString(strings(findings, f -> f.code)).addArrayOfString(strings(findings, f -> String.join(",", f.regions)))
                .addArrayOfString(strings(findings, f -> f.openedByClaim))
                .addArrayOfUUID(column(findings, f -> f.openedByAudit, UUID[]::new))
                .addArrayOfLocalDate(column(findings, f -> f.openedOn, LocalDate[]::new))
                .addArrayOfString(strings(findings, f -> f.openedHow)).addArrayOfString(strings(findings, f -> f.openingRule))
                .addArrayOfLocalDate(column(findings, f -> f.dueOn, LocalDate[]::new))
                .addArrayOfString(strings(findings, f -> reason(f.openedHow, f.openingRule))).addOffsetDateTime(at);
        return connection.preparedQuery(OPEN_ALL).execute(values).replaceWithVoid();
    }

    /**
     * Follows up findings as built by {@link #toFollowUp} (each at most once), with their events, in one statement
     * whatever their number. Fails unless every one was still OPEN: the caller then follows them up one by one with
     * {@link #followUp}, which tells which ones it changed.
     */
    public static Uni<Void> followUpAll(SqlConnection connection, List<Finding> findings, OffsetDateTime at) {
        Tuple values = Tuple.tuple().addArrayOfUUID(column(findings, f -> f.findingId, UUID[]::new))
                .addArrayOfString(strings(findings, f -> f.tenant)).addArrayOfString(strings(findings, f -> f.resolvedByClaim))
                .addArrayOfUUID(column(findings, f -> f.resolvedByAudit, UUID[]::new))
                .addArrayOfLocalDate(column(findings, f -> f.resolvedOn, LocalDate[]::new))
                .addArrayOfString(strings(findings, f -> f.followedUpHow)).addArrayOfString(strings(findings, f -> f.followUpRule))
                .addArrayOfString(strings(findings, f -> reason(f.followedUpHow, f.followUpRule))).addOffsetDateTime(at);
        return connection.preparedQuery(FOLLOW_UP_ALL).execute(values).replaceWithVoid();
    }

    /** One column of a multi-row statement: the value of each finding, in order. */
    private static <T> T[] column(List<Finding> findings, Function<Finding, T> value, IntFunction<T[]> array) {
        T[] column = array.apply(findings.size());
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(findings.get(i));
        }
        return column;
    }

    private static String[] strings(List<Finding> findings, Function<Finding, String> value) {
        return column(findings, value, String[]::new);
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

package org.radpair.api.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.radpair.api.problem.InvalidQueryParameter;
import org.radpair.api.request.Between;
import org.radpair.api.security.Caller;
import org.radpair.audit.AuditLog;
import org.radpair.audit.AuditQuery;
import org.radpair.audit.AuditRecord;
import org.radpair.audit.DailyStats;
import org.radpair.audit.PatientKeys;
import org.radpair.rules.Category;
import org.radpair.rules.Edit;
import org.radpair.rules.LineResult;
import org.radpair.rules.Verdict;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The audit history of recorded validations and its statistics, always scoped to the caller's tenant. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("audit:read")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    @Inject
    AuditLog auditLog;

    @Inject
    DailyStats dailyStats;

    @Inject
    PatientKeys patientKeys;

    @Inject
    Caller caller;

    @Inject
    AuditCsv csv;

    @Inject
    AuditReads reads;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/claims")
    @Operation(summary = "Recorded validations, newest first, filtered; keyset pagination with nextCursor")
    public Uni<Page> claims(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("dosFrom") LocalDate dosFrom, @QueryParam("dosTo") LocalDate dosTo,
            @QueryParam("verdict") Verdict verdict, @QueryParam("category") Category category,
            @QueryParam("rule") String rule, @QueryParam("payer") String payer, @QueryParam("cpt") String cpt,
            @QueryParam("limit") @Between(min = 1, max = AuditReads.MAX_LIMIT) Integer limit,
            @QueryParam("cursor") String cursor) {
        AuditQuery query = query(caller.tenant(), from, to, dosFrom, dosTo, verdict, category, rule, payer, cpt, null,
                limit, cursor);
        return reads.logged("GET /v1/audit/claims", null, null, null).chain(() -> page(query));
    }

    @GET
    @Path("/claims")
    @Produces("text/csv")
    @Operation(summary = "The same rows as CSV, streamed page by page")
    public Multi<String> claimsCsv(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("dosFrom") LocalDate dosFrom, @QueryParam("dosTo") LocalDate dosTo,
            @QueryParam("verdict") Verdict verdict, @QueryParam("category") Category category,
            @QueryParam("rule") String rule, @QueryParam("payer") String payer, @QueryParam("cpt") String cpt) {
        AuditQuery query = query(caller.tenant(), from, to, dosFrom, dosTo, verdict, category, rule, payer, cpt, null,
                null, null);
        return reads.logged("GET /v1/audit/claims (text/csv)", null, null, null)
                .onItem().transformToMulti(logged -> csv.stream(query.withLimit(AuditCsv.PAGE)));
    }

    @GET
    @Path("/claims/{claimId}")
    @Operation(summary = "Every recorded version of a claim, with its result")
    public Uni<ClaimHistory> claim(@PathParam("claimId") String claimId) {
        return reads.logged("GET /v1/audit/claims/{claimId}", claimId, null, null)
                .chain(() -> auditLog.versionsOf(caller.tenant(), claimId)).map(records -> {
            if (records.isEmpty()) {
                throw new NotFoundException("No claim " + claimId + " has been recorded for this tenant.");
            }
            return new ClaimHistory(claimId, records.stream().map(this::item).toList());
        });
    }

    @GET
    @Path("/patients/{patientId}/claims")
    @Operation(summary = "A patient's recorded validations, newest first (the id is hashed as at recording)")
    public Uni<Page> patientClaims(@PathParam("patientId") String patientId,
            @QueryParam("limit") @Between(min = 1, max = AuditReads.MAX_LIMIT) Integer limit,
            @QueryParam("cursor") String cursor) {
        String tenant = caller.tenant();
        caller.patientLookup();
        String patientKey = patientKeys.keyOf(tenant, patientId);
        AuditQuery query = query(tenant, null, null, null, null, null, null, null, null, null, patientKey, limit, cursor);
        return reads.logged("GET /v1/audit/patients/{patientId}/claims", null, patientKey, null).chain(() -> page(query));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Counts by verdict, category and rule, and the share of claims that passed")
    public Uni<Stats> stats(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate start = from == null ? LocalDate.now(ZoneOffset.UTC).minusDays(30) : from;
        LocalDate end = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
        if (end.isBefore(start)) {
            throw new InvalidQueryParameter("to", "must not be before from");
        }
        return dailyStats.between(caller.tenant(), start, end).map(stats -> Stats.of(start, end, stats));
    }

    private Uni<Page> page(AuditQuery query) {
        return auditLog.search(query).map(records -> {
            boolean more = records.size() > query.limit() - 1;
            List<AuditRecord> shown = more ? records.subList(0, query.limit() - 1) : records;
            String next = more ? AuditCursor.encode(shown.get(shown.size() - 1)) : null;
            return new Page(shown.stream().map(this::item).toList(), next);
        });
    }

    /** Builds the query; the limit asked for is fetched plus one row, to know whether a next page exists. */
    private static AuditQuery query(String tenant, LocalDate from, LocalDate to, LocalDate dosFrom, LocalDate dosTo,
            Verdict verdict, Category category, String rule, String payer, String cpt, String patientKey, Integer limit,
            String cursor) {
        String ruleFilter = text("rule", rule);
        String payerFilter = text("payer", payer);
        String cptFilter = text("cpt", cpt);
        AuditCursor after = cursor == null || cursor.isBlank() ? null : AuditCursor.decode(cursor);
        return new AuditQuery(tenant, from, to, dosFrom, dosTo, verdict == null ? null : verdict.name(),
                category == null ? null : category.name(), ruleFilter == null ? null : ruleFilter.toUpperCase(Locale.ROOT),
                payerFilter, cptFilter == null ? null : cptFilter.toUpperCase(Locale.ROOT), patientKey,
                after == null ? null : after.receivedAt(), after == null ? null : after.auditId(),
                AuditReads.limit(limit) + 1);
    }

    /** A free-text filter, stripped; absent when blank. */
    private static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 80) {
            throw new InvalidQueryParameter(name, "is too long");
        }
        return value.strip();
    }

    /** The parts of a stored validation result an audit item shows. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    record RecordedResult(List<Edit> edits, List<LineResult> lines) {
    }

    private AuditItem item(AuditRecord record) {
        RecordedResult result;
        try {
            result = json.readValue(record.result, RecordedResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored audit result cannot be read back", e);
        }
        return new AuditItem(record.auditId, record.claimId, record.version, record.receivedAt, record.dateOfService,
                Verdict.valueOf(record.verdict), new AuditItem.Payer(record.payerId, record.payerType),
                List.of(record.cpts), List.of(record.diagnoses), result.edits(), result.lines(), record.rulesetVersion);
    }
}

package org.radpair.api.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.radpair.api.claims.ClaimsResource;
import org.radpair.api.claims.StoredResults;
import org.radpair.api.claims.ValidateResponse;
import org.radpair.api.problem.AcceptedDates;
import org.radpair.api.problem.InvalidQueryParameter;
import org.radpair.api.security.Caller;
import org.radpair.audit.AccessLog;
import org.radpair.audit.AuditLog;
import org.radpair.audit.DailyStats;
import org.radpair.audit.AuditQuery;
import org.radpair.audit.AuditRecord;
import org.radpair.audit.AuditStats;
import org.radpair.audit.PatientKeys;
import org.radpair.findings.Finding;
import org.radpair.findings.FindingEvent;
import org.radpair.findings.FindingRegistry;
import org.radpair.findings.FindingStatus;
import org.radpair.rules.Category;
import org.radpair.rules.Verdict;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The audit history and the incidental-finding worklist, always scoped to the caller's tenant. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("audit:read")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    /** Every version of one claim, oldest first. */
    public record ClaimHistory(String claimId, List<AuditItem> versions) {
    }

    public record Page(List<AuditItem> items, String nextCursor) {
    }

    /**
     * A registry item. {@code openedHow}: EXPLICIT (the claim's incidentalFindings) or INFERRED (a secondary
     * diagnosis recognised as a finding, by {@code openingRule}); {@code dueOn}: when its follow-up is due;
     * {@code followedUpHow}: EXPLICIT (followUpOf) or INFERRED (recognised from the later claim, by
     * {@code followUpRule}); {@code overdue}: still OPEN after its due date.
     */
    public record FindingView(UUID findingId, String code, String status, String openedBy, LocalDate openedOn,
            UUID openedAuditId, String resolvedBy, LocalDate resolvedOn, String closeReason, long ageDays,
            List<String> regions, String openedHow, String openingRule, LocalDate dueOn, boolean overdue,
            String followedUpHow, String followUpRule) {
    }

    public record FindingList(List<FindingView> items) {
    }

    public record FindingEventView(OffsetDateTime at, String fromStatus, String toStatus, String claimId, UUID auditId,
            String actor, String reason) {
    }

    public record FindingDetail(FindingView finding, List<FindingEventView> events) {
    }

    public record Stats(LocalDate from, LocalDate to, long total, Map<String, Long> byVerdict,
            Map<String, Long> byCategory, Map<String, Long> byRule, double passRate) {
    }

    public record CloseRequest(@NotNull @Pattern(regexp = "CLOSED", message = "must be CLOSED") String status,
            @NotBlank @Size(max = 500) String reason) {
    }

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @Inject
    AuditLog auditLog;

    @Inject
    DailyStats dailyStats;

    @Inject
    FindingRegistry findings;

    @Inject
    StoredResults storedResults;

    @Inject
    PatientKeys patientKeys;

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditCsv csv;

    @Inject
    AccessLog accessLog;

    @Inject
    HttpServerRequest request;

    @GET
    @Path("/claims")
    @Operation(summary = "Recorded validations, newest first, filtered; keyset pagination with nextCursor")
    public Uni<Page> claims(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("dosFrom") String dosFrom, @QueryParam("dosTo") String dosTo,
            @QueryParam("verdict") String verdict, @QueryParam("category") String category,
            @QueryParam("rule") String rule, @QueryParam("payer") String payer, @QueryParam("cpt") String cpt,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        AuditQuery query = query(caller.tenant(), from, to, dosFrom, dosTo, verdict, category, rule, payer, cpt, null,
                limit, cursor);
        return accessed("GET /v1/audit/claims", null, null, null).chain(() -> page(query));
    }

    @GET
    @Path("/claims")
    @Produces("text/csv")
    @Operation(summary = "The same rows as CSV, streamed page by page")
    public Multi<String> claimsCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("dosFrom") String dosFrom, @QueryParam("dosTo") String dosTo,
            @QueryParam("verdict") String verdict, @QueryParam("category") String category,
            @QueryParam("rule") String rule, @QueryParam("payer") String payer, @QueryParam("cpt") String cpt) {
        AuditQuery query = query(caller.tenant(), from, to, dosFrom, dosTo, verdict, category, rule, payer, cpt, null,
                null, null);
        return accessed("GET /v1/audit/claims (text/csv)", null, null, null)
                .onItem().transformToMulti(logged -> csv.stream(query.withLimit(AuditCsv.PAGE)));
    }

    @GET
    @Path("/claims/{claimId}")
    @Operation(summary = "Every recorded version of a claim, with its result")
    public Uni<ClaimHistory> claim(@PathParam("claimId") String claimId) {
        return accessed("GET /v1/audit/claims/{claimId}", claimId, null, null)
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
    public Uni<Page> patientClaims(@PathParam("patientId") String patientId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        String tenant = caller.tenant();
        caller.patientLookup();
        String patientKey = patientKeys.keyOf(tenant, patientId);
        AuditQuery query = query(tenant, null, null, null, null, null, null, null, null, null, patientKey, limit, cursor);
        return accessed("GET /v1/audit/patients/{patientId}/claims", null, patientKey, null).chain(() -> page(query));
    }

    @GET
    @Path("/findings")
    @Operation(summary = "Incidental findings by status and age: the overdue follow-up worklist, oldest first")
    public Uni<FindingList> findings(@QueryParam("status") String status, @QueryParam("olderThanDays") String olderThanDays,
            @QueryParam("overdue") String overdue, @QueryParam("limit") String limit) {
        FindingStatus wanted = status == null || status.isBlank() ? null : enumValue(FindingStatus.class, "status", status);
        Integer days = olderThanDays == null || olderThanDays.isBlank() ? null : integer("olderThanDays", olderThanDays, 0, 36_500);
        boolean onlyOverdue = overdue != null && !overdue.isBlank() && ClaimsResource.flag("overdue", overdue);
        return accessed("GET /v1/audit/findings", null, null, null)
                .chain(() -> findings.worklist(caller.tenant(), wanted, days, onlyOverdue, limit(limit)))
                .map(list -> new FindingList(list.stream().map(AuditResource::view).toList()));
    }

    @GET
    @Path("/findings/{findingId}")
    @Operation(summary = "One finding with its status history")
    public Uni<FindingDetail> finding(@PathParam("findingId") String findingId) {
        String tenant = caller.tenant();
        UUID id = uuid(findingId);
        return accessed("GET /v1/audit/findings/{findingId}", null, null, id).chain(() -> findings.get(tenant, id)).chain(found -> {
            if (found == null) {
                throw new NotFoundException("No finding " + findingId + " for this tenant.");
            }
            return findings.eventsOf(tenant, id)
                    .map(events -> new FindingDetail(view(found), events.stream().map(AuditResource::eventView).toList()));
        });
    }

    @PATCH
    @Path("/findings/{findingId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("findings:write")
    @Operation(summary = "Close an open finding that needs no follow-up (roles audit:read and findings:write)")
    public Uni<FindingView> close(@PathParam("findingId") String findingId,
            @NotNull(message = "a JSON body is required") @Valid CloseRequest request) {
        if (!identity.hasRole("audit:read")) {
            throw new ForbiddenException("Closing a finding needs the audit:read role as well as findings:write.");
        }
        String tenant = caller.tenant();
        return findings.close(tenant, uuid(findingId), request.reason().strip(), identity.getPrincipal().getName())
                .map(closed -> {
                    if (closed == null) {
                        throw new NotFoundException("No finding " + findingId + " for this tenant.");
                    }
                    return view(closed);
                });
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Counts by verdict, category and rule, and the share of claims that passed")
    public Uni<Stats> stats(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = from == null || from.isBlank() ? LocalDate.now(ZoneOffset.UTC).minusDays(30) : date("from", from);
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(ZoneOffset.UTC) : date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidQueryParameter("to", "must not be before from");
        }
        return dailyStats.between(caller.tenant(), start, end)
                .map(stats -> stats(start, end, stats));
    }

    /**
     * Records a read of audit data in the access log (who, tenant, endpoint, what; the patient only as its key)
     * before it happens: a read that cannot be logged does not happen.
     */
    private Uni<Void> accessed(String endpoint, String claimId, String patientKey, UUID findingId) {
        return accessLog.record(new AccessLog.Access(caller.tenant(), identity.getPrincipal().getName(), endpoint, claimId,
                patientKey, findingId, filters(request)));
    }

    /** The filters of a read as the access log keeps them: the known parameters only, so no identifier slips in. */
    static String filters(HttpServerRequest request) {
        StringBuilder filters = new StringBuilder();
        for (String name : LOGGED_PARAMETERS) {
            String value = request.getParam(name);
            if (value != null && !value.isBlank()) {
                filters.append(filters.length() == 0 ? "" : "&").append(name).append('=')
                        .append(value, 0, Math.min(value.length(), 80));
            }
        }
        return filters.length() == 0 ? null : filters.toString();
    }

    private static final List<String> LOGGED_PARAMETERS = List.of("from", "to", "dosFrom", "dosTo", "verdict", "category",
            "rule", "payer", "cpt", "status", "olderThanDays", "limit", "cursor");

    private static Stats stats(LocalDate from, LocalDate to, AuditStats stats) {
        long passed = stats.byVerdict().getOrDefault(Verdict.PASS.name(), 0L);
        return new Stats(from, to, stats.total(), stats.byVerdict(), stats.byCategory(), stats.byRule(),
                stats.total() == 0 ? 0.0 : Math.round(10_000.0 * passed / stats.total()) / 10_000.0);
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
    static AuditQuery query(String tenant, String from, String to, String dosFrom, String dosTo, String verdict,
            String category, String rule, String payer, String cpt, String patientKey, String limit, String cursor) {
        AuditCursor after = cursor == null || cursor.isBlank() ? null : AuditCursor.decode(cursor);
        return new AuditQuery(tenant, optionalDate("from", from), optionalDate("to", to), optionalDate("dosFrom", dosFrom),
                optionalDate("dosTo", dosTo),
                verdict == null || verdict.isBlank() ? null : enumValue(Verdict.class, "verdict", verdict).name(),
                category == null || category.isBlank() ? null : enumValue(Category.class, "category", category).name(),
                blankToNull(rule, "rule"), blankToNull(payer, "payer"), blankToNull(cpt, "cpt"), patientKey,
                after == null ? null : after.receivedAt(), after == null ? null : after.auditId(), limit(limit) + 1);
    }

    private static String blankToNull(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 80) {
            throw new InvalidQueryParameter(name, "is too long");
        }
        return name.equals("rule") || name.equals("cpt") ? value.strip().toUpperCase(Locale.ROOT) : value.strip();
    }

    static int limit(String limit) {
        return limit == null || limit.isBlank() ? DEFAULT_LIMIT : integer("limit", limit, 1, MAX_LIMIT);
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw new InvalidQueryParameter(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidQueryParameter(name, "must be a whole number");
        }
    }

    private static LocalDate optionalDate(String name, String value) {
        return value == null || value.isBlank() ? null : date(name, value);
    }

    private static LocalDate date(String name, String value) {
        return AcceptedDates.parameter(name, value);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryParameter(name, "must be one of " + List.of(type.getEnumConstants()));
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No finding " + value + " for this tenant.");
        }
    }

    AuditItem item(AuditRecord record) {
        ValidateResponse result = storedResults.read(record.result);
        return new AuditItem(record.auditId, record.claimId, record.version, record.receivedAt, record.dateOfService,
                Verdict.valueOf(record.verdict), new AuditItem.Payer(record.payerId, record.payerType),
                List.of(record.cpts), List.of(record.diagnoses), result.edits(), result.lines(), record.rulesetVersion);
    }

    static FindingView view(Finding finding) {
        return new FindingView(finding.findingId, finding.code, finding.status.name(), finding.openedByClaim,
                finding.openedOn, finding.openedByAudit, finding.resolvedByClaim, finding.resolvedOn, finding.closeReason,
                ChronoUnit.DAYS.between(finding.openedOn, LocalDate.now(ZoneOffset.UTC)), List.of(finding.regions),
                finding.openedHow, finding.openingRule, finding.dueOn,
                finding.status == FindingStatus.OPEN && finding.dueOn != null && finding.dueOn.isBefore(LocalDate.now(ZoneOffset.UTC)),
                finding.followedUpHow, finding.followUpRule);
    }

    private static FindingEventView eventView(FindingEvent event) {
        return new FindingEventView(event.at, event.fromStatus, event.toStatus, event.claimId, event.auditId, event.actor,
                event.reason);
    }
}

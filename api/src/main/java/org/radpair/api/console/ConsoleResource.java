package org.radpair.api.console;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestMulti;
import org.radpair.api.audit.AuditCsv;
import org.radpair.api.claims.StoredResults;
import org.radpair.api.claims.ValidateResponse;
import org.radpair.api.security.TenantRateLimiter;
import org.radpair.audit.AuditLog;
import org.radpair.audit.AccessLog;
import org.radpair.audit.AuditQuery;
import org.radpair.audit.AuditRecord;
import org.radpair.audit.DailyStats;
import org.radpair.audit.DashboardQueries;
import org.radpair.audit.PatientKeys;
import org.radpair.findings.Finding;
import org.radpair.findings.FindingEvent;
import org.radpair.findings.FindingRegistry;
import org.radpair.findings.FindingStatus;
import org.radpair.rules.Category;
import org.radpair.rules.ClaimChecker;
import org.radpair.rules.RuleDefinition;
import org.radpair.rules.Verdict;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The billing managers' console: dashboard, claims, a claim, a patient's timeline, the findings worklist.
 * Server-rendered (Qute), enhanced by htmx; every page is scoped to the signed-in user's tenant, as the
 * API is to the token's.
 */
@Path("/console")
@ConsoleEndpoint
public class ConsoleResource {

    static final int PAGE = 50;
    static final int TIMELINE_CLAIMS = 500;
    static final int WORKLIST = 200;

    /** One claim row of a list, with what the page shows of its result. */
    public record ClaimRow(AuditRecord record, String link, String verdictClass, int edits) {
    }

    /** One version of a claim with its stored result. */
    public record Version(AuditRecord record, ValidateResponse result, String verdictClass) {
    }

    /**
     * A finding as the worklist shows it; {@code openedHow} and {@code followedUpHow} say whether the claim reported it
     * (incidentalFindings, followUpOf) or it was recognised from the claims, and by which rule.
     */
    public record FindingRow(Finding finding, long ageDays, LocalDate due, String overdue, FindingEvent closing,
            String claimLink, String openedHow, String followedUpHow, String followedUpLink) {
    }

    /** One event of a patient's timeline: a recorded claim or a finding opened. */
    public record TimelineEntry(LocalDate date, String kind, ClaimRow claim, FindingRow finding) {
    }

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    ConsoleSettings settings;

    @Inject
    ConsoleRequest request;

    @Inject
    TenantRateLimiter limiter;

    @Inject
    AccessLog accessLog;

    @Inject
    DailyStats dailyStats;

    @Inject
    DashboardQueries queries;

    @Inject
    AuditLog auditLog;

    @Inject
    AuditCsv csv;

    @Inject
    FindingRegistry findings;

    @Inject
    PatientKeys patientKeys;

    @Inject
    StoredResults storedResults;

    @Inject
    ClaimChecker checker;

    @Inject
    @Location("console/dashboard.html")
    Template dashboardPage;

    @Inject
    @Location("console/claims.html")
    Template claimsPage;

    @Inject
    @Location("console/claim.html")
    Template claimPage;

    @Inject
    @Location("console/patient.html")
    Template patientPage;

    @Inject
    @Location("console/findings.html")
    Template findingsPage;

    @Inject
    @Location("console/finding.html")
    Template findingPage;

    @Inject
    @Location("console/message.html")
    Template messagePage;

    private volatile Map<String, RuleDefinition> ruleDefinitions;

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/console/dashboard")).build();
    }

    // --- Dashboard -------------------------------------------------------------------------------------

    @GET
    @Path("/dashboard")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> dashboard(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("loaded") String loaded) {
        return signedIn(user -> {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            List<String> errors = new ArrayList<>();
            // The same defaults as GET /v1/audit/stats: the last 30 days.
            LocalDate start = date("from", from, errors, today.minusDays(30));
            LocalDate end = date("to", to, errors, today);
            if (end.isBefore(start)) {
                errors.add("“To” must not be before “from”.");
                start = today.minusDays(30);
                end = today;
            }
            if (start.isBefore(end.minusYears(2))) {
                errors.add("Show at most two years at once.");
                start = end.minusYears(2);
            }
            LocalDate first = start;
            LocalDate last = end;
            String tenant = user.tenant();
            return Uni.combine().all()
                    .unis(dailyStats.between(tenant, first, last), queries.trend(tenant, first, last),
                            queries.byPayer(tenant, first, last, Dashboard.TOP), queries.byCpt(tenant, first, last, Dashboard.TOP),
                            queries.openFindingsByDueDay(tenant))
                    .with((stats, trend, payers, cpts, open) -> Dashboard.of(first, last, stats, trend, payers, cpts, open,
                            rules(), today))
                    .map(dashboard -> page(dashboardPage.data("dash", dashboard)
                            .data("errors", errors)
                            .data("loaded", loaded)
                            .data("offerDemo", settings.devSignInEnabled() && dashboard.total() == 0
                                    && dashboard.openFindings() == 0), user, "dashboard"));
        });
    }

    // --- Claims ----------------------------------------------------------------------------------------

    /** The claim list's filters, as typed, and what they are as a query (null values: no filter). */
    public record Filters(Map<String, String> values, List<String> errors) {

        String query() {
            return Links.query(values);
        }

        public String get(String name) {
            String value = values.get(name);
            return value == null ? "" : value;
        }
    }

    static Filters filters(String from, String to, String dosFrom, String dosTo, String verdict, String category,
            String rule, String payer, String cpt) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", strip(from));
        values.put("to", strip(to));
        values.put("dosFrom", strip(dosFrom));
        values.put("dosTo", strip(dosTo));
        values.put("verdict", upper(verdict));
        values.put("category", upper(category));
        values.put("rule", upper(rule));
        values.put("payer", strip(payer));
        values.put("cpt", upper(cpt));
        List<String> errors = new ArrayList<>();
        for (String name : List.of("from", "to", "dosFrom", "dosTo")) {
            date(name, values.get(name), errors, null);
        }
        if (values.get("verdict") != null && java.util.Arrays.stream(Verdict.values()).noneMatch(v -> v.name().equals(values.get("verdict")))) {
            errors.add("Verdict must be PASS, WARN or FAIL.");
        }
        if (values.get("category") != null && java.util.Arrays.stream(Category.values()).noneMatch(c -> c.name().equals(values.get("category")))) {
            errors.add("Unknown category " + values.get("category") + ".");
        }
        values.forEach((name, value) -> {
            if (value != null && value.length() > 80) {
                errors.add("The " + name + " filter is too long.");
            }
        });
        return new Filters(values, errors);
    }

    static AuditQuery query(String tenant, Filters filters, String patientKey, String cursor, int rows) {
        Map<String, String> v = filters.values();
        OffsetDateTime afterReceivedAt = null;
        UUID afterAuditId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8)
                        .split("\\|");
                afterReceivedAt = OffsetDateTime.parse(parts[0]);
                afterAuditId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                filters.errors().add("That page link is no longer valid: start again from the first page.");
            }
        }
        return new AuditQuery(tenant, parse(v.get("from")), parse(v.get("to")), parse(v.get("dosFrom")), parse(v.get("dosTo")),
                v.get("verdict"), v.get("category"), v.get("rule"), v.get("payer"), v.get("cpt"), patientKey,
                afterReceivedAt, afterAuditId, rows);
    }

    static String cursor(AuditRecord last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (last.receivedAt.toString() + "|" + last.auditId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @GET
    @Path("/claims")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> claims(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("dosFrom") String dosFrom, @QueryParam("dosTo") String dosTo, @QueryParam("verdict") String verdict,
            @QueryParam("category") String category, @QueryParam("rule") String rule, @QueryParam("payer") String payer,
            @QueryParam("cpt") String cpt, @QueryParam("cursor") String cursor) {
        return signedIn(user -> {
            Filters filters = filters(from, to, dosFrom, dosTo, verdict, category, rule, payer, cpt);
            AuditQuery query = query(user.tenant(), filters, null, cursor, PAGE + 1);
            Uni<List<AuditRecord>> rows = filters.errors().isEmpty()
                    ? accessed(user, "GET /console/claims", null, null, null, filters.query()).chain(() -> auditLog.search(query))
                    : Uni.createFrom().item(List.of());
            return rows.map(records -> {
                boolean more = records.size() > PAGE;
                List<AuditRecord> shown = more ? records.subList(0, PAGE) : records;
                String next = more ? "/console/claims?" + append(filters.query(), "cursor=" + cursor(shown.get(shown.size() - 1)))
                        : null;
                return page(claimsPage.data("filters", filters)
                        .data("rows", shown.stream().map(ConsoleResource::row).toList())
                        .data("next", next)
                        .data("firstPage", cursor == null || cursor.isBlank() ? null : "/console/claims?" + filters.query())
                        .data("csv", "/console/claims.csv" + (filters.query().isEmpty() ? "" : "?" + filters.query()))
                        .data("verdicts", Verdict.values())
                        .data("categories", Category.values()), user, "claims");
            });
        });
    }

    @GET
    @Path("/claims.csv")
    @Produces("text/csv")
    public Multi<String> claimsCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("dosFrom") String dosFrom, @QueryParam("dosTo") String dosTo, @QueryParam("verdict") String verdict,
            @QueryParam("category") String category, @QueryParam("rule") String rule, @QueryParam("payer") String payer,
            @QueryParam("cpt") String cpt) {
        Filters filters = filters(from, to, dosFrom, dosTo, verdict, category, rule, payer, cpt);
        Uni<ConsoleUser> user = settings.enabled() ? identities.getDeferredIdentity().map(ConsoleUser::of)
                : Uni.createFrom().nullItem();
        return RestMulti.fromUniResponse(user, signedIn -> {
            if (!allowed(signedIn) || !filters.errors().isEmpty()) {
                return Multi.createFrom().empty();
            }
            limiter.acquire(signedIn.tenant());
            return accessed(signedIn, "GET /console/claims.csv", null, null, null, filters.query())
                    .onItem().transformToMulti(logged -> csv.stream(query(signedIn.tenant(), filters, null, null, 2_000)));
        }, signedIn -> allowed(signedIn)
                ? Map.of("Content-Disposition", List.of("attachment; filename=\"radpair-claims-" + LocalDate.now(ZoneOffset.UTC)
                        + ".csv\""))
                : signedIn == null ? Map.of("Location", List.of("/console/sign-in")) : Map.of(),
                signedIn -> signedIn == null ? 303 : !allowed(signedIn) ? 403 : !filters.errors().isEmpty() ? 400 : 200);
    }

    @GET
    @Path("/claims/{claimId}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> claim(@PathParam("claimId") String claimId) {
        // One after the other: Hibernate Reactive's session of the request is not shared by concurrent reads.
        return signedIn(user -> accessed(user, "GET /console/claims/{claimId}", claimId, null, null, null)
                .chain(() -> auditLog.versionsOf(user.tenant(), claimId))
                .chain(versions -> queries.findingsOfClaim(user.tenant(), claimId).map(claimFindings -> {
                    if (versions.isEmpty()) {
                        return message(user, 404, "No such claim", "No claim " + claimId + " has been recorded for your "
                                + "organisation.");
                    }
                    List<Version> shown = versions.stream()
                            .map(v -> new Version(v, storedResults.read(v.result), verdictClass(v.verdict))).toList();
                    LocalDate today = LocalDate.now(ZoneOffset.UTC);
                    return page(claimPage.data("claimId", claimId)
                            .data("versions", shown)
                            .data("latest", shown.get(shown.size() - 1))
                            .data("findings", claimFindings.stream().map(f -> findingRow(f, null, today)).toList()), user, "claims");
                })));
    }

    /**
     * Records a console read of audit data in the access log before it happens, as the API's audit reads are
     * (subject, tenant, page, what; the patient only as its key): a read that cannot be logged does not happen.
     */
    private Uni<Void> accessed(ConsoleUser user, String page, String claimId, String patientKey, UUID findingId,
            String query) {
        return accessLog.record(new AccessLog.Access(user.tenant(), user.name(), page, claimId, patientKey, findingId,
                query == null || query.isEmpty() ? null : query));
    }

    // --- Patient timeline --------------------------------------------------------------------------------

    @GET
    @Path("/patients")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> patientForm() {
        return signedIn(user -> Uni.createFrom().item(page(patientPage.data("searched", false).data("entries", List.of())
                .data("patientId", ""), user, "patients")));
    }

    /** The patient id comes in a POST body: it never appears in a URL, and is keyed as the API keys it. */
    @POST
    @Path("/patients")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> patient(@FormParam("csrf") String csrf, @CookieParam(ConsoleFilter.CSRF_COOKIE) String cookie,
            @FormParam("patientId") String patientId) {
        return changing(csrf, cookie, user -> {
            String id = patientId == null ? "" : patientId.strip();
            if (id.isEmpty() || id.length() > 80) {
                return Uni.createFrom().item(page(patientPage.data("searched", false).data("entries", List.of())
                        .data("patientId", "").data("error", "Type the patient identifier (up to 80 characters)."), user,
                        "patients"));
            }
            limiter.acquirePatientLookup(user.tenant());
            String key = patientKeys.keyOf(user.tenant(), id);
            AuditQuery query = new AuditQuery(user.tenant(), null, null, null, null, null, null, null, null, null, key, null,
                    null, TIMELINE_CLAIMS);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            return accessed(user, "POST /console/patients", null, key, null, null)
                    .chain(() -> auditLog.search(query)).chain(claims -> queries.findingsOfPatient(user.tenant(), key)
                    .map(patientFindings -> {
                        List<TimelineEntry> entries = new ArrayList<>();
                        claims.forEach(c -> entries.add(new TimelineEntry(c.dateOfService, "claim", row(c), null)));
                        patientFindings.forEach(f -> entries.add(new TimelineEntry(f.openedOn, "finding", null,
                                findingRow(f, null, today))));
                        entries.sort(Comparator.comparing(TimelineEntry::date)
                                .thenComparing(e -> e.claim() == null ? OffsetDateTime.MIN : e.claim().record().receivedAt));
                        return page(patientPage.data("searched", true).data("entries", entries).data("patientId", id)
                                .data("truncated", claims.size() == TIMELINE_CLAIMS), user, "patients");
                    }));
        });
    }

    // --- Findings worklist -------------------------------------------------------------------------------

    @GET
    @Path("/findings")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> findings(@QueryParam("status") String status, @QueryParam("code") String code,
            @QueryParam("overdue") String overdue) {
        return signedIn(user -> {
            List<String> errors = new ArrayList<>();
            FindingStatus wanted = FindingStatus.OPEN;
            if (status != null && !status.isBlank()) {
                wanted = "ALL".equalsIgnoreCase(status.strip()) ? null : parseStatus(status, errors);
            }
            Overdue bucket = Overdue.parse(overdue);
            if (overdue != null && !overdue.isBlank() && bucket == null) {
                errors.add("Unknown overdue range " + overdue + ".");
            }
            String wantedCode = code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
            if (wantedCode != null && wantedCode.length() > 10) {
                errors.add("A finding code is an ICD-10-CM code such as R91.1.");
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            FindingStatus shownStatus = wanted;
            String logged = "status=" + (wanted == null ? "ALL" : wanted.name())
                    + (wantedCode == null ? "" : "&code=" + wantedCode) + (bucket == null ? "" : "&overdue=" + bucket.key());
            FindingStatus listed = wanted;
            Uni<List<Finding>> found = errors.isEmpty()
                    ? accessed(user, "GET /console/findings", null, null, null, logged).chain(() -> queries.findings(
                            user.tenant(), listed, wantedCode, bucket == null ? null : bucket.dueOnOrAfter(today),
                            bucket == null ? null : bucket.dueOnOrBefore(today), WORKLIST))
                    : Uni.createFrom().item(List.of());
            return found.chain(list -> queries.closings(user.tenant(),
                    list.stream().filter(f -> f.status == FindingStatus.CLOSED).map(f -> f.findingId).toList())
                    .map(closings -> {
                        Map<UUID, FindingEvent> byFinding = new HashMap<>();
                        closings.forEach(event -> byFinding.put(event.findingId, event));
                        List<FindingRow> rows = list.stream().map(f -> findingRow(f, byFinding.get(f.findingId), today)).toList();
                        return page(findingsPage.data("rows", rows)
                                .data("status", shownStatus == null ? "ALL" : shownStatus.name())
                                .data("code", wantedCode == null ? "" : wantedCode)
                                .data("overdue", bucket == null ? "" : bucket.key())
                                .data("buckets", Overdue.values())
                                .data("statuses", List.of("OPEN", "FOLLOWED_UP", "CLOSED", "ALL"))
                                .data("errors", errors)
                                .data("full", list.size() == WORKLIST), user, "findings");
                    }));
        });
    }

    @GET
    @Path("/findings/{findingId}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> finding(@PathParam("findingId") String findingId, @QueryParam("closed") String closed) {
        return signedIn(user -> {
            UUID id = uuid(findingId);
            if (id == null) {
                return Uni.createFrom().item(message(user, 404, "No such finding", "No such finding for your organisation."));
            }
            return accessed(user, "GET /console/findings/{findingId}", null, null, id, null)
                    .chain(() -> findings.get(user.tenant(), id)).chain(found -> {
                if (found == null) {
                    return Uni.createFrom().item(message(user, 404, "No such finding", "No such finding for your organisation."));
                }
                return findings.eventsOf(user.tenant(), id).map(events -> page(findingPage
                        .data("row", findingRow(found, events.stream().filter(e -> "CLOSED".equals(e.toStatus)).findFirst()
                                .orElse(null), LocalDate.now(ZoneOffset.UTC)))
                        .data("events", events)
                        .data("justClosed", closed != null), user, "findings"));
            });
        });
    }

    /** Closes an OPEN finding: a reason and a confirmation, the findings:write role, the CSRF token. */
    @POST
    @Path("/findings/{findingId}/close")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> close(@PathParam("findingId") String findingId, @FormParam("csrf") String csrf,
            @CookieParam(ConsoleFilter.CSRF_COOKIE) String cookie, @FormParam("reason") String reason,
            @FormParam("confirm") String confirm) {
        return changing(csrf, cookie, user -> {
            if (!user.canClose()) {
                return Uni.createFrom().item(message(user, 403, "Not allowed",
                        "Closing a finding needs the findings:write role. Ask your administrator."));
            }
            UUID id = uuid(findingId);
            String why = reason == null ? "" : reason.strip();
            if (id == null) {
                return Uni.createFrom().item(message(user, 404, "No such finding", "No such finding for your organisation."));
            }
            if (why.isEmpty() || why.length() > 500 || !"yes".equals(confirm)) {
                return Uni.createFrom().item(message(user, 400, "Not closed",
                        "To close a finding, give a reason (up to 500 characters) and confirm that it needs no follow-up."));
            }
            return findings.close(user.tenant(), id, why, user.name())
                    .map(closed -> closed == null
                            ? message(user, 404, "No such finding", "No such finding for your organisation.")
                            : Response.seeOther(URI.create("/console/findings/" + id + "?closed=1")).build())
                    .onFailure(FindingRegistry.StatusConflict.class)
                    .recoverWithItem(e -> message(user, 409, "Already resolved", e.getMessage()));
        });
    }

    // --- Helpers ---------------------------------------------------------------------------------------

    /** Runs a page for a signed-in user of a tenant with audit:read; else the sign-in page, or why not. */
    Uni<Response> signedIn(Function<ConsoleUser, Uni<Response>> page) {
        if (!settings.enabled()) {
            return Uni.createFrom().item(off());
        }
        return identities.getDeferredIdentity().map(ConsoleUser::of).chain(user -> {
            if (user == null) {
                return Uni.createFrom().item(Response.seeOther(URI.create("/console/sign-in")).build());
            }
            if (!allowed(user)) {
                return Uni.createFrom().item(message(user, 403, "No access",
                        user.tenant() == null ? "Your account carries no tenant: ask your administrator to add the "
                                + "“tenant” claim." : "Your account lacks the audit:read role: ask your administrator."));
            }
            limiter.acquire(user.tenant());
            return page.apply(user);
        });
    }

    /** A form that changes something (or carries a patient id): the CSRF token must match, then as {@link #signedIn}. */
    Uni<Response> changing(String csrf, String cookie, Function<ConsoleUser, Uni<Response>> action) {
        if (!ConsoleFilter.matches(cookie, csrf)) {
            return Uni.createFrom().item(Response.status(403).type(MediaType.TEXT_HTML)
                    .entity(messagePage.data("title", "Form expired").data("text",
                            "This form has expired or did not come from the console. Go back, reload the page and try again.")
                            .data("user", null).data("csrf", request.csrf()).data("section", "").data("devSignIn", false)
                            .render()).build());
        }
        return signedIn(action);
    }

    static boolean allowed(ConsoleUser user) {
        return user != null && user.tenant() != null && user.canRead();
    }

    Response off() {
        return Response.status(404).type(MediaType.TEXT_HTML).entity(messagePage.data("title", "The console is off")
                .data("text", "No OpenID Connect provider is configured for the console. An administrator sets "
                        + "radpair.console.oidc.auth-server-url, client-id and client-secret (see docs/console.md).")
                .data("user", null).data("csrf", request.csrf()).data("section", "").data("devSignIn", false).render()).build();
    }

    Response message(ConsoleUser user, int status, String title, String text) {
        return Response.status(status).type(MediaType.TEXT_HTML).entity(common(messagePage.data("title", title)
                .data("text", text), user, "").render()).build();
    }

    Response page(TemplateInstance template, ConsoleUser user, String section) {
        return Response.ok(common(template, user, section).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private TemplateInstance common(TemplateInstance template, ConsoleUser user, String section) {
        return template.data("user", user).data("csrf", request.csrf()).data("section", section)
                .data("devSignIn", settings.devSignInEnabled());
    }

    private Map<String, RuleDefinition> rules() {
        if (ruleDefinitions == null) {
            ruleDefinitions = checker.rules().stream().collect(Collectors.toMap(RuleDefinition::id, r -> r, (a, b) -> a));
        }
        return ruleDefinitions;
    }

    static ClaimRow row(AuditRecord record) {
        return new ClaimRow(record, "/console/claims/" + pathSegment(record.claimId), verdictClass(record.verdict),
                record.rules.length);
    }

    FindingRow findingRow(Finding finding, FindingEvent closing, LocalDate today) {
        LocalDate due = finding.dueOn;
        String overdue = finding.status == FindingStatus.OPEN ? Overdue.of(due, today).label()
                : "";
        return new FindingRow(finding, java.time.temporal.ChronoUnit.DAYS.between(finding.openedOn, today), due, overdue,
                closing, "/console/claims/" + pathSegment(finding.openedByClaim),
                how(finding.openedHow, finding.openingRule, "incidentalFindings"),
                finding.followedUpHow == null ? "" : how(finding.followedUpHow, finding.followUpRule, "followUpOf"),
                finding.resolvedByClaim == null ? null : "/console/claims/" + pathSegment(finding.resolvedByClaim));
    }

    /** "explicit (the request field that said it)" or "inferred (the rule that recognised it)". */
    private static String how(String how, String rule, String explicitField) {
        return "INFERRED".equals(how) ? "inferred (" + rule + ")" : "explicit (" + explicitField + ")";
    }

    static String pathSegment(String value) {
        return Links.encode(value).replace("+", "%20");
    }

    static String verdictClass(String verdict) {
        return "verdict-" + verdict;
    }

    private static FindingStatus parseStatus(String status, List<String> errors) {
        try {
            return FindingStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("Status must be OPEN, FOLLOWED_UP, CLOSED or ALL.");
            return FindingStatus.OPEN;
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static String append(String query, String parameter) {
        return query.isEmpty() ? parameter : query + "&" + parameter;
    }

    private static LocalDate parse(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDate date(String name, String value, List<String> errors, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add("The " + name + " date must be written YYYY-MM-DD.");
            return fallback;
        }
    }
}

package org.radpair.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;
import org.radpair.audit.AuditLog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** The coding guide's follow-up stories through the API, on a real PostgreSQL. */
@QuarkusTest
class FollowUpFlowTest {

    @Inject
    Pool pool;

    @Inject
    AuditLog auditLog;

    private static String body(String claimId, String patient, String dos, String cpt, String diagnoses, String context) {
        return """
                {"claimId":"%s","patient":{"id":"%s","sex":"F","birthDate":"1961-04-02"},
                 "payer":{"id":"MEDICARE-JL","type":"MEDICARE"},"dateOfService":"%s","diagnoses":[%s],
                 "lines":[{"cpt":"%s","modifiers":["26"],"diagnosisPointers":[1%s]}],"context":{%s}}
                """.formatted(claimId, patient, dos, diagnoses, cpt, diagnoses.contains(",") ? ",2" : "", context);
    }

    private static ValidatableResponse validate(String tenant, String body) {
        return given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON).body(body)
                .when().post("/v1/claims/validate").then().statusCode(200);
    }

    private static ValidatableResponse audit(String tenant, String path) {
        return given().header("Authorization", Tokens.auditor(tenant)).when().get(path).then();
    }

    @Test
    void renalMassFoundOnAbdominalCtIsFollowedUpByTheRenalMri() {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        String ct = Claims.uniqueId("CT");
        String findingId = validate(tenant, body(ct, patient, "2026-03-02", "74177", "\"R10.9\",\"N28.89\"",
                "\"incidentalFindings\":[\"N28.89\"]"))
                .body("verdict", equalTo("PASS"))
                .body("followUp.openFindings", hasSize(1))
                .body("followUp.openFindings[0].code", equalTo("N28.89"))
                .body("followUp.openFindings[0].openedBy", equalTo(ct))
                .body("followUp.openFindings[0].openedOn", equalTo("2026-03-02"))
                .body("followUp.openFindings[0].status", equalTo("OPEN"))
                .extract().path("followUp.openFindings[0].findingId");

        audit(tenant, "/v1/audit/findings?status=OPEN").statusCode(200)
                .body("items.findingId", hasItem(findingId))
                .body("items.find { it.findingId == '" + findingId + "' }.regions", hasItem("ABDOMEN"));

        // Another study of the abdomen without followUpOf: the open finding is pointed out.
        validate(tenant, body(Claims.uniqueId("MRI"), patient, "2026-03-20", "74183", "\"R10.9\"", "\"purpose\":null"))
                .body("edits.find { it.rule == 'PDX-005' }.codes", contains("N28.89"))
                .body("edits.find { it.rule == 'PDX-005' }.message", containsString(ct));

        // The follow-up MRI coded with the old symptom first: warned, the finding stays open.
        validate(tenant, body(Claims.uniqueId("MRI"), patient, "2026-03-20", "74183", "\"R10.9\",\"N28.89\"",
                "\"followUpOf\":\"" + ct + "\""))
                .body("verdict", equalTo("WARN"))
                .body("edits.find { it.rule == 'PDX-003' }.suggestion.action", equalTo("REORDER_DIAGNOSES"))
                .body("followUp.closedFindings", hasSize(0));

        // Coded with the finding first: the finding is followed up.
        String mri = Claims.uniqueId("MRI");
        String followUp = body(mri, patient, "2026-03-21", "74183", "\"N28.89\"", "\"followUpOf\":\"" + ct + "\"");
        validate(tenant, followUp)
                .body("verdict", equalTo("PASS"))
                .body("followUp.closedFindings", hasSize(1))
                .body("followUp.closedFindings[0].findingId", equalTo(findingId))
                .body("followUp.closedFindings[0].status", equalTo("FOLLOWED_UP"));
        // The same claim again is idempotent: same answer, nothing changes twice.
        validate(tenant, followUp).body("followUp.closedFindings[0].findingId", equalTo(findingId));

        audit(tenant, "/v1/audit/findings/" + findingId).statusCode(200)
                .body("finding.status", equalTo("FOLLOWED_UP"))
                .body("finding.resolvedBy", equalTo(mri))
                .body("events.toStatus", contains("OPEN", "FOLLOWED_UP"));
        audit(tenant, "/v1/audit/findings?status=OPEN").statusCode(200).body("items.findingId", not(hasItem(findingId)));
        audit(tenant, "/v1/audit/findings?status=FOLLOWED_UP").statusCode(200).body("items.findingId", hasItem(findingId));
    }

    @Test
    void lungNoduleFoundOnChestCtForCoughIsFollowedUpThreeMonthsLater() {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        String ct = Claims.uniqueId("CT");
        validate(tenant, body(ct, patient, "2026-01-05", "71250", "\"R05.9\",\"R91.1\"", "\"incidentalFindings\":[\"R91.1\"]"))
                .body("verdict", equalTo("PASS"))
                .body("followUp.openFindings[0].code", equalTo("R91.1"));
        validate(tenant, body(Claims.uniqueId("CT"), patient, "2026-04-06", "71250", "\"R91.1\"",
                "\"purpose\":\"FOLLOW_UP\",\"followUpOf\":\"" + ct + "\""))
                .body("verdict", equalTo("PASS"))
                .body("followUp.closedFindings[0].code", equalTo("R91.1"));
    }

    @Test
    void twoFollowUpClaimsRacingForOneFindingCloseItOnce() throws Exception {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        String ct = Claims.uniqueId("CT");
        validate(tenant, body(ct, patient, "2026-03-02", "74177", "\"R10.9\",\"N28.89\"", "\"incidentalFindings\":[\"N28.89\"]"));
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> closed = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> clients.submit(() -> validate(tenant, body(Claims.uniqueId("MRI"), patient, "2026-03-20",
                            "74183", "\"N28.89\"", "\"followUpOf\":\"" + ct + "\""))
                            .extract().<List<Object>>path("followUp.closedFindings").size()))
                    .toList();
            int total = 0;
            for (Future<Integer> count : closed) {
                total += count.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(1);
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * The follow-ups of a claim go out with its audit row, on what was read before the rules ran: here another
     * transaction closes the finding in between (the test holds the row until the claim's update waits for it). The
     * claim is still recorded, tried again alone, and says it closed nothing; no follow-up event is left behind.
     */
    @Test
    void aFindingClosedByAnotherTransactionWhileAClaimFollowsItUpIsNotReportedAsFollowedUp() throws Exception {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        String findingId = validate(tenant, body(Claims.uniqueId("CT"), patient, "2026-03-02", "74177", "\"R10.9\",\"N28.89\"",
                "\"purpose\":null"))
                .body("followUp.openFindings[0].openedHow", equalTo("INFERRED"))
                .extract().path("followUp.openFindings[0].findingId");
        long retriedBefore = auditLog.recordingCounts().retriedAlone();
        Duration wait = Duration.ofSeconds(30);
        SqlConnection connection = pool.getConnection().await().atMost(wait);
        CompletableFuture<ValidatableResponse> followUp;
        try {
            Transaction closing = connection.begin().await().atMost(wait);
            connection.preparedQuery("update finding set status = 'CLOSED', close_reason = 'closed by the test',"
                    + " resolved_at = now(), version = version + 1 where finding_id = $1")
                    .execute(Tuple.of(UUID.fromString(findingId))).await().atMost(wait);
            followUp = CompletableFuture.supplyAsync(() -> validate(tenant, body(Claims.uniqueId("MRI"), patient, "2026-03-20",
                    "74183", "\"N28.89\"", "\"purpose\":null")));
            long deadline = System.nanoTime() + wait.toNanos();
            // Another backend waits for this transaction: the claim's update of the finding.
            while (connection.query("select 1 from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))")
                    .execute().await().atMost(wait).size() == 0) {
                assertThat(System.nanoTime()).as("the claim's follow-up waits for the finding").isLessThan(deadline);
                Thread.sleep(20);
            }
            closing.commit().await().atMost(wait);
        } finally {
            connection.close().await().atMost(wait);
        }
        followUp.get(60, TimeUnit.SECONDS).body("followUp.closedFindings", hasSize(0));
        assertThat(auditLog.recordingCounts().retriedAlone()).isGreaterThan(retriedBefore);
        audit(tenant, "/v1/audit/findings/" + findingId).statusCode(200)
                .body("finding.status", equalTo("CLOSED"))
                .body("events.toStatus", contains("OPEN"));
    }

    @Test
    void aBillingManagerClosesAFindingThatNeedsNoFollowUp() {
        String tenant = Claims.tenant();
        String findingId = validate(tenant, body(Claims.uniqueId("CT"), Claims.uniqueId("MRN"), "2026-03-02", "71250",
                "\"R05.9\",\"R91.1\"", "\"incidentalFindings\":[\"R91.1\"]"))
                .extract().path("followUp.openFindings[0].findingId");
        String close = "{\"status\":\"CLOSED\",\"reason\":\"Radiologist recommended no follow-up (Fleischner)\"}";
        given().header("Authorization", Tokens.auditor(tenant)).contentType(ContentType.JSON).body(close)
                .when().patch("/v1/audit/findings/" + findingId).then().statusCode(403);
        given().header("Authorization", Tokens.bearer(tenant, "findings:write")).contentType(ContentType.JSON).body(close)
                .when().patch("/v1/audit/findings/" + findingId).then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Claims.tenant(), "audit:read", "findings:write"))
                .contentType(ContentType.JSON).body(close)
                .when().patch("/v1/audit/findings/" + findingId).then().statusCode(404);
        String manager = Tokens.bearer(tenant, "audit:read", "findings:write");
        given().header("Authorization", manager).contentType(ContentType.JSON).body("{\"status\":\"OPEN\",\"reason\":\"x\"}")
                .when().patch("/v1/audit/findings/" + findingId).then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().header("Authorization", manager).contentType(ContentType.JSON).body("{\"status\":\"CLOSED\",\"reason\":\" \"}")
                .when().patch("/v1/audit/findings/" + findingId).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().header("Authorization", manager).contentType(ContentType.JSON).body(close)
                .when().patch("/v1/audit/findings/" + findingId).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closeReason", containsString("Fleischner"));
        given().header("Authorization", manager).contentType(ContentType.JSON).body(close)
                .when().patch("/v1/audit/findings/" + findingId).then().statusCode(409)
                .contentType("application/problem+json");
        audit(tenant, "/v1/audit/findings/" + findingId).statusCode(200)
                .body("events.toStatus", contains("OPEN", "CLOSED"))
                .body("events[1].reason", containsString("Fleischner"))
                .body("events[1].actor", equalTo("test-user"));
        given().header("Authorization", manager).when().patch("/v1/audit/findings/not-a-uuid").then().statusCode(
                org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404), equalTo(415)));
    }

    @Test
    void aDiagnosticBoneDensityStudyAYearAfterTheLastIsFlaggedAndAnAaaScreeningIsOncePerLifetime() {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        // 42 CFR 410.31: every 23 months whatever the purpose; the earlier study is read from the audit history.
        validate(tenant, body(Claims.uniqueId("DXA"), patient, "2025-03-03", "77080", "\"M81.0\"", "\"purpose\":\"DIAGNOSTIC\""))
                .body("edits.rule", org.hamcrest.Matchers.not(hasItem("SCR-009")));
        validate(tenant, body(Claims.uniqueId("DXA"), patient, "2026-03-02", "77080", "\"M81.0\"", "\"purpose\":\"DIAGNOSTIC\""))
                .body("edits.rule", hasItem("SCR-009"));
        // 42 CFR 410.19: once per lifetime, here four years apart (beyond the old 25-month history window).
        validate(tenant, body(Claims.uniqueId("AAA"), patient, "2022-03-01", "76706", "\"Z13.6\",\"Z87.891\"", "\"purpose\":\"SCREENING\""))
                .body("edits.rule", org.hamcrest.Matchers.not(hasItem("SCR-009")));
        validate(tenant, body(Claims.uniqueId("AAA"), patient, "2026-03-02", "76706", "\"Z13.6\",\"Z87.891\"", "\"purpose\":\"SCREENING\""))
                .body("edits.rule", hasItem("SCR-009"));
    }

    @Test
    void aSecondScreeningMammogramWithinElevenMonthsIsFlagged() {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        validate(tenant, body(Claims.uniqueId("MG"), patient, "2025-09-02", "77067", "\"Z12.31\"", "\"purpose\":\"SCREENING\""))
                .body("verdict", equalTo("PASS"));
        validate(tenant, body(Claims.uniqueId("MG"), patient, "2026-03-02", "77067", "\"Z12.31\"", "\"purpose\":\"SCREENING\""))
                .body("edits.rule", hasItem("SCR-009"));
        // Another patient of the same tenant is not affected.
        validate(tenant, body(Claims.uniqueId("MG"), Claims.uniqueId("MRN"), "2026-03-02", "77067", "\"Z12.31\"",
                "\"purpose\":\"SCREENING\"")).body("verdict", equalTo("PASS"));
    }

    /** Claims sent at once share recording transactions: each patient's story must come out as if sent alone. */
    @Test
    void manyPatientsAtOnceEachFindTheirOwnFindingsAndEarlierStudies() throws Exception {
        String tenant = Claims.tenant();
        int patients = 12;
        List<String> mrns = java.util.stream.IntStream.range(0, patients).mapToObj(i -> Claims.uniqueId("MRN")).toList();
        List<String> cts = mrns.stream().map(mrn -> Claims.uniqueId("CT")).toList();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<ValidatableResponse>> first = new java.util.ArrayList<>();
            for (int i = 0; i < patients; i++) {
                String mrn = mrns.get(i);
                String ct = cts.get(i);
                first.add(clients.submit(() -> validate(tenant, body(ct, mrn, "2026-01-05", "71250", "\"R05.9\",\"R91.1\"",
                        "\"incidentalFindings\":[\"R91.1\"]"))));
                first.add(clients.submit(() -> validate(tenant, body(Claims.uniqueId("MG"), mrn, "2025-09-02", "77067",
                        "\"Z12.31\"", "\"purpose\":\"SCREENING\""))));
            }
            for (int i = 0; i < first.size(); i += 2) {
                first.get(i).get(60, TimeUnit.SECONDS).body("followUp.openFindings", hasSize(1))
                        .body("followUp.openFindings[0].openedBy", equalTo(cts.get(i / 2)));
                first.get(i + 1).get(60, TimeUnit.SECONDS).body("verdict", equalTo("PASS"));
            }
            List<Future<ValidatableResponse>> second = new java.util.ArrayList<>();
            for (int i = 0; i < patients; i++) {
                String mrn = mrns.get(i);
                String ct = cts.get(i);
                second.add(clients.submit(() -> validate(tenant, body(Claims.uniqueId("CT"), mrn, "2026-04-06", "71250",
                        "\"R91.1\"", "\"purpose\":\"FOLLOW_UP\",\"followUpOf\":\"" + ct + "\""))));
                second.add(clients.submit(() -> validate(tenant, body(Claims.uniqueId("MG"), mrn, "2026-03-02", "77067",
                        "\"Z12.31\"", "\"purpose\":\"SCREENING\""))));
            }
            for (int i = 0; i < second.size(); i += 2) {
                second.get(i).get(60, TimeUnit.SECONDS).body("followUp.closedFindings", hasSize(1))
                        .body("followUp.closedFindings[0].openedBy", equalTo(cts.get(i / 2)));
                second.get(i + 1).get(60, TimeUnit.SECONDS).body("edits.rule", hasItem("SCR-009"));
            }
        } finally {
            clients.shutdownNow();
        }
        audit(tenant, "/v1/audit/findings?status=OPEN").statusCode(200).body("items", hasSize(0));
        audit(tenant, "/v1/audit/findings?status=FOLLOWED_UP").statusCode(200).body("items", hasSize(patients));
    }
}

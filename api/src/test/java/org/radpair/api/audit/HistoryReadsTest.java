package org.radpair.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;
import org.radpair.audit.AuditLog;
import org.radpair.audit.PatientKeys;
import org.radpair.claim.HistoryNeeds;
import org.radpair.claim.PriorStudy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;

/**
 * What-if checks asked at once share their reads of the patients' past (HistoryReads), and each still gets its own
 * patient's past: the findings of its patient, and the earlier studies its rules asked for, no more.
 */
@QuarkusTest
class HistoryReadsTest {

    @Inject
    AuditLog auditLog;

    @Inject
    PatientKeys patientKeys;

    private static void record(String tenant, String body) {
        given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON).body(body)
                .when().post("/v1/claims/validate").then().statusCode(200);
    }

    @Test
    void readsAskedAtOnceAreSharedAndEachAnswersItsOwnPatient() {
        String tenant = Claims.tenant();
        String withFinding = Claims.uniqueId("MRN");
        String withMammogram = Claims.uniqueId("MRN");
        // A chest CT that found a lung nodule (opened as an incidental finding), and last year's screening mammogram.
        record(tenant, Claims.claim(Claims.uniqueId("CT"), withFinding, "2026-01-05", "71250", "R05.9")
                .replace("\"incidentalFindings\":[]", "\"incidentalFindings\":[\"R91.1\"]"));
        record(tenant, Claims.claim(Claims.uniqueId("MAM"), withMammogram, "2025-05-01", "77067", "Z12.31"));
        String findingKey = patientKeys.keyOf(tenant, withFinding);
        String mammogramKey = patientKeys.keyOf(tenant, withMammogram);
        HistoryNeeds mammogramNeeds = new HistoryNeeds(Set.of("77067"), 13);

        AuditLog.ReadCounts before = auditLog.historyReadCounts();
        List<Uni<AuditLog.PatientPast>> asks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            asks.add(i % 2 == 0
                    ? auditLog.pastOf(tenant, findingKey, "WHATIF-" + i, null, LocalDate.parse("2026-03-02"), HistoryNeeds.FINDINGS_ONLY)
                    : auditLog.pastOf(tenant, mammogramKey, "WHATIF-" + i, null, LocalDate.parse("2026-03-02"), mammogramNeeds));
        }
        List<AuditLog.PatientPast> pasts = Uni.join().all(asks).andFailFast().await().atMost(Duration.ofMinutes(1));
        {
            for (int i = 0; i < pasts.size(); i++) {
                AuditLog.PatientPast past = pasts.get(i);
                if (i % 2 == 0) {
                    assertThat(past.findings()).as("ask %d", i).extracting(f -> f.code()).containsExactly("R91.1");
                    assertThat(past.studies()).as("findings only: no studies read").isEmpty();
                } else {
                    assertThat(past.findings()).as("ask %d", i).isEmpty();
                    assertThat(past.history().studies()).extracting(PriorStudy::cpt, PriorStudy::dateOfService)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("77067", LocalDate.parse("2025-05-01")));
                }
            }
            AuditLog.ReadCounts after = auditLog.historyReadCounts();
            assertThat(after.claims() - before.claims()).isEqualTo(40);
            // Asked faster than the database answers: fewer reads than claims.
            assertThat(after.reads() - before.reads()).isLessThan(40);
            assertThat(after.largestGroup()).isGreaterThan(1);
        }
    }

    @Test
    void studiesOutsideTheWindowOrOfOtherCodesAreNotRead() {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        record(tenant, Claims.claim(Claims.uniqueId("MAM"), patient, "2024-01-10", "77067", "Z12.31"));
        record(tenant, Claims.claim(Claims.uniqueId("CT"), patient, "2026-01-10", "70450", "R51.9"));
        String key = patientKeys.keyOf(tenant, patient);
        assertThat(past(tenant, key, new HistoryNeeds(Set.of("77067"), 13)).studies()).isEmpty();
        assertThat(past(tenant, key, new HistoryNeeds(Set.of("77067"), 73)).history().studies())
                .extracting(PriorStudy::cpt).containsExactly("77067");
        assertThat(past(tenant, key, new HistoryNeeds(Set.of("70450"), 13)).history().studies())
                .extracting(PriorStudy::cpt).containsExactly("70450");
    }

    private AuditLog.PatientPast past(String tenant, String key, HistoryNeeds needs) {
        return auditLog.pastOf(tenant, key, "WHATIF", null, LocalDate.parse("2026-03-02"), needs).await().atMost(Duration.ofMinutes(1));
    }
}

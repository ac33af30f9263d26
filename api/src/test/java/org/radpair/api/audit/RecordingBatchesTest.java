package org.radpair.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.audit.AuditLog;
import org.radpair.audit.AuditRecord;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;

/**
 * Claims submitted together share transactions: each still gets its own version, identical re-sends are
 * found rather than stored twice, and a claim the database refuses fails alone.
 */
@QuarkusTest
class RecordingBatchesTest {

    @Inject
    AuditLog auditLog;

    private static AuditRecord record(String tenant, String claimId, String hash, String verdict) {
        AuditRecord record = Claims.auditRecord(tenant, claimId, hash, verdict);
        // Each claim its own patient: claims of one patient never share a transaction (SamePatientRecordingTest).
        record.patientKey = "patient-of-" + claimId;
        return record;
    }

    /** The outcome of one submission: what was recorded, or why not. */
    private record Outcome(String claimId, AuditLog.Recorded recorded, Throwable failure) {
    }

    private Uni<List<Outcome>> submitAtOnce(List<AuditRecord> records) {
        List<Uni<Outcome>> outcomes = new ArrayList<>();
        for (AuditRecord record : records) {
            outcomes.add(auditLog.record(record).onItemOrFailure()
                    .transform((recorded, failure) -> new Outcome(record.claimId, recorded, failure)));
        }
        return Uni.join().all(outcomes).andFailFast();
    }

    @Test
    @RunOnVertxContext
    void claimsSentTogetherShareTransactionsAndKeepTheirOwnVersions(UniAsserter asserter) {
        String tenant = Claims.tenant();
        List<String> claimIds = new ArrayList<>();
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String claimId = Claims.uniqueId("GRP");
            claimIds.add(claimId);
            // Twice the same request, once a changed one: two versions, the identical copy found.
            records.add(record(tenant, claimId, "a", "PASS"));
            records.add(record(tenant, claimId, "a", "PASS"));
            records.add(record(tenant, claimId, "b", "WARN"));
        }
        AtomicReference<AuditLog.RecordingCounts> before = new AtomicReference<>();
        asserter.execute(() -> before.set(auditLog.recordingCounts()));
        asserter.assertThat(() -> submitAtOnce(records), outcomes -> {
            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
            Map<String, List<AuditLog.Recorded>> byClaim = outcomes.stream()
                    .collect(Collectors.groupingBy(Outcome::claimId, Collectors.mapping(Outcome::recorded, Collectors.toList())));
            assertThat(byClaim).hasSize(40);
            byClaim.values().forEach(recorded -> {
                assertThat(recorded).filteredOn(AuditLog.Recorded::created).extracting(r -> r.record().version)
                        .containsExactlyInAnyOrder(1, 2);
                assertThat(recorded).filteredOn(r -> r.record().requestHash.equals("a")).hasSize(2)
                        .extracting(r -> r.record().auditId).containsOnly(recorded.stream()
                                .filter(r -> r.record().requestHash.equals("a")).findFirst().orElseThrow().record().auditId);
            });
            AuditLog.RecordingCounts after = auditLog.recordingCounts();
            assertThat(after.claims() - before.get().claims()).isEqualTo(120);
            // Fewer transactions than claims: they were grouped.
            assertThat(after.transactions() - before.get().transactions()).isLessThan(120);
            assertThat(after.largestGroup()).isGreaterThan(1);
            // No group failed: copies of one claim never share a transaction, where they would collide.
            assertThat(after.retriedAlone()).isEqualTo(before.get().retriedAlone());
        });
        for (String claimId : claimIds.subList(0, 5)) {
            asserter.assertThat(() -> auditLog.versionsOf(tenant, claimId),
                    versions -> assertThat(versions).extracting(r -> r.version).containsExactly(1, 2));
        }
    }

    @Test
    @RunOnVertxContext
    void aClaimTheDatabaseRefusesFailsAloneAndTheOthersOfItsGroupAreRecorded(UniAsserter asserter) {
        String tenant = Claims.tenant();
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // The table's check constraint refuses this verdict: the shared transaction fails.
            records.add(record(tenant, Claims.uniqueId(i == 17 ? "BAD" : "GOOD"), "h", i == 17 ? "MAYBE" : "PASS"));
        }
        AtomicReference<AuditLog.RecordingCounts> before = new AtomicReference<>();
        asserter.execute(() -> before.set(auditLog.recordingCounts()));
        asserter.assertThat(() -> submitAtOnce(records), outcomes -> {
            assertThat(outcomes).filteredOn(o -> o.failure() != null).singleElement()
                    .satisfies(o -> assertThat(o.claimId()).startsWith("BAD"));
            assertThat(outcomes).filteredOn(o -> o.failure() == null).hasSize(29)
                    .allSatisfy(o -> assertThat(o.recorded().created()).isTrue());
            assertThat(auditLog.recordingCounts().retriedAlone()).isGreaterThan(before.get().retriedAlone());
        });
        for (AuditRecord good : List.of(records.get(0), records.get(16), records.get(29))) {
            asserter.assertThat(() -> auditLog.versionsOf(tenant, good.claimId),
                    versions -> assertThat(versions).extracting(r -> r.version).containsExactly(1));
        }
        asserter.assertThat(() -> auditLog.versionsOf(tenant, records.get(17).claimId), versions -> assertThat(versions).isEmpty());
    }
}

package org.radpair.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.audit.AuditLog;
import org.radpair.audit.AuditRecord;
import org.radpair.audit.Recording;
import org.radpair.findings.Finding;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Claims submitted together share transactions: each still gets its own version, identical re-sends are
 * found rather than stored twice, and a claim the database refuses fails alone.
 */
@QuarkusTest
class RecordingBatchesTest {

    @Inject
    AuditLog auditLog;

    @Inject
    Pool pool;

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

    /** What a recording opened and closed, as its result writer was told. */
    private record Touched(List<Finding> opened, List<Finding> closed) {
    }

    private static Recording recording(AuditRecord record, List<Recording.NewFinding> toOpen, List<Recording.FollowUp> followUps,
            Map<String, Touched> touched) {
        return new Recording(record, toOpen, followUps, (opened, closed) -> {
            touched.put(record.claimId, new Touched(opened, closed));
            return "{\"opened\":" + opened.size() + ",\"closed\":" + closed.size() + "}";
        });
    }

    @Test
    @RunOnVertxContext
    void aGroupOpensAndFollowsUpItsFindingsWithItsInsertAndAFindingTwoClaimsFollowUpIsClosedOnce(UniAsserter asserter) {
        String tenant = Claims.tenant();
        int patients = 30;
        Map<String, Touched> touched = new ConcurrentHashMap<>();
        List<AuditRecord> openers = new ArrayList<>();
        List<Recording> openings = new ArrayList<>();
        for (int i = 0; i < patients; i++) {
            AuditRecord record = record(tenant, Claims.uniqueId("OPEN"), "o", "PASS");
            record.patientKey = String.format("%064d", i);
            openers.add(record);
            openings.add(recording(record, List.of(new Recording.NewFinding("R91.1", List.of("CHEST"), "INFERRED",
                    "FINDING-SECONDARY", LocalDate.parse("2027-03-02"))), List.of(), touched));
        }
        AtomicReference<AuditLog.RecordingCounts> before = new AtomicReference<>();
        asserter.execute(() -> before.set(auditLog.recordingCounts()));
        asserter.assertThat(() -> Uni.join().all(openings.stream().map(auditLog::record).toList()).andFailFast(), recorded -> {
            assertThat(recorded).allSatisfy(r -> assertThat(r.created()).isTrue());
            assertThat(openers).allSatisfy(opener -> assertThat(touched.get(opener.claimId).opened()).singleElement()
                    .satisfies(finding -> {
                        assertThat(finding.openedByClaim).isEqualTo(opener.claimId);
                        assertThat(finding.openedByAudit).isEqualTo(opener.auditId);
                        assertThat(finding.openingRule).isEqualTo("FINDING-SECONDARY");
                    }));
            AuditLog.RecordingCounts after = auditLog.recordingCounts();
            assertThat(after.transactions() - before.get().transactions()).isLessThan(patients);
            assertThat(after.retriedAlone()).isEqualTo(before.get().retriedAlone());
        });
        // Each patient's follow-up, then two more claims following up the last patient's finding: the first two claims
        // start transactions alone, the others queue and share the next one, these three together (in lock order).
        List<Recording> followUps = new ArrayList<>();
        List<String> followerIds = new ArrayList<>();
        asserter.execute(() -> {
            for (int i = 0; i < patients + 2; i++) {
                AuditRecord opener = openers.get(Math.min(i, patients - 1));
                AuditRecord record = record(tenant, Claims.uniqueId("FOLLOW"), "f", "PASS");
                record.patientKey = opener.patientKey;
                record.dateOfService = LocalDate.parse("2026-09-02");
                followerIds.add(record.claimId);
                UUID findingId = touched.get(opener.claimId).opened().get(0).findingId;
                followUps.add(recording(record, List.of(), List.of(new Recording.FollowUp(findingId, "INFERRED", "FOLLOWUP-CODE")),
                        touched));
            }
            before.set(auditLog.recordingCounts());
        });
        asserter.assertThat(() -> Uni.join().all(followUps.stream().map(r -> auditLog.record(r)).toList()).andFailFast(), recorded -> {
            for (int i = 0; i < patients - 1; i++) {
                assertThat(touched.get(followerIds.get(i)).closed()).singleElement().satisfies(finding -> {
                    assertThat(finding.status.name()).isEqualTo("FOLLOWED_UP");
                    assertThat(finding.followUpRule).isEqualTo("FOLLOWUP-CODE");
                    assertThat(finding.openedHow).isEqualTo("INFERRED");
                });
            }
            // The last patient's finding was followed up by one of its three claims only, without a retry.
            assertThat(followerIds.subList(patients - 1, patients + 2).stream().mapToInt(id -> touched.get(id).closed().size())
                    .sum()).isEqualTo(1);
            assertThat(auditLog.recordingCounts().retriedAlone()).isEqualTo(before.get().retriedAlone());
        });
        asserter.assertThat(() -> pool.preparedQuery("select f.status, f.resolved_by_claim, f.follow_up_rule,"
                + " array_agg(e.to_status order by e.event_id) as events, array_agg(e.reason order by e.event_id) as reasons"
                + " from finding f join finding_event e on e.finding_id = f.finding_id where f.tenant = $1"
                + " group by f.finding_id, f.status, f.resolved_by_claim, f.follow_up_rule").execute(Tuple.of(tenant)), rows -> {
            assertThat(rows.size()).isEqualTo(patients);
            for (Row row : rows) {
                assertThat(row.getString("status")).isEqualTo("FOLLOWED_UP");
                assertThat(row.getString("follow_up_rule")).isEqualTo("FOLLOWUP-CODE");
                assertThat(row.getArrayOfStrings("events")).containsExactly("OPEN", "FOLLOWED_UP");
                assertThat(row.getArrayOfStrings("reasons")).containsExactly("inferred from the claim: FINDING-SECONDARY",
                        "inferred from the claim: FOLLOWUP-CODE");
                assertThat(followerIds).contains(row.getString("resolved_by_claim"));
            }
        });
    }
}

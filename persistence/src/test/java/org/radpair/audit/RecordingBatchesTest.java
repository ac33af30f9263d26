package org.radpair.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * How claims are grouped into transactions, with a plain function in place of the database writer: the grouping,
 * ordering, retries and counts are RecordingBatches' own. What the writer does with a group is tested against
 * PostgreSQL in api (org.radpair.api.audit.RecordingBatchesTest).
 */
class RecordingBatchesTest {

    /** A transaction the test finishes when it chooses: the claims it carries and how to answer them. */
    private record Transaction(List<RecordingBatches.Job> jobs, boolean cautious, UniEmitter<? super List<AuditLog.Recorded>> done) {

        List<String> claims() {
            return jobs.stream().map(job -> job.pending().claimId()).toList();
        }

        void succeed() {
            done.complete(jobs.stream().map(job -> recorded(job.pending())).toList());
        }

        void fail() {
            done.fail(new IllegalStateException("the database refused the group"));
        }
    }

    /** Writer stand-in that holds every transaction open until the test finishes it. */
    private static final class HeldTransactions implements RecordingBatches.Recorder {

        final List<Transaction> started = new ArrayList<>();

        @Override
        public Uni<List<AuditLog.Recorded>> record(List<RecordingBatches.Job> jobs, boolean cautious) {
            return Uni.createFrom().emitter(done -> started.add(new Transaction(List.copyOf(jobs), cautious, done)));
        }

        Transaction last() {
            return started.get(started.size() - 1);
        }
    }

    /** What each submitted claim got back. */
    private static final class Outcomes {

        final List<String> recorded = new ArrayList<>();
        final List<String> failed = new ArrayList<>();

        void submit(RecordingBatches batches, AuditLog.Pending pending) {
            batches.submit(pending, past -> null).subscribe().with(
                    done -> recorded.add(done.record().claimId), failure -> failed.add(pending.claimId()));
        }
    }

    private static AuditLog.Pending claim(String claimId, String patient) {
        return new AuditLog.Pending("tenant-1", claimId, "hash-" + claimId, patient, null, LocalDate.parse("2026-03-02"), org.radpair.claim.HistoryNeeds.FINDINGS_ONLY);
    }

    private static AuditLog.Pending claim(String claimId) {
        return claim(claimId, "patient-of-" + claimId);
    }

    private static AuditLog.Recorded recorded(AuditLog.Pending pending) {
        AuditRecord record = new AuditRecord();
        record.tenant = pending.tenant();
        record.claimId = pending.claimId();
        return new AuditLog.Recorded(record, true);
    }

    @Test
    void aClaimOnAQuietServiceStartsItsOwnTransactionAtOnce() {
        HeldTransactions writer = new HeldTransactions();
        RecordingBatches batches = new RecordingBatches(2, 64, writer);
        Outcomes outcomes = new Outcomes();

        outcomes.submit(batches, claim("A"));

        assertThat(writer.started).hasSize(1);
        assertThat(writer.last().claims()).containsExactly("A");
        assertThat(writer.last().cautious()).isFalse();
        writer.last().succeed();
        assertThat(outcomes.recorded).containsExactly("A");
        assertThat(batches.counts()).isEqualTo(new AuditLog.RecordingCounts(1, 1, 0, 1, 0));
    }

    @Test
    void theTimeClaimsWaitForATransactionAndTheTimeTransactionsTakeAreSummed() throws InterruptedException {
        HeldTransactions writer = new HeldTransactions();
        RecordingBatches batches = new RecordingBatches(1, 64, writer);
        Outcomes outcomes = new Outcomes();
        assertThat(batches.times()).isEqualTo(new AuditLog.RecordingTimes(0, 0));

        outcomes.submit(batches, claim("A"));
        outcomes.submit(batches, claim("B"));
        outcomes.submit(batches, claim("C"));
        Thread.sleep(30);
        writer.last().succeed();
        writer.last().succeed();

        // A started at once; B and C waited at least while A's transaction was held, which took at least as long.
        AuditLog.RecordingTimes times = batches.times();
        assertThat(times.waitSeconds()).isGreaterThanOrEqualTo(2 * 0.030);
        assertThat(times.transactionSeconds()).isGreaterThanOrEqualTo(0.030);
        assertThat(outcomes.recorded).containsExactly("A", "B", "C");
    }

    @Test
    void claimsThatArriveWhileEveryTransactionIsOpenLeaveTogetherWithTheNextOneInLockOrder() {
        HeldTransactions writer = new HeldTransactions();
        RecordingBatches batches = new RecordingBatches(2, 64, writer);
        Outcomes outcomes = new Outcomes();
        List<String> queued = IntStream.range(0, 10).mapToObj(i -> "Q" + i).toList();

        outcomes.submit(batches, claim("A"));
        outcomes.submit(batches, claim("B"));
        queued.forEach(id -> outcomes.submit(batches, claim(id)));

        assertThat(writer.started).hasSize(2);
        assertThat(batches.counts().waiting()).isEqualTo(10);
        writer.started.get(0).succeed();

        assertThat(writer.started).hasSize(3);
        Transaction group = writer.last();
        assertThat(group.claims()).containsExactlyInAnyOrderElementsOf(queued);
        assertThat(group.jobs()).isSortedAccordingTo(Comparator.comparingLong(RecordingBatches.Job::lockKey));
        group.succeed();
        writer.started.get(1).succeed();
        assertThat(outcomes.recorded).containsExactlyInAnyOrderElementsOf(concat(List.of("A", "B"), queued));
        assertThat(batches.counts()).isEqualTo(new AuditLog.RecordingCounts(3, 12, 0, 10, 0));
    }

    @Test
    void aTransactionCarriesAtMostBatchSizeClaims() {
        HeldTransactions writer = new HeldTransactions();
        RecordingBatches batches = new RecordingBatches(1, 3, writer);
        Outcomes outcomes = new Outcomes();

        IntStream.range(0, 8).forEach(i -> outcomes.submit(batches, claim("C" + i)));
        for (int finished = 0; finished < 4; finished++) {
            writer.last().succeed();
        }

        assertThat(writer.started).extracting(transaction -> transaction.jobs().size()).containsExactly(1, 3, 3, 1);
        assertThat(outcomes.recorded).hasSize(8).doesNotHaveDuplicates();
        assertThat(batches.counts().largestGroup()).isEqualTo(3);
    }

    @Test
    void twoRequestsForOneClaimOrOnePatientNeverShareATransaction() {
        HeldTransactions writer = new HeldTransactions();
        RecordingBatches batches = new RecordingBatches(1, 64, writer);
        Outcomes outcomes = new Outcomes();

        outcomes.submit(batches, claim("FIRST"));
        outcomes.submit(batches, claim("SAME-CLAIM"));
        outcomes.submit(batches, claim("SAME-CLAIM"));
        outcomes.submit(batches, claim("P1", "patient-7"));
        outcomes.submit(batches, claim("P2", "patient-7"));
        outcomes.submit(batches, claim("OTHER"));
        writer.last().succeed();

        assertThat(writer.last().claims()).containsExactlyInAnyOrder("SAME-CLAIM", "P1", "OTHER");
        writer.last().succeed();
        assertThat(writer.last().claims()).containsExactlyInAnyOrder("SAME-CLAIM", "P2");
        writer.last().succeed();
        assertThat(writer.started).hasSize(3);
        assertThat(outcomes.recorded).hasSize(6);
    }

    @Test
    void aFailedGroupIsTriedAgainClaimByClaimCautiouslySoThatOneRefusedClaimFailsAlone() {
        HeldTransactions writer = new HeldTransactions();
        RecordingBatches batches = new RecordingBatches(1, 64, writer);
        Outcomes outcomes = new Outcomes();

        outcomes.submit(batches, claim("FIRST"));
        List.of("G1", "BAD", "G2").forEach(id -> outcomes.submit(batches, claim(id)));
        writer.last().succeed();
        Transaction group = writer.last();
        List<String> groupOrder = group.claims();
        group.fail();

        for (String claim : groupOrder) {
            Transaction alone = writer.last();
            assertThat(alone.claims()).containsExactly(claim);
            assertThat(alone.cautious()).isTrue();
            if (claim.equals("BAD")) {
                alone.fail();
            } else {
                alone.succeed();
            }
        }

        assertThat(outcomes.recorded).containsExactlyInAnyOrder("FIRST", "G1", "G2");
        assertThat(outcomes.failed).containsExactly("BAD");
        assertThat(batches.counts().retriedAlone()).isEqualTo(3);
        assertThat(batches.counts().transactions()).isEqualTo(5);
    }

    @Test
    void aWriterThatThrowsFailsItsClaimsInsteadOfStrandingThem() {
        RecordingBatches batches = new RecordingBatches(1, 64, (jobs, cautious) -> {
            throw new IllegalStateException("no connection");
        });
        Outcomes outcomes = new Outcomes();

        outcomes.submit(batches, claim("X"));

        assertThat(outcomes.failed).containsExactly("X");
        assertThat(batches.counts().waiting()).isZero();
    }

    @Test
    void concurrentSubmittersNeverOpenMoreTransactionsThanAllowedAndEveryClaimIsAnsweredOnce() throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger mostOpen = new AtomicInteger();
        ExecutorService database = Executors.newFixedThreadPool(4);
        RecordingBatches batches = new RecordingBatches(3, 16, (jobs, cautious) -> {
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            return Uni.createFrom().item(() -> {
                List<AuditLog.Recorded> answers = jobs.stream().map(job -> recorded(job.pending())).toList();
                open.decrementAndGet();
                return answers;
            }).runSubscriptionOn(database);
        });
        ExecutorService submitters = Executors.newFixedThreadPool(8);
        Set<String> answered = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int t = thread;
                sent.add(submitters.submit(() -> IntStream.range(0, 250).forEach(i -> {
                    AuditLog.Recorded done = batches.submit(claim("T" + t + "-" + i), past -> null).await().atMost(Duration.ofMinutes(1));
                    assertThat(answered.add(done.record().claimId)).isTrue();
                })));
            }
            for (Future<?> submitter : sent) {
                submitter.get();
            }
        } finally {
            submitters.shutdownNow();
            database.shutdownNow();
        }

        assertThat(answered).hasSize(2000);
        assertThat(mostOpen.get()).isBetween(1, 3);
        assertThat(batches.counts().claims()).isEqualTo(2000);
        assertThat(batches.counts().waiting()).isZero();
    }

    @Test
    void atLeastOneTransactionAndOneClaimPerTransaction() {
        assertThatThrownBy(() -> new RecordingBatches(0, 64, (jobs, cautious) -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordingBatches(2, 0, (jobs, cautious) -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

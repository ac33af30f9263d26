package org.radpair.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Groups the claims waiting to be recorded into shared transactions. A claim that arrives while fewer
 * than {@code transactions} are open starts one at once, alone, so a quiet service adds no wait; claims
 * that arrive while all are open queue, and the next transaction to finish takes them together, up to
 * {@code batchSize}. Under load each transaction then carries many claims for one COMMIT and two round
 * trips, so the per-round-trip and per-commit work is shared (the figures: docs/PERFORMANCE.md, "Validate
 * throughput"). The queue needs no bound of its own: {@code DatabaseGuard} bounds the requests waiting on
 * the database.
 *
 * <p>Two requests for the same claim, or for the same patient, never share a transaction (the second would
 * not see the first's version, or the findings it opened or followed up): it waits for the next one. If a
 * transaction fails, each of its claims is tried again once, alone and cautiously ({@link Recorder}), so one
 * claim that the database refuses fails alone.
 */
final class RecordingBatches extends SharedRounds<RecordingBatches.Job> {

    /** Records jobs, sorted by lock key and of distinct claims, in one transaction; their outcomes in the same order. */
    @FunctionalInterface
    interface Recorder {

        /**
         * @param cautious true when the claim is tried again alone after its group failed: the recorder must then
         *                 not rely on what it predicted of the database (see {@code AuditLog}), only on its answers
         */
        Uni<List<AuditLog.Recorded>> record(List<Job> jobs, boolean cautious);
    }

    /** A claim waiting to be recorded, the keys of its claim's and its patient's locks, and where its outcome goes. */
    record Job(AuditLog.Pending pending, Function<AuditLog.PatientPast, Recording> prepare,
            long lockKey, long patientLockKey, Context context, UniEmitter<? super AuditLog.Recorded> outcome, long queuedAt) {

        String claim() {
            return pending.tenant() + '\u001f' + pending.claimId();
        }

        String patient() {
            return pending.tenant() + '\u001f' + pending.patientKey();
        }

        void deliver(AuditLog.Recorded recorded) {
            onContext(context, () -> outcome.complete(recorded));
        }

        void fail(Throwable failure) {
            onContext(context, () -> outcome.fail(failure));
        }
    }

    private final int batchSize;
    private final Recorder recordTogether;
    private final LongAdder transactionsRun = new LongAdder();
    private final LongAdder claimsCarried = new LongAdder();
    private final LongAdder claimsRetriedAlone = new LongAdder();
    private final AtomicInteger largest = new AtomicInteger();
    private final LongAdder waitedNanos = new LongAdder();
    private final LongAdder transactionNanos = new LongAdder();

    RecordingBatches(int transactions, int batchSize, Recorder recordTogether) {
        super(transactions);
        if (batchSize < 1) {
            throw new IllegalArgumentException("transactions and batch size must be at least 1");
        }
        this.batchSize = batchSize;
        this.recordTogether = recordTogether;
    }

    Uni<AuditLog.Recorded> submit(AuditLog.Pending pending, Function<AuditLog.PatientPast, Recording> prepare) {
        return Uni.createFrom().emitter(outcome -> enqueue(new Job(pending, prepare, lockKey(pending.tenant(), pending.claimId()),
                patientLockKey(pending.tenant(), pending.patientKey()), Vertx.currentContext(), outcome, System.nanoTime())));
    }

    AuditLog.RecordingCounts counts() {
        return new AuditLog.RecordingCounts(transactionsRun.sum(), claimsCarried.sum(), claimsRetriedAlone.sum(), largest.get(), waiting.size());
    }

    AuditLog.RecordingTimes times() {
        return new AuditLog.RecordingTimes(waitedNanos.sum() / 1e9, transactionNanos.sum() / 1e9);
    }

    @Override
    protected List<Job> take() {
        List<Job> batch = new ArrayList<>();
        List<Job> later = new ArrayList<>();
        Set<String> claims = new HashSet<>();
        Set<String> patients = new HashSet<>();
        Job job;
        while (batch.size() < batchSize && (job = waiting.poll()) != null) {
            boolean apart = !claims.contains(job.claim()) && !patients.contains(job.patient());
            if (apart) {
                claims.add(job.claim());
                patients.add(job.patient());
            }
            (apart ? batch : later).add(job);
        }
        waiting.addAll(later);
        // In the order of their claims' locks (the transaction sorts these and the patients' locks together).
        batch.sort(Comparator.comparingLong(Job::lockKey));
        return batch;
    }

    @Override
    protected Uni<Void> run(List<Job> batch) {
        // Tried again alone even when alone already: a unique constraint that refused a version taken by a
        // concurrent writer (another instance, say) is then read under the lock and the claim numbered after it.
        return together(batch, false).onFailure().recoverWithUni(failure -> {
            Uni<Void> alone = Uni.createFrom().voidItem();
            claimsRetriedAlone.add(batch.size());
            for (Job job : batch) {
                alone = alone.chain(() -> together(List.of(job), true).onFailure().invoke(job::fail).onFailure().recoverWithNull());
            }
            return alone;
        });
    }

    private Uni<Void> together(List<Job> batch, boolean cautious) {
        long start = System.nanoTime();
        transactionsRun.increment();
        claimsCarried.add(batch.size());
        largest.accumulateAndGet(batch.size(), Math::max);
        if (!cautious) {
            for (Job job : batch) {
                waitedNanos.add(start - job.queuedAt());
            }
        }
        Uni<List<AuditLog.Recorded>> recorded;
        try {
            recorded = recordTogether.record(batch, cautious);
        } catch (RuntimeException e) {
            recorded = Uni.createFrom().failure(e);
        }
        return recorded.invoke(outcomes -> {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).deliver(outcomes.get(i));
            }
        }).replaceWithVoid().onTermination().invoke(() -> transactionNanos.add(System.nanoTime() - start));
    }

    /** The advisory lock of a claim: a 64-bit FNV-1a hash; two claims that collide only wait for each other. */
    static long lockKey(String tenant, String claimId) {
        long hash = 0xcbf29ce484222325L;
        hash = fnv(hash, tenant);
        hash = (hash ^ 0x1f) * 0x100000001b3L;
        return fnv(hash, claimId);
    }

    /**
     * The advisory lock of a patient: findings are opened and followed up per patient, on what the rules read of
     * the patient's past, so two claims of one patient (two studies that show the same finding, sent at once to
     * two instances) are recorded one after the other. Hashed apart from the claim locks (0x1e, which no claim id
     * holds).
     */
    static long patientLockKey(String tenant, String patientKey) {
        return lockKey(tenant, "\u001e" + patientKey);
    }

    private static long fnv(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }
}

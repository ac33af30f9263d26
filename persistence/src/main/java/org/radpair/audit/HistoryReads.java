package org.radpair.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What-if checks (persist=false) share their reads of the patients' past the way recordings share transactions: under
 * load, one round trip of the same two statements answers up to {@code groupSize} claims, of any patients (a read changes
 * nothing, so unlike recordings two claims of one patient may share it).
 */
final class HistoryReads extends SharedRounds<HistoryReads.Ask> {

    /** A claim waiting for its patient's past, and where the answer goes. */
    record Ask(AuditLog.Pending pending, Context context, UniEmitter<? super AuditLog.PatientPast> answer) {
    }

    private final int groupSize;
    private final LongAdder rounds = new LongAdder();
    private final LongAdder claims = new LongAdder();
    private final AtomicInteger largest = new AtomicInteger();
    private final Function<List<AuditLog.Pending>, Uni<List<AuditLog.PatientPast>>> read;

    /** @param read the pasts of the given claims' patients, in the order of the claims */
    HistoryReads(int atOnce, int groupSize, Function<List<AuditLog.Pending>, Uni<List<AuditLog.PatientPast>>> read) {
        super(atOnce);
        if (groupSize < 1) {
            throw new IllegalArgumentException("group size must be at least 1");
        }
        this.groupSize = groupSize;
        this.read = read;
    }

    Uni<AuditLog.PatientPast> pastOf(AuditLog.Pending pending) {
        return Uni.createFrom().emitter(answer -> enqueue(new Ask(pending, Vertx.currentContext(), answer)));
    }

    AuditLog.ReadCounts counts() {
        return new AuditLog.ReadCounts(rounds.sum(), claims.sum(), largest.get());
    }

    @Override
    protected List<Ask> take() {
        List<Ask> round = new ArrayList<>();
        Ask ask;
        while (round.size() < groupSize && (ask = waiting.poll()) != null) {
            round.add(ask);
        }
        return round;
    }

    @Override
    protected Uni<Void> run(List<Ask> round) {
        List<AuditLog.Pending> pendings = new ArrayList<>(round.size());
        round.forEach(ask -> pendings.add(ask.pending()));
        rounds.increment();
        claims.add(round.size());
        largest.accumulateAndGet(round.size(), Math::max);
        return read.apply(pendings)
                .invoke(pasts -> {
                    for (int i = 0; i < round.size(); i++) {
                        Ask ask = round.get(i);
                        AuditLog.PatientPast past = pasts.get(i);
                        onContext(ask.context(), () -> ask.answer().complete(past));
                    }
                })
                .onFailure().invoke(failure -> round.forEach(ask -> onContext(ask.context(), () -> ask.answer().fail(failure))))
                .replaceWithVoid();
    }
}

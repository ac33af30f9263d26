package org.radpair.audit;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Jobs that share database round trips under load. A job that arrives while fewer than {@code atOnce} rounds run starts one
 * at once, alone, so a quiet service adds no wait; jobs that arrive while all run queue, and the next round to finish takes
 * them together ({@link #take}). The queue needs no bound of its own: {@code DatabaseGuard} bounds the requests waiting on
 * the database.
 *
 * @param <J> a queued job
 */
abstract class SharedRounds<J> {

    private final int atOnce;
    private final AtomicInteger running = new AtomicInteger();
    protected final Queue<J> waiting = new ConcurrentLinkedQueue<>();

    protected SharedRounds(int atOnce) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("at least one round must be able to run");
        }
        this.atOnce = atOnce;
    }

    /** The jobs of the next round, taken from {@link #waiting}; an empty list when none can go now. */
    protected abstract List<J> take();

    /** Runs one round; its jobs' outcomes are delivered by the subclass; the returned Uni only says the round ended. */
    protected abstract Uni<Void> run(List<J> round);

    protected final void enqueue(J job) {
        waiting.add(job);
        startWhileRoom();
    }

    // A round that finishes decrements the count before it looks at the queue, and a submitter queues before it looks
    // at the count: one of the two always sees the other, so no job is stranded.
    private void startWhileRoom() {
        while (!waiting.isEmpty()) {
            int now = running.get();
            if (now >= atOnce) {
                return;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            List<J> round = take();
            if (round.isEmpty()) {
                running.decrementAndGet();
                continue;
            }
            Uni<Void> started;
            try {
                started = run(round);
            } catch (RuntimeException e) {
                started = Uni.createFrom().failure(e);
            }
            started.subscribe().with(done -> finished(), failure -> finished());
        }
    }

    private void finished() {
        running.decrementAndGet();
        startWhileRoom();
    }

    /**
     * Runs {@code action} on {@code context}: the request that queued a job goes on on its own event loop, not on the one
     * of the round that happened to carry it.
     */
    static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }
}

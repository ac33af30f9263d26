package org.radpair.api.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.radpair.api.security.Caller;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Checks many claims concurrently yet answers in input order: up to {@link #IN_FLIGHT} claims run at
 * once, each on a Vert.x context of its own, and an answer is let out once every answer before it is.
 * Items are requested from upstream only as claims finish, so a streamed body is read at the pace of the
 * checking, and a slow producer gets each answer as soon as its line is checked.
 */
public final class InOrder {

    /** As many claims in flight as the database pool has connections. */
    public static final int IN_FLIGHT = 32;

    private InOrder() {
    }

    private record Numbered<V>(long number, V value) {
    }

    public static <T, R> Multi<R> map(Multi<T> items, Function<T, Uni<R>> work) {
        // The caller's context, captured now: later items may arrive on another thread.
        Context caller = Vertx.currentContext();
        AtomicLong numbers = new AtomicLong();
        // Finished answers waiting for an earlier one; merge() delivers one at a time, so no lock is needed.
        Map<Long, R> waiting = new HashMap<>();
        long[] next = {0};
        return items.onItem().transform(item -> new Numbered<>(numbers.getAndIncrement(), item))
                .onItem().transformToUni(item -> onOwnContext(caller, () -> work.apply(item.value()))
                        .map(result -> new Numbered<>(item.number(), result)))
                .merge(IN_FLIGHT)
                .onItem().transformToIterable(done -> {
                    waiting.put(done.number(), done.value());
                    List<R> ready = new ArrayList<>();
                    while (waiting.containsKey(next[0])) {
                        ready.add(waiting.remove(next[0]++));
                    }
                    return ready;
                });
    }

    private static <R> Uni<R> onOwnContext(Context current, Supplier<Uni<R>> work) {
        if (current == null) {
            return Uni.createFrom().deferred(work::get);
        }
        Context own = VertxContext.createNewDuplicatedContext(current);
        Caller.handOver(current, own);
        // Reactive Panache only runs on a context marked safe (isolated to one unit of work).
        VertxContextSafetyToggle.setContextSafe(own, true);
        return Uni.createFrom().emitter(emitter -> own.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
    }

}

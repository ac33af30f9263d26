package org.radpair.api.claims;

import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Checks many claims concurrently yet answers in input order: windows of claims run together, each
 * claim on a Vert.x context of its own (a reactive database session belongs to one context), and
 * the windows follow one another.
 */
public final class InOrder {

    /** As many claims in flight as the database pool has connections. */
    public static final int WINDOW = 32;

    private InOrder() {
    }

    public static <T, R> Multi<R> map(Multi<T> items, Function<T, Uni<R>> work) {
        return items.group().intoLists().of(WINDOW)
                .onItem().transformToUniAndConcatenate(window -> Uni.join()
                        .all(window.stream().map(item -> onOwnContext(() -> work.apply(item))).toList())
                        .andFailFast())
                .onItem().transformToMultiAndConcatenate(results -> Multi.createFrom().iterable(results));
    }

    private static <R> Uni<R> onOwnContext(Supplier<Uni<R>> work) {
        Context current = Vertx.currentContext();
        if (current == null) {
            return Uni.createFrom().deferred(work::get);
        }
        Context own = VertxContext.createNewDuplicatedContext(current);
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

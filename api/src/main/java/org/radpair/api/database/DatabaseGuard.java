package org.radpair.api.database;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.radpair.api.settings.RadPairSettings;

import io.smallrye.mutiny.Uni;

/**
 * Bounds the work waiting on PostgreSQL. The reactive pool queues connection requests without limit and
 * a stalled server answers nothing, so without a bound a slow database turns into unbounded memory and
 * requests that hang: here each database step has a deadline, and past a number of steps in flight new
 * ones are refused at once. Both failures read as "database unavailable" (503 with Retry-After).
 */
@ApplicationScoped
public class DatabaseGuard {

    /** Too many database steps are already waiting. */
    public static class DatabaseBusy extends TimeoutException {

        private static final long serialVersionUID = 1L;

        public DatabaseBusy(int inFlight) {
            super("Database busy: " + inFlight + " requests already wait for it");
        }
    }

    @Inject
    RadPairSettings settings;

    private final AtomicInteger inFlight = new AtomicInteger();

    public <T> Uni<T> guard(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            int now = inFlight.incrementAndGet();
            if (now > settings.database().maxInFlight()) {
                inFlight.decrementAndGet();
                return Uni.createFrom().failure(new DatabaseBusy(now - 1));
            }
            return work.get()
                    .ifNoItem().after(settings.database().timeout())
                    .failWith(() -> new TimeoutException("No answer from the database in " + settings.database().timeout()))
                    .onTermination().invoke(inFlight::decrementAndGet);
        });
    }

    /** Database steps started and not finished yet. */
    public int inFlight() {
        return inFlight.get();
    }
}

package org.radpair.audit;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * An optional streaming replica (a hot standby) for the audit history's list reads: the claim list and its CSV, the
 * patient view, the stats and the console's breakdowns. Off unless {@code radpair.audit.replica.url} is set. A read
 * goes to the replica while it is known to have replayed everything the primary had written
 * {@code radpair.audit.replica.max-lag} ago, and to the primary otherwise; a read the replica fails (it is down, or
 * cancelled a query in conflict with recovery) is run again on the primary, so the caller never sees the replica
 * fail. A claim's versions ({@code /v1/audit/claims/{claimId}}) are always read from the primary: a caller sees a
 * claim it has just recorded there at once, and in the lists within the lag bound (docs/audit.md, "Reads from a
 * replica").
 *
 * <p>The lag check, at most once a second and only when reads come: the primary's WAL position
 * ({@code pg_current_wal_lsn()}) is sampled, and the replica is usable if its replay position
 * ({@code pg_last_wal_replay_lsn()}) has reached the position sampled at least max-lag ago. Unlike
 * {@code pg_last_xact_replay_timestamp()}, this does not call an idle, caught-up replica late.
 */
@ApplicationScoped
public class AuditReplica {

    private static final Logger LOG = Logger.getLogger(AuditReplica.class);

    private static final long CHECK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** How reads have been served since start, and what the last lag check found. */
    public record Counts(boolean configured, boolean usable, long replicaReads, long primaryReads, long fallbacks,
            double lagSeconds) {
    }

    private record Sample(long nanos, long lsn) {
    }

    private record State(boolean usable, long checkedAt, double lagSeconds) {
    }

    @Inject
    PersistenceSettings settings;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> primaryUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> primaryPassword;

    @Inject
    Pool primary;

    @Inject
    io.vertx.core.Vertx vertx;

    private Pool replica;
    private volatile State state = new State(false, 0, 0);
    private Uni<Boolean> checking;
    private final Deque<Sample> primaryPositions = new ArrayDeque<>();
    private final LongAdder replicaReads = new LongAdder();
    private final LongAdder primaryReads = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();

    void start(@Observes StartupEvent event) {
        Optional<String> url = settings.audit().replica().url();
        if (url.isEmpty() || url.get().isBlank()) {
            LOG.info("Audit reads: no replica (radpair.audit.replica.url is not set): every audit read goes to the primary");
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.get()).setConnectTimeout(2_000);
        if (URI.create(url.get()).getUserInfo() == null) {
            primaryUser.ifPresent(options::setUser);
            primaryPassword.ifPresent(options::setPassword);
        }
        replica = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(8).setConnectionTimeout(2)
                .setConnectionTimeoutUnit(TimeUnit.SECONDS)).connectingTo(options).using(vertx).build());
        LOG.infof("Audit reads: replica %s:%d/%s for the lists and stats while it lags at most %s; a claim's versions"
                + " from the primary", options.getHost(), options.getPort(), options.getDatabase(), maxLag());
    }

    @PreDestroy
    void close() {
        if (replica != null) {
            replica.closeAndAwait();
        }
    }

    /**
     * Runs {@code work} in a transaction on the replica when it is usable, else (or if it fails there) on the primary.
     * {@code work} must only read, and may run twice.
     */
    public <T> Uni<T> read(Function<SqlConnection, Uni<T>> work) {
        if (replica == null) {
            return onPrimary(work);
        }
        return usable().chain(usable -> usable ? onReplica(work) : onPrimary(work));
    }

    public Counts counts() {
        State now = state;
        return new Counts(replica != null, replica != null && now.usable(), replicaReads.sum(), primaryReads.sum(),
                fallbacks.sum(), now.lagSeconds());
    }

    private <T> Uni<T> onPrimary(Function<SqlConnection, Uni<T>> work) {
        return primary.withTransaction(work).invoke(primaryReads::increment);
    }

    private <T> Uni<T> onReplica(Function<SqlConnection, Uni<T>> work) {
        return replica.withTransaction(work).invoke(replicaReads::increment).onFailure().recoverWithUni(failure -> {
            fallbacks.increment();
            become(new State(false, System.nanoTime(), state.lagSeconds()), failure.getMessage());
            return onPrimary(work);
        });
    }

    /** What the last check found if it is less than a second old; else a check, shared by the reads that wait for it. */
    private Uni<Boolean> usable() {
        State known = state;
        if (System.nanoTime() - known.checkedAt() < CHECK_EVERY_NANOS) {
            return Uni.createFrom().item(known.usable());
        }
        synchronized (this) {
            if (checking == null) {
                checking = check().onTermination().invoke(() -> {
                    synchronized (this) {
                        checking = null;
                    }
                }).memoize().indefinitely();
            }
            return checking;
        }
    }

    private Uni<Boolean> check() {
        Uni<Long> primaryPosition = primary.query("select pg_current_wal_lsn()::text").execute()
                .map(rows -> lsn(rows.iterator().next().getString(0)));
        // Null, so never usable, unless the server is a standby replaying WAL.
        Uni<Long> replayed = replica.query("select case when pg_is_in_recovery() then pg_last_wal_replay_lsn()::text end")
                .execute().map(rows -> lsn(rows.iterator().next().getString(0)));
        return Uni.combine().all().unis(primaryPosition, replayed).asTuple().map(positions -> {
            State next = judge(System.nanoTime(), positions.getItem1(), positions.getItem2());
            become(next, next.usable() ? null : "it has not replayed what the primary had written " + maxLag() + " ago");
            return next.usable();
        }).onFailure().recoverWithItem(failure -> {
            become(new State(false, System.nanoTime(), state.lagSeconds()), failure.getMessage());
            return false;
        });
    }

    /** Records the primary's position and judges the replica's replay position against the one of max-lag ago. */
    private synchronized State judge(long now, long primaryLsn, long replayedLsn) {
        primaryPositions.addLast(new Sample(now, primaryLsn));
        long keepFrom = now - maxLag().toNanos() - TimeUnit.SECONDS.toNanos(10);
        while (primaryPositions.size() > 1 && primaryPositions.peekFirst().nanos() < keepFrom) {
            primaryPositions.removeFirst();
        }
        // The newest sample at least max-lag old; while none is that old yet, the oldest one (stricter).
        Sample bound = primaryPositions.peekFirst();
        Sample behind = null;
        for (Sample sample : primaryPositions) {
            if (sample.nanos() <= now - maxLag().toNanos()) {
                bound = sample;
            }
            if (behind == null && sample.lsn() > replayedLsn) {
                behind = sample;
            }
        }
        double lag = replayedLsn < 0 ? -1 : behind == null ? 0 : (now - behind.nanos()) / 1e9;
        return new State(replayedLsn >= 0 && replayedLsn >= bound.lsn(), now, lag);
    }

    private void become(State next, String reason) {
        State before = state;
        state = next;
        if (!next.usable() && (before.usable() || before.checkedAt() == 0)) {
            LOG.warnf("Audit reads: the replica is not used (%s); reads go to the primary until it catches up", reason);
        } else if (!before.usable() && next.usable()) {
            LOG.info("Audit reads: the replica is in use");
        }
    }

    /** A PostgreSQL WAL position ("16/B374D848") as a number; -1 for none. */
    static long lsn(String text) {
        if (text == null) {
            return -1;
        }
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }

    private Duration maxLag() {
        return settings.audit().replica().maxLag();
    }
}

package org.radpair.api.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.radpair.audit.AuditReplica;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/** Where audit reads were served (the replica or the primary), on /q/metrics. */
@ApplicationScoped
public class ReplicaMetrics {

    @Produces
    @Singleton
    MeterBinder auditReads(AuditReplica replica) {
        return registry -> {
            FunctionCounter.builder("radpair.audit.reads", replica, r -> r.counts().replicaReads()).tag("source", "replica")
                    .description("Audit list and stats reads, by the server that answered").register(registry);
            FunctionCounter.builder("radpair.audit.reads", replica, r -> r.counts().primaryReads()).tag("source", "primary")
                    .description("Audit list and stats reads, by the server that answered").register(registry);
            FunctionCounter.builder("radpair.audit.reads.fallbacks", replica, r -> r.counts().fallbacks())
                    .description("Reads the replica failed, answered by the primary").register(registry);
            Gauge.builder("radpair.audit.replica.usable", replica, r -> r.counts().usable() ? 1 : 0)
                    .description("1 while audit reads go to the replica").register(registry);
            Gauge.builder("radpair.audit.replica.lag.seconds", replica, r -> r.counts().lagSeconds())
                    .description("How far the replica's replay was behind the primary at the last check (-1: not a standby)")
                    .register(registry);
        };
    }
}

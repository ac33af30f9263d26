package org.radpair.api.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.radpair.audit.AuditLog;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/** How the recording path groups claims into transactions, and what-if checks into history reads, on /q/metrics. */
@ApplicationScoped
public class RecordingMetrics {

    @Produces
    @Singleton
    MeterBinder recordingGroups(AuditLog auditLog) {
        return registry -> {
            FunctionCounter.builder("radpair.audit.recording.transactions", auditLog, log -> log.recordingCounts().transactions())
                    .description("Recording transactions run (a claim tried again alone counts again)").register(registry);
            FunctionCounter.builder("radpair.audit.recording.claims", auditLog, log -> log.recordingCounts().claims())
                    .description("Claims carried by recording transactions").register(registry);
            FunctionCounter.builder("radpair.audit.recording.retried.alone", auditLog,
                    log -> log.recordingCounts().retriedAlone())
                    .description("Claims tried again alone after their transaction failed").register(registry);
            FunctionCounter.builder("radpair.audit.recording.wait.seconds", auditLog, log -> log.recordingTimes().waitSeconds())
                    .description("Time claims waited for a recording transaction to start, summed").register(registry);
            FunctionCounter.builder("radpair.audit.recording.transaction.seconds", auditLog,
                    log -> log.recordingTimes().transactionSeconds())
                    .description("Time recording transactions took, summed").register(registry);
            Gauge.builder("radpair.audit.recording.waiting", auditLog, log -> log.recordingCounts().waiting())
                    .description("Claims waiting for a recording transaction").register(registry);
            FunctionCounter.builder("radpair.audit.history.reads", auditLog, log -> log.historyReadCounts().reads())
                    .description("Reads of patients' past for what-if checks (persist=false)").register(registry);
            FunctionCounter.builder("radpair.audit.history.claims", auditLog, log -> log.historyReadCounts().claims())
                    .description("What-if checks answered by those reads").register(registry);
        };
    }
}

package org.radpair.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.radpair.findings.Finding;
import org.radpair.findings.FindingRows;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Records validations: idempotent per (tenant, claim id, request hash), a new version otherwise. */
@ApplicationScoped
public class AuditLog {

    /** What was stored, and whether this call stored it or found an identical earlier request. */
    public record Recorded(AuditRecord record, boolean created) {
    }

    /** The claim a request is about, and what to read of the patient's past before checking it. */
    public record Pending(String tenant, String claimId, String requestHash, String patientKey, String followUpOf,
            LocalDate dateOfService, boolean withStudies) {
    }

    /** What the rules need of the patient's past: open findings (and those of the claim followed up) and earlier studies. */
    public record PatientPast(List<Finding> findings, List<Study> studies) {
    }

    /** A claim recorded before for the patient: its id, its CPT codes, its date of service. */
    public record Study(String claimId, String[] cpts, LocalDate dateOfService) {
    }

    @Inject
    AuditRepository repository;

    // The recording path runs on the plain reactive client: it is the service's hottest write, and the
    // client lets BEGIN, the locks, the reads and COMMIT travel pipelined with the statements around them.
    @Inject
    Pool pool;

    @ConfigProperty(name = "radpair.audit.recording.transactions", defaultValue = "4")
    int transactions;

    @ConfigProperty(name = "radpair.audit.recording.batch-size", defaultValue = "64")
    int batchSize;

    private RecordingBatches batches;

    @PostConstruct
    void startBatches() {
        batches = new RecordingBatches(transactions, batchSize, this::recordTogether);
    }

    /**
     * Stores the candidate as the next version of its claim, opens its findings and follows up the
     * findings it evaluates, in one transaction; unless the same tenant already sent the same claim
     * with the same request hash: then the stored record is returned and nothing is written.
     */
    public Uni<Recorded> record(Recording recording) {
        AuditRecord candidate = recording.candidate();
        Pending pending = new Pending(candidate.tenant, candidate.claimId, candidate.requestHash, candidate.patientKey, null,
                candidate.dateOfService, false);
        return record(pending, past -> recording);
    }

    /** Stores a prepared record (no findings): used where only the audit row is wanted. */
    public Uni<Recorded> record(AuditRecord candidate) {
        return record(new Recording(candidate, List.of(), List.of(), null));
    }

    /**
     * Checks and records a claim in one transaction: under the claim's lock, an identical request
     * returns what was stored (the rules do not run again); otherwise {@code prepare} runs the rules on
     * the patient's past and builds the recording, and it is stored. The history the rules saw is the
     * history the record is written against. Under load, claims share transactions
     * ({@link RecordingBatches}): {@code prepare} must be a plain function of the past, as it may run on
     * the thread of another request.
     */
    public Uni<Recorded> record(Pending pending, Function<PatientPast, Recording> prepare) {
        return batches.submit(pending, prepare);
    }

    /** How claims have been grouped into transactions since start: for metrics and tests. */
    public RecordingCounts recordingCounts() {
        return batches.counts();
    }

    /**
     * Transactions run (a claim tried again alone counts again), claims they carried, claims tried again
     * alone after their group failed, the largest group, claims waiting now.
     */
    public record RecordingCounts(long transactions, long claims, long retriedAlone, int largestGroup, int waiting) {
    }

    /**
     * The key of the transaction-scoped advisory lock under which a claim is recorded. Whoever takes it
     * (another tool, a test) holds the claim's recording back until its own transaction ends.
     */
    public static long claimLock(String tenant, String claimId) {
        return RecordingBatches.lockKey(tenant, claimId);
    }

    /** One transaction for claims of distinct ids, sorted by lock key; their outcomes in the same order. */
    private Uni<List<Recorded>> recordTogether(List<RecordingBatches.Job> jobs) {
        // Two round trips for claims without findings, however many claims. The connection pipelines
        // BEGIN and each claim's lock and reads, and PostgreSQL runs them in order, so each claim's reads
        // see everything committed before its lock was granted; COMMIT goes out with the last writes. A
        // failed statement aborts the transaction, so a COMMIT sent behind it rolls back; the rollback
        // below covers failures of our own.
        return pool.withConnection(connection -> {
            List<Uni<?>> reads = new ArrayList<>(jobs.size() + 1);
            reads.add(AuditRows.begin(connection));
            for (RecordingBatches.Job job : jobs) {
                Pending pending = job.pending();
                reads.add(Uni.combine().all()
                        .unis(AuditRows.lockClaim(connection, job.lockKey()),
                                AuditRows.versions(connection, pending.tenant(), pending.claimId()),
                                past(connection, pending.tenant(), pending.patientKey(), pending.claimId(),
                                        pending.followUpOf(), pending.dateOfService(), pending.withStudies()))
                        .with((locked, versions, past) -> new Read(versions, past)));
            }
            return Uni.combine().all().unis(reads).with(results -> results)
                    .chain(results -> {
                        List<Write> writes = new ArrayList<>(jobs.size());
                        for (int i = 0; i < jobs.size(); i++) {
                            writes.add(write(jobs.get(i), (Read) results.get(i + 1)));
                        }
                        return writeAndCommit(connection, writes);
                    })
                    .onFailure().call(() -> AuditRows.rollback(connection));
        });
    }

    /** What one claim saw under its lock. */
    private record Read(List<AuditRows.Version> versions, PatientPast past) {
    }

    /** What one claim writes: nothing new for an identical request, else its recording as the next version. */
    private record Write(Pending pending, boolean identical, Recording recording, int version) {

        /** One statement, so that COMMIT can follow it without waiting for its answer. */
        boolean oneStatement() {
            return identical || recording.findingsToOpen().isEmpty() && recording.followUps().isEmpty();
        }
    }

    private static Write write(RecordingBatches.Job job, Read read) {
        Pending pending = job.pending();
        for (AuditRows.Version version : read.versions()) {
            if (pending.requestHash().equals(version.requestHash())) {
                return new Write(pending, true, null, version.number());
            }
        }
        int next = read.versions().isEmpty() ? 1 : read.versions().get(0).number() + 1;
        return new Write(pending, false, job.prepare().apply(read.past()), next);
    }

    private static Uni<List<Recorded>> writeAndCommit(SqlConnection connection, List<Write> writes) {
        List<Uni<?>> stored = new ArrayList<>(writes.size() + 1);
        for (Write write : writes) {
            stored.add(write.identical()
                    ? AuditRows.byRequest(connection, write.pending().tenant(), write.pending().claimId(),
                            write.pending().requestHash()).map(existing -> new Recorded(existing, false))
                    : store(connection, write.recording(), write.version()));
        }
        if (writes.stream().allMatch(Write::oneStatement)) {
            stored.add(AuditRows.commit(connection));
            return Uni.combine().all().unis(stored).with(results -> recorded(results, writes.size()));
        }
        // Opening and following up findings chain statements on the answers of earlier ones: COMMIT waits.
        return Uni.combine().all().unis(stored).with(results -> recorded(results, writes.size()))
                .call(() -> AuditRows.commit(connection));
    }

    private static List<Recorded> recorded(List<?> results, int count) {
        List<Recorded> recorded = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            recorded.add((Recorded) results.get(i));
        }
        return recorded;
    }

    private static Uni<PatientPast> past(SqlConnection connection, String tenant, String patientKey, String claimId,
            String followUpOf, LocalDate dateOfService, boolean withStudies) {
        Uni<List<Finding>> findings = FindingRows.historyOf(connection, tenant, patientKey, followUpOf);
        if (!withStudies) {
            return findings.map(open -> new PatientPast(open, List.of()));
        }
        return Uni.combine().all()
                .unis(findings, AuditRows.priorStudies(connection, tenant, patientKey, claimId, dateOfService.minusMonths(25),
                        dateOfService))
                .with(PatientPast::new);
    }

    /** Writes the findings' statements, then the audit row; the caller commits. */
    private static Uni<Recorded> store(SqlConnection connection, Recording recording, int version) {
        AuditRecord candidate = recording.candidate();
        candidate.version = version;
        candidate.auditId = UUID.randomUUID();
        candidate.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        List<Finding> opened = new ArrayList<>();
        List<Finding> closed = new ArrayList<>();
        Uni<Void> work = Uni.createFrom().voidItem();
        for (Recording.NewFinding finding : recording.findingsToOpen()) {
            work = work.chain(() -> FindingRows.open(connection, candidate.tenant, candidate.patientKey, finding.code(),
                    finding.regions(), candidate.claimId, candidate.auditId, candidate.dateOfService)
                    .invoke(opened::add).replaceWithVoid());
        }
        for (UUID findingId : recording.followUps()) {
            work = work.chain(() -> FindingRows.followUp(connection, candidate.tenant, findingId, candidate.claimId,
                    candidate.auditId, candidate.dateOfService).invoke(f -> {
                        if (f != null) {
                            closed.add(f);
                        }
                    }).replaceWithVoid());
        }
        return work.chain(() -> {
            if (recording.resultWriter() != null) {
                candidate.result = recording.resultWriter().apply(opened, closed);
            }
            return AuditRows.insert(connection, candidate);
        }).map(nothing -> new Recorded(candidate, true));
    }

    /**
     * What the rules need of the patient's past, for a what-if check: no transaction. Like the recording
     * path it runs on generic plans, which PostgreSQL re-plans after each ANALYZE ({@link PlannerStatistics}).
     */
    public Uni<PatientPast> pastOf(String tenant, String patientKey, String claimId, String followUpOf, LocalDate dateOfService,
            boolean withStudies) {
        return pool.withConnection(connection -> past(connection, tenant, patientKey, claimId, followUpOf, dateOfService,
                withStudies));
    }

    public Uni<List<AuditRecord>> search(AuditQuery query) {
        return Panache.withTransaction(() -> repository.planForActualParameters().chain(() -> repository.search(query)));
    }

    public Uni<List<AuditRecord>> versionsOf(String tenant, String claimId) {
        return Panache.withSession(() -> repository.versionsOf(tenant, claimId));
    }
}

package org.radpair.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.radpair.claim.ClaimHistory;
import org.radpair.claim.HistoryNeeds;
import org.radpair.claim.PriorFinding;
import org.radpair.claim.PriorStudy;
import org.radpair.findings.Finding;
import org.radpair.findings.FindingRows;
import org.radpair.findings.FindingStatus;
import org.radpair.findings.PastFinding;

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
            LocalDate dateOfService, HistoryNeeds needs) {
    }

    /** What the rules need of the patient's past: open findings (and those of the claim followed up) and earlier studies. */
    public record PatientPast(List<PastFinding> findings, List<Study> studies) {

        public static final PatientPast NONE = new PatientPast(List.of(), List.of());

        /** The past as the rules read it. */
        public ClaimHistory history() {
            List<PriorFinding> prior = new ArrayList<>(findings.size());
            for (PastFinding f : findings) {
                prior.add(new PriorFinding(f.findingId().toString(), f.code(), f.openedByClaim(), f.openedOn(), f.regions(),
                        f.status() == FindingStatus.OPEN));
            }
            List<PriorStudy> earlier = new ArrayList<>();
            for (Study study : studies) {
                for (String cpt : study.cpts()) {
                    earlier.add(new PriorStudy(study.claimId(), cpt, study.dateOfService()));
                }
            }
            return new ClaimHistory(prior, earlier);
        }
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

    @Inject
    PersistenceSettings settings;

    private RecordingBatches batches;

    private HistoryReads historyReads;

    @PostConstruct
    void startBatches() {
        batches = new RecordingBatches(settings.audit().recording().transactions(),
                settings.audit().recording().batchSize(), this::recordTogether);
        // What-if reads are grouped with the same bounds as recordings: as many round trips at once, as many claims in one.
        historyReads = new HistoryReads(settings.audit().recording().transactions(), settings.audit().recording().batchSize(),
                pendings -> pool.withConnection(connection -> pasts(connection, pendings)));
    }

    /**
     * Stores the candidate as the next version of its claim, opens its findings and follows up the
     * findings it evaluates, in one transaction; unless the same tenant already sent the same claim
     * with the same request hash: then the stored record is returned and nothing is written.
     */
    public Uni<Recorded> record(Recording recording) {
        AuditRecord candidate = recording.candidate();
        Pending pending = new Pending(candidate.tenant, candidate.claimId, candidate.requestHash, candidate.patientKey, null,
                candidate.dateOfService, HistoryNeeds.FINDINGS_ONLY);
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

    /** How long claims have waited for a recording transaction, and how long those transactions took, since start. */
    public RecordingTimes recordingTimes() {
        return batches.times();
    }

    /**
     * Seconds, summed: claims waited from their submission to the start of the transaction that carried them (a retry
     * alone not counted again); transactions took from start to their outcomes delivered.
     */
    public record RecordingTimes(double waitSeconds, double transactionSeconds) {
    }

    /** How what-if checks have shared their history reads since start: for metrics and tests. */
    public ReadCounts historyReadCounts() {
        return historyReads.counts();
    }

    /** History reads run (one round trip each), the what-if claims they answered, the most claims one answered. */
    public record ReadCounts(long reads, long claims, int largestGroup) {
    }

    /**
     * Transactions run (a claim tried again alone counts again), claims they carried, claims tried again
     * alone after their transaction failed, the largest group, claims waiting now.
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

    /**
     * One transaction for claims of distinct ids, sorted by lock key; their outcomes in the same order.
     * {@code cautious}: a claim tried again alone after its group failed (see {@link #writeAndCommit}).
     */
    private Uni<List<Recorded>> recordTogether(List<RecordingBatches.Job> jobs, boolean cautious) {
        // Two round trips, however many claims and findings. The connection pipelines BEGIN, the locks and
        // the reads, and PostgreSQL runs them in order, so the reads see everything committed before the
        // locks were granted; the findings' statements and COMMIT go out with the insert. Each step is
        // one statement (or one batch of it, ReadsPerClaim) for all the claims. A failed statement aborts the transaction, so a COMMIT sent
        // behind it rolls back; the rollback below covers failures of our own.
        int count = jobs.size();
        // Each claim's lock and its patient's, all in one ascending order, so that two transactions never wait for each other.
        Long[] lockKeys = new Long[2 * count];
        List<Pending> pendings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lockKeys[2 * i] = jobs.get(i).lockKey();
            lockKeys[2 * i + 1] = jobs.get(i).patientLockKey();
            pendings.add(jobs.get(i).pending());
        }
        java.util.Arrays.sort(lockKeys);
        return pool.withConnection(connection -> Uni.combine().all()
                .unis(AuditRows.begin(connection),
                        AuditRows.lockClaims(connection, lockKeys),
                        AuditRows.versions(connection, pendings),
                        pasts(connection, pendings))
                .with((begun, locked, versions, pasts) -> {
                    List<Write> writes = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        writes.add(write(jobs.get(i), versions.get(i), pasts.get(i)));
                    }
                    return writes;
                })
                .chain(writes -> writeAndCommit(connection, writes, cautious))
                .onFailure().call(() -> AuditRows.rollback(connection)));
    }

    /**
     * What the rules need of each claim's patient, in the order of the claims: open findings (and those of
     * the claim followed up) and, for the claims that asked (screening intervals), earlier studies. Two
     * statements for any number of claims, one when none asked for studies.
     */
    private static Uni<List<PatientPast>> pasts(SqlConnection connection, List<Pending> pendings) {
        int count = pendings.size();
        String[] tenants = new String[count];
        String[] patientKeys = new String[count];
        String[] followUpOfs = new String[count];
        List<Integer> asking = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Pending pending = pendings.get(i);
            tenants[i] = pending.tenant();
            patientKeys[i] = pending.patientKey();
            followUpOfs[i] = pending.followUpOf() == null ? "" : pending.followUpOf();
            if (pending.needs().studies()) {
                asking.add(i);
            }
        }
        return Uni.combine().all()
                .unis(FindingRows.historiesOf(connection, tenants, patientKeys, followUpOfs),
                        priorStudies(connection, pendings, asking))
                .with((findings, studies) -> {
                    List<PatientPast> pasts = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        pasts.add(new PatientPast(findings.get(i), studies.get(i)));
                    }
                    return pasts;
                });
    }

    /** Earlier studies of the claims at the positions {@code asking}; none (and no statement) for the others. */
    private static Uni<List<List<Study>>> priorStudies(SqlConnection connection, List<Pending> pendings, List<Integer> asking) {
        List<List<Study>> studies = AuditRows.perClaim(pendings.size());
        if (asking.isEmpty()) {
            return Uni.createFrom().item(studies);
        }
        return AuditRows.priorStudies(connection, asking.stream().map(pendings::get).toList()).map(found -> {
            for (int k = 0; k < asking.size(); k++) {
                studies.set(asking.get(k), found.get(k));
            }
            return studies;
        });
    }

    /**
     * What one claim writes: nothing new for an identical request, else its recording as the next version, written
     * against the patient's past it was checked on.
     */
    private record Write(Pending pending, boolean identical, Recording recording, PatientPast past) {

        boolean touchesFindings() {
            return !identical && !(recording.findingsToOpen().isEmpty() && recording.followUps().isEmpty());
        }

        /**
         * Whether what its findings' statements will do is known before they run, so that they can go out with the
         * group's insert: its openings cannot meet a finding an earlier version opened (there is none), and every
         * finding it follows up was read, OPEN, with its past (a concurrent change makes the statement fail).
         */
        boolean predictable() {
            if (!touchesFindings()) {
                return true;
            }
            if (!recording.findingsToOpen().isEmpty() && recording.candidate().version != 1) {
                return false;
            }
            for (Recording.FollowUp followUp : recording.followUps()) {
                if (pastFinding(followUp.findingId()) == null) {
                    return false;
                }
            }
            return true;
        }

        PastFinding pastFinding(UUID findingId) {
            for (PastFinding finding : past.findings()) {
                if (finding.findingId().equals(findingId) && finding.status() == FindingStatus.OPEN) {
                    return finding;
                }
            }
            return null;
        }
    }

    private static Write write(RecordingBatches.Job job, List<AuditRows.Version> versions, PatientPast past) {
        Pending pending = job.pending();
        for (AuditRows.Version version : versions) {
            if (pending.requestHash().equals(version.requestHash())) {
                return new Write(pending, true, null, past);
            }
        }
        Recording recording = job.prepare().apply(past);
        recording.candidate().version = versions.isEmpty() ? 1 : versions.get(0).number() + 1;
        recording.candidate().auditId = UUID.randomUUID();
        return new Write(pending, false, recording, past);
    }

    /**
     * Writes the group and commits. When what every claim's findings' statements will do is known beforehand
     * ({@link Write#predictable}), they go out with the insert and COMMIT: one statement for all the openings, one
     * for all the follow-ups, no round trip of their own. A finding two claims of the group follow up is followed up
     * by the first, as the conditional update would decide; the statement of the follow-ups fails if another
     * transaction changed one of them first, and the group is then tried again claim by claim, cautiously. Otherwise,
     * and always when {@code cautious}, each claim's statements run first and its audit row is written from their
     * answers, one more round trip.
     */
    private static Uni<List<Recorded>> writeAndCommit(SqlConnection connection, List<Write> writes, boolean cautious) {
        boolean folded = !cautious && writes.stream().allMatch(Write::predictable);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Recorded[] recorded = new Recorded[writes.size()];
        List<AuditRecord> rows = new ArrayList<>(writes.size());
        List<Finding> opening = new ArrayList<>();
        List<Finding> following = new ArrayList<>();
        Set<UUID> followedUp = new HashSet<>();
        List<Uni<?>> steps = new ArrayList<>();
        boolean answersFirst = false;
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            int index = i;
            if (write.identical()) {
                steps.add(AuditRows.byRequest(connection, write.pending().tenant(), write.pending().claimId(),
                        write.pending().requestHash()).invoke(existing -> recorded[index] = new Recorded(existing, false)));
            } else if (folded || !write.touchesFindings()) {
                List<Finding> opened = toOpen(write.recording(), now);
                List<Finding> closed = toFollowUp(write, followedUp, now);
                opening.addAll(opened);
                following.addAll(closed);
                AuditRecord row = completed(write.recording(), opened, closed);
                recorded[index] = new Recorded(row, true);
                rows.add(row);
            } else {
                answersFirst = true;
                steps.add(openAndFollowUp(connection, write.recording()).invoke(row -> {
                    recorded[index] = new Recorded(row, true);
                    rows.add(row);
                }));
            }
        }
        if (!opening.isEmpty()) {
            steps.add(FindingRows.openAll(connection, opening, now));
        }
        if (!following.isEmpty()) {
            steps.add(FindingRows.followUpAll(connection, following, now));
        }
        if (!answersFirst) {
            // Every row is known now: the INSERT and COMMIT go out behind the other statements without waiting.
            steps.add(insertAndCommit(connection, rows));
            return Uni.combine().all().unis(steps).with(done -> List.of(recorded));
        }
        return Uni.combine().all().unis(steps).with(done -> List.of(recorded))
                .call(() -> insertAndCommit(connection, rows));
    }

    /** The findings a claim opens, as they will be written (none for most claims). */
    private static List<Finding> toOpen(Recording recording, OffsetDateTime now) {
        if (recording.findingsToOpen().isEmpty()) {
            return List.of();
        }
        AuditRecord candidate = recording.candidate();
        List<Finding> opened = new ArrayList<>(recording.findingsToOpen().size());
        for (Recording.NewFinding finding : recording.findingsToOpen()) {
            opened.add(FindingRows.toOpen(candidate.tenant, candidate.patientKey, finding.code(), finding.regions(),
                    candidate.claimId, candidate.auditId, candidate.dateOfService, finding.how(), finding.rule(),
                    finding.dueOn(), now));
        }
        return opened;
    }

    /** The findings a claim follows up, as they will be written, but those an earlier claim of its group follows up. */
    private static List<Finding> toFollowUp(Write write, Set<UUID> followedUp, OffsetDateTime now) {
        Recording recording = write.recording();
        if (recording.followUps().isEmpty()) {
            return List.of();
        }
        AuditRecord candidate = recording.candidate();
        List<Finding> closed = new ArrayList<>(recording.followUps().size());
        for (Recording.FollowUp followUp : recording.followUps()) {
            if (followedUp.add(followUp.findingId())) {
                closed.add(FindingRows.toFollowUp(candidate.tenant, candidate.patientKey,
                        write.pastFinding(followUp.findingId()), candidate.claimId, candidate.auditId,
                        candidate.dateOfService, followUp.how(), followUp.rule(), now));
            }
        }
        return closed;
    }

    private static Uni<Void> insertAndCommit(SqlConnection connection, List<AuditRecord> rows) {
        if (rows.isEmpty()) {
            return AuditRows.commit(connection);
        }
        return Uni.combine().all().unis(AuditRows.insert(connection, rows), AuditRows.commit(connection)).discardItems();
    }

    /**
     * Opens the claim's findings and follows up those it evaluates, then completes its audit row (not yet
     * inserted). The statements do not depend on each other: they go out pipelined, one round trip in all.
     */
    private static Uni<AuditRecord> openAndFollowUp(SqlConnection connection, Recording recording) {
        AuditRecord candidate = recording.candidate();
        int opening = recording.findingsToOpen().size();
        Finding[] touched = new Finding[opening + recording.followUps().size()];
        List<Uni<?>> work = new ArrayList<>(touched.length);
        for (int i = 0; i < opening; i++) {
            Recording.NewFinding finding = recording.findingsToOpen().get(i);
            int index = i;
            work.add(FindingRows.open(connection, candidate.tenant, candidate.patientKey, finding.code(), finding.regions(),
                    candidate.claimId, candidate.auditId, candidate.dateOfService, finding.how(), finding.rule(),
                    finding.dueOn()).invoke(f -> touched[index] = f));
        }
        for (int i = 0; i < recording.followUps().size(); i++) {
            Recording.FollowUp followUp = recording.followUps().get(i);
            int index = opening + i;
            work.add(FindingRows.followUp(connection, candidate.tenant, followUp.findingId(), candidate.claimId,
                    candidate.auditId, candidate.dateOfService, followUp.how(), followUp.rule())
                    .invoke(f -> touched[index] = f));
        }
        return Uni.combine().all().unis(work).discardItems().map(nothing -> {
            List<Finding> opened = new ArrayList<>(opening);
            List<Finding> closed = new ArrayList<>();
            for (int i = 0; i < touched.length; i++) {
                if (touched[i] != null) {
                    (i < opening ? opened : closed).add(touched[i]);
                }
            }
            return completed(recording, opened, closed);
        });
    }

    /** The audit row as it will be inserted; its stored result names the findings actually opened and closed. */
    private static AuditRecord completed(Recording recording, List<Finding> opened, List<Finding> closed) {
        AuditRecord candidate = recording.candidate();
        candidate.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (recording.resultWriter() != null) {
            candidate.result = recording.resultWriter().apply(opened, closed);
        }
        return candidate;
    }

    /**
     * What the rules need of the patient's past, for a what-if check: no transaction; under load, concurrent what-if
     * checks share one read ({@link HistoryReads}). Like the recording path it runs on generic plans, which PostgreSQL re-plans after each ANALYZE ({@link PlannerStatistics}).
     */
    public Uni<PatientPast> pastOf(String tenant, String patientKey, String claimId, String followUpOf, LocalDate dateOfService,
            HistoryNeeds needs) {
        return historyReads.pastOf(new Pending(tenant, claimId, null, patientKey, followUpOf, dateOfService, needs));
    }

    public Uni<List<AuditRecord>> search(AuditQuery query) {
        return repository.search(query);
    }

    public Uni<List<AuditRecord>> versionsOf(String tenant, String claimId) {
        return repository.versionsOf(tenant, claimId);
    }
}

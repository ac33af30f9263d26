package org.radpair.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    @Inject
    AuditRepository repository;

    // The recording path runs on the plain reactive client: it is the service's hottest write, and the
    // client lets BEGIN, the lock, the reads and COMMIT travel pipelined with the statements around them.
    @Inject
    Pool pool;

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

    /** The claim a request is about, and what to read of the patient's past before checking it. */
    public record Pending(String tenant, String claimId, String requestHash, String patientKey, String followUpOf,
            LocalDate dateOfService, boolean withStudies) {
    }

    /**
     * Checks and records a claim in one transaction: under the claim's lock, an identical request
     * returns what was stored (the rules do not run again); otherwise {@code prepare} runs the rules on
     * the patient's past and builds the recording, and it is stored. One connection, and the history the
     * rules saw is the history the record is written against.
     */
    public Uni<Recorded> record(Pending pending, Function<PatientPast, Recording> prepare) {
        // Two round trips for a claim without findings. The connection pipelines BEGIN, the lock and the
        // reads, and PostgreSQL runs them in order, so the reads see everything committed before the lock
        // was granted; COMMIT goes out with the last write. A failed statement aborts the transaction, so
        // a COMMIT sent behind it rolls back; the rollback below only covers failures of our own.
        return pool.withConnection(connection -> Uni.combine().all()
                .unis(AuditRows.begin(connection),
                        AuditRows.lockClaim(connection, pending.tenant(), pending.claimId()),
                        AuditRows.versions(connection, pending.tenant(), pending.claimId()),
                        past(connection, pending.tenant(), pending.patientKey(), pending.claimId(), pending.followUpOf(),
                                pending.dateOfService(), pending.withStudies()))
                .with((begun, locked, versions, past) -> new Object[] {versions, past})
                .chain(read -> {
                    @SuppressWarnings("unchecked")
                    List<AuditRows.Version> versions = (List<AuditRows.Version>) read[0];
                    PatientPast past = (PatientPast) read[1];
                    return unlessRecorded(connection, pending.tenant(), pending.claimId(), pending.requestHash(), versions,
                            version -> store(connection, prepare.apply(past), version));
                })
                .onFailure().call(() -> AuditRows.rollback(connection)));
    }

    /** The stored record of an identical request, or what {@code onNew} makes of the next version; either way committed. */
    private static Uni<Recorded> unlessRecorded(SqlConnection connection, String tenant, String claimId, String requestHash,
            List<AuditRows.Version> versions, Function<Integer, Uni<Recorded>> onNew) {
        if (versions.stream().anyMatch(v -> requestHash.equals(v.requestHash()))) {
            return Uni.combine().all()
                    .unis(AuditRows.byRequest(connection, tenant, claimId, requestHash), AuditRows.commit(connection))
                    .with((existing, committed) -> new Recorded(existing, false));
        }
        return onNew.apply(versions.isEmpty() ? 1 : versions.get(0).number() + 1);
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
            return Uni.combine().all().unis(AuditRows.insert(connection, candidate), AuditRows.commit(connection))
                    .discardItems();
        }).map(nothing -> new Recorded(candidate, true));
    }

    /** Stores a prepared record (no findings): used where only the audit row is wanted. */
    public Uni<Recorded> record(AuditRecord candidate) {
        return record(new Recording(candidate, List.of(), List.of(), null));
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

    /** What the rules need of the patient's past: open findings (and those of the claim followed up) and earlier studies. */
    public record PatientPast(List<Finding> findings, List<Study> studies) {
    }

    /** A claim recorded before for the patient: its id, its CPT codes, its date of service. */
    public record Study(String claimId, String[] cpts, LocalDate dateOfService) {
    }

    public Uni<List<AuditRecord>> search(AuditQuery query) {
        return Panache.withTransaction(() -> repository.planForActualParameters().chain(() -> repository.search(query)));
    }

    public Uni<List<AuditRecord>> versionsOf(String tenant, String claimId) {
        return Panache.withSession(() -> repository.versionsOf(tenant, claimId));
    }
}

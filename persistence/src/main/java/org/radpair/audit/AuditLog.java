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
import org.radpair.findings.FindingRegistry;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Records validations: idempotent per (tenant, claim id, request hash), a new version otherwise. */
@ApplicationScoped
public class AuditLog {

    /** What was stored, and whether this call stored it or found an identical earlier request. */
    public record Recorded(AuditRecord record, boolean created) {
    }

    @Inject
    AuditRepository repository;

    @Inject
    FindingRegistry findings;

    /**
     * Stores the candidate as the next version of its claim, opens its findings and follows up the
     * findings it evaluates, in one transaction; unless the same tenant already sent the same claim
     * with the same request hash: then the stored record is returned and nothing is written.
     */
    public Uni<Recorded> record(Recording recording) {
        AuditRecord candidate = recording.candidate();
        return Panache.withTransaction(() -> unlessRecorded(candidate.tenant, candidate.claimId, candidate.requestHash,
                version -> store(recording, version)));
    }

    /** The claim a request is about, and what to read of the patient's past before checking it. */
    public record Pending(String tenant, String claimId, String requestHash, String patientKey, String followUpOf,
            LocalDate dateOfService, boolean withStudies) {
    }

    /**
     * Checks and records a claim in one transaction: under the claim's lock, an identical request
     * returns what was stored (the rules do not run again); otherwise the patient's past is read,
     * {@code prepare} runs the rules on it and builds the recording, and it is stored. One connection,
     * and the history the rules saw is the history the record is written against.
     */
    public Uni<Recorded> record(Pending pending, Function<PatientPast, Recording> prepare) {
        return Panache.withTransaction(() -> unlessRecorded(pending.tenant(), pending.claimId(), pending.requestHash(),
                version -> past(pending.tenant(), pending.patientKey(), pending.claimId(), pending.followUpOf(),
                        pending.dateOfService(), pending.withStudies())
                        .chain(past -> store(prepare.apply(past), version))));
    }

    /** Locks the claim id; returns the stored record of an identical request, or what {@code onNew} makes of the next version. */
    private Uni<Recorded> unlessRecorded(String tenant, String claimId, String requestHash,
            Function<Integer, Uni<Recorded>> onNew) {
        // Custom plans pay here as well: with generic ones the recording path ran about a third slower.
        // One round trip tells both whether this exact request was recorded and which version comes next.
        return repository.planForActualParameters()
                .chain(() -> repository.lockClaim(tenant, claimId))
                .chain(() -> repository.versionHashes(tenant, claimId))
                .chain(versions -> {
                    if (versions.stream().anyMatch(v -> requestHash.equals(v[1]))) {
                        return repository.findByRequest(tenant, claimId, requestHash)
                                .map(existing -> new Recorded(existing, false));
                    }
                    return onNew.apply(versions.isEmpty() ? 1 : ((Number) versions.get(0)[0]).intValue() + 1);
                });
    }

    private Uni<PatientPast> past(String tenant, String patientKey, String claimId, String followUpOf,
            LocalDate dateOfService, boolean withStudies) {
        return findings.historyOf(tenant, patientKey, followUpOf)
                .chain(open -> withStudies
                        ? repository.priorStudies(tenant, patientKey, claimId, dateOfService.minusMonths(25), dateOfService)
                                .map(studies -> new PatientPast(open, studies))
                        : Uni.createFrom().item(new PatientPast(open, List.of())));
    }

    private Uni<Recorded> store(Recording recording, int version) {
        AuditRecord candidate = recording.candidate();
        candidate.version = version;
        candidate.auditId = UUID.randomUUID();
        candidate.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        List<Finding> opened = new ArrayList<>();
        List<Finding> closed = new ArrayList<>();
        Uni<Void> work = Uni.createFrom().voidItem();
        for (Recording.NewFinding finding : recording.findingsToOpen()) {
            work = work.chain(() -> findings.open(candidate.tenant, candidate.patientKey, finding.code(), finding.regions(),
                    candidate.claimId, candidate.auditId, candidate.dateOfService).invoke(opened::add).replaceWithVoid());
        }
        for (UUID findingId : recording.followUps()) {
            work = work.chain(() -> findings.followUp(candidate.tenant, findingId, candidate.claimId, candidate.auditId,
                    candidate.dateOfService).invoke(f -> {
                        if (f != null) {
                            closed.add(f);
                        }
                    }).replaceWithVoid());
        }
        return work.chain(() -> {
            if (recording.resultWriter() != null) {
                candidate.result = recording.resultWriter().apply(opened, closed);
            }
            return repository.persist(candidate);
        }).map(stored -> new Recorded(stored, true));
    }

    /** Stores a prepared record (no findings): used where only the audit row is wanted. */
    public Uni<Recorded> record(AuditRecord candidate) {
        return record(new Recording(candidate, List.of(), List.of(), null));
    }


    public Uni<List<AuditRecord>> search(AuditQuery query) {
        return Panache.withTransaction(() -> repository.planForActualParameters().chain(() -> repository.search(query)));
    }

    public Uni<AuditStats> stats(String tenant, OffsetDateTime from, OffsetDateTime to) {
        return Panache.withTransaction(() -> repository.planForActualParameters()
                .chain(() -> repository.stats(tenant, from, to)));
    }

    /** What the rules need of the patient's past: open findings (and those of the claim followed up) and earlier studies. */
    public Uni<PatientPast> pastOf(String tenant, String patientKey, String claimId, String followUpOf, LocalDate dateOfService,
            boolean withStudies) {
        return Panache.withSession(() -> past(tenant, patientKey, claimId, followUpOf, dateOfService, withStudies));
    }

    /** The patient's findings and earlier studies (claim id, CPT codes, date of service). */
    public record PatientPast(List<Finding> findings, List<Object[]> studies) {
    }

    public Uni<List<AuditRecord>> versionsOf(String tenant, String claimId) {
        return Panache.withSession(() -> repository.versionsOf(tenant, claimId));
    }
}

package org.radpair.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    /**
     * Stores the candidate as the next version of its claim, unless the same tenant already sent the
     * same claim with the same request hash: then the stored record is returned untouched.
     */
    public Uni<Recorded> record(AuditRecord candidate) {
        return Panache.withTransaction(() -> repository.lockClaim(candidate.tenant, candidate.claimId)
                .chain(() -> repository.findByRequest(candidate.tenant, candidate.claimId, candidate.requestHash))
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(new Recorded(existing, false))
                        : repository.latestVersion(candidate.tenant, candidate.claimId).chain(latest -> {
                            candidate.version = latest + 1;
                            candidate.auditId = UUID.randomUUID();
                            candidate.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
                            return repository.persist(candidate).map(stored -> new Recorded(stored, true));
                        })));
    }

    /** Whether an identical request was already recorded (for persist=false what-if calls). */
    public Uni<AuditRecord> findIdentical(String tenant, String claimId, String requestHash) {
        return Panache.withSession(() -> repository.findByRequest(tenant, claimId, requestHash));
    }

    public Uni<java.util.List<AuditRecord>> versionsOf(String tenant, String claimId) {
        return Panache.withSession(() -> repository.versionsOf(tenant, claimId));
    }
}

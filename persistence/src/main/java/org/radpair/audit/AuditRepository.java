package org.radpair.audit;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Queries on the audit history. Every method takes the tenant: no query reads across tenants. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditRecord, UUID> {

    public Uni<AuditRecord> findByRequest(String tenant, String claimId, String requestHash) {
        return find("tenant = ?1 and claimId = ?2 and requestHash = ?3", tenant, claimId, requestHash).firstResult();
    }

    public Uni<Integer> latestVersion(String tenant, String claimId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select coalesce(max(version), 0) from AuditRecord where tenant = ?1 and claimId = ?2",
                        Integer.class)
                .setParameter(1, tenant)
                .setParameter(2, claimId)
                .getSingleResult());
    }

    /** Every version of a claim, oldest first. */
    public Uni<List<AuditRecord>> versionsOf(String tenant, String claimId) {
        return list("tenant = ?1 and claimId = ?2 order by version", tenant, claimId);
    }

    /**
     * Serialises writers of one claim inside the current transaction, so that versions are numbered
     * without gaps or collisions and identical re-sends find the first copy.
     */
    Uni<Void> lockClaim(String tenant, String claimId) {
        return getSession().chain(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(:key, 0))", Integer.class)
                .setParameter("key", tenant + '\u001f' + claimId)
                .getSingleResult())
                .replaceWithVoid();
    }
}

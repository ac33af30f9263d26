package org.radpair.findings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The incidental-finding registry. Every query takes the tenant; status changes are conditional
 * updates recorded as events, so two follow-up claims racing for one finding close it once.
 */
@ApplicationScoped
public class FindingRegistry implements PanacheRepositoryBase<Finding, UUID> {

    /** A finding's status cannot change as asked (it is no longer OPEN). */
    public static class StatusConflict extends RuntimeException {
        public StatusConflict(String message) {
            super(message);
        }
    }

    /** What the rules need of a patient's findings: the open ones, and those opened by the claim followed up. */
    public Uni<List<Finding>> historyOf(String tenant, String patientKey, String followUpOf) {
        return list("tenant = ?1 and patientKey = ?2 and (status = ?3 or openedByClaim = ?4) order by openedOn",
                tenant, patientKey, FindingStatus.OPEN, followUpOf == null ? "" : followUpOf);
    }

    /** Opens a finding for the claim unless an earlier version of the same claim already did; returns it either way. */
    public Uni<Finding> open(String tenant, String patientKey, String code, List<String> regions, String claimId,
            UUID auditId, LocalDate dateOfService) {
        return find("tenant = ?1 and patientKey = ?2 and code = ?3 and openedByClaim = ?4", tenant, patientKey, code, claimId)
                .firstResult()
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(existing);
                    }
                    Finding finding = new Finding();
                    finding.findingId = UUID.randomUUID();
                    finding.tenant = tenant;
                    finding.patientKey = patientKey;
                    finding.code = code;
                    finding.regions = regions.toArray(String[]::new);
                    finding.status = FindingStatus.OPEN;
                    finding.openedByClaim = claimId;
                    finding.openedByAudit = auditId;
                    finding.openedOn = dateOfService;
                    finding.openedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return persist(finding).call(opened -> FindingEvent.of(opened, null, claimId, auditId, "claim", null).persist());
                });
    }

    /**
     * Marks an OPEN finding as followed up by a claim: a conditional update, so that of two claims
     * racing for it exactly one succeeds. Returns the finding when this call changed it, else null.
     */
    public Uni<Finding> followUp(String tenant, UUID findingId, String claimId, UUID auditId, LocalDate dateOfService) {
        return Panache.getSession().chain(session -> session.createMutationQuery("""
                        update Finding set status = :followed, resolvedByClaim = :claim, resolvedByAudit = :audit,
                               resolvedOn = :on, resolvedAt = :at, version = version + 1
                        where findingId = :id and tenant = :tenant and status = :open""")
                .setParameter("followed", FindingStatus.FOLLOWED_UP)
                .setParameter("claim", claimId)
                .setParameter("audit", auditId)
                .setParameter("on", dateOfService)
                .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter("id", findingId)
                .setParameter("tenant", tenant)
                .setParameter("open", FindingStatus.OPEN)
                .executeUpdate())
                .chain(changed -> changed == 0 ? Uni.createFrom().nullItem()
                        : find("findingId = ?1 and tenant = ?2", findingId, tenant).firstResult()
                                // The session may hold it from the history read: reload what the update wrote.
                                .call(finding -> Panache.getSession().chain(session -> session.refresh(finding)))
                                .call(finding -> FindingEvent.of(finding, FindingStatus.OPEN, claimId, auditId, "claim", null)
                                        .persist()));
    }

    /** A billing manager closes an OPEN finding that needs no follow-up. */
    public Uni<Finding> close(String tenant, UUID findingId, String reason, String actor) {
        return Panache.withTransaction(() -> find("findingId = ?1 and tenant = ?2", findingId, tenant).firstResult()
                .chain(finding -> {
                    if (finding == null) {
                        return Uni.createFrom().nullItem();
                    }
                    if (finding.status != FindingStatus.OPEN) {
                        return Uni.createFrom().failure(new StatusConflict("Finding " + findingId + " is already "
                                + finding.status + "; only OPEN findings can be closed."));
                    }
                    finding.status = FindingStatus.CLOSED;
                    finding.closeReason = reason;
                    finding.resolvedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return FindingEvent.of(finding, FindingStatus.OPEN, null, null, actor, reason).persist()
                            .replaceWith(finding);
                }));
    }

    /** The worklist: findings of a status (all when null) opened at least {@code olderThanDays} days ago, oldest first. */
    public Uni<List<Finding>> worklist(String tenant, FindingStatus status, Integer olderThanDays, int limit) {
        LocalDate openedBy = olderThanDays == null ? LocalDate.of(9999, 12, 31)
                : LocalDate.now(ZoneOffset.UTC).minusDays(olderThanDays);
        return Panache.withSession(() -> (status == null
                ? find("tenant = ?1 and openedOn <= ?2 order by openedOn, findingId", tenant, openedBy)
                : find("tenant = ?1 and status = ?2 and openedOn <= ?3 order by openedOn, findingId", tenant, status, openedBy))
                .page(0, limit).list());
    }

    public Uni<Finding> get(String tenant, UUID findingId) {
        return Panache.withSession(() -> find("findingId = ?1 and tenant = ?2", findingId, tenant).firstResult());
    }

    public Uni<List<FindingEvent>> eventsOf(String tenant, UUID findingId) {
        return Panache.withSession(() -> FindingEvent.<FindingEvent>find("tenant = ?1 and findingId = ?2 order by at, eventId",
                tenant, findingId).list());
    }
}

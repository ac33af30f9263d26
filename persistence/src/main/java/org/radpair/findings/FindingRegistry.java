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
 * The incidental-finding registry as billing managers see it: the worklist, a finding with its events,
 * closing. Every query takes the tenant. What a recorded claim does to findings (open, follow up) is in
 * {@link FindingRows}, inside the claim's transaction.
 */
@ApplicationScoped
public class FindingRegistry implements PanacheRepositoryBase<Finding, UUID> {

    /** A finding's status cannot change as asked (it is no longer OPEN). */
    public static class StatusConflict extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public StatusConflict(String message) {
            super(message);
        }
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

    /**
     * The worklist: findings of a status (all when null) opened at least {@code olderThanDays} days ago, oldest
     * first; with {@code overdue}, only OPEN findings whose follow-up was due before today.
     */
    public Uni<List<Finding>> worklist(String tenant, FindingStatus status, Integer olderThanDays, boolean overdue, int limit) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate openedBy = olderThanDays == null ? LocalDate.of(9999, 12, 31) : today.minusDays(olderThanDays);
        if (overdue) {
            if (status != null && status != FindingStatus.OPEN) {
                return Uni.createFrom().item(List.of());
            }
            return Panache.withSession(() -> find("tenant = ?1 and status = ?2 and openedOn <= ?3 and dueOn < ?4"
                    + " order by openedOn, findingId", tenant, FindingStatus.OPEN, openedBy, today).page(0, limit).list());
        }
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

package org.radpair.findings;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One status change of a finding. Append-only: the table refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "finding_event")
public class FindingEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "event_id")
    public Long eventId;

    @Column(name = "finding_id", nullable = false)
    public UUID findingId;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status", nullable = false)
    public String toStatus;

    @Column(name = "claim_id")
    public String claimId;

    @Column(name = "audit_id")
    public UUID auditId;

    public String actor;

    public String reason;

    static FindingEvent of(Finding finding, FindingStatus from, String claimId, UUID auditId, String actor, String reason) {
        FindingEvent event = new FindingEvent();
        event.findingId = finding.findingId;
        event.tenant = finding.tenant;
        event.at = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        event.fromStatus = from == null ? null : from.name();
        event.toStatus = finding.status.name();
        event.claimId = claimId;
        event.auditId = auditId;
        event.actor = actor;
        event.reason = reason;
        return event;
    }
}

package org.radpair.api.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.radpair.findings.FindingEvent;

/** One change of a finding's status: when, from and to what, by which claim or person, and why. */
public record FindingEventView(OffsetDateTime at, String fromStatus, String toStatus, String claimId, UUID auditId,
        String actor, String reason) {

    static FindingEventView of(FindingEvent event) {
        return new FindingEventView(event.at, event.fromStatus, event.toStatus, event.claimId, event.auditId, event.actor,
                event.reason);
    }
}

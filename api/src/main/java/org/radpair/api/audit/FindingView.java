package org.radpair.api.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.radpair.findings.Finding;
import org.radpair.findings.FindingStatus;

/**
 * A registry item. {@code openedHow}: EXPLICIT (the claim's incidentalFindings) or INFERRED (a secondary
 * diagnosis recognised as a finding, by {@code openingRule}); {@code dueOn}: when its follow-up is due;
 * {@code followedUpHow}: EXPLICIT (followUpOf) or INFERRED (recognised from the later claim, by
 * {@code followUpRule}); {@code overdue}: still OPEN after its due date.
 */
public record FindingView(UUID findingId, String code, String status, String openedBy, LocalDate openedOn,
        UUID openedAuditId, String resolvedBy, LocalDate resolvedOn, String closeReason, long ageDays,
        List<String> regions, String openedHow, String openingRule, LocalDate dueOn, boolean overdue,
        String followedUpHow, String followUpRule) {

    static FindingView of(Finding finding) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new FindingView(finding.findingId, finding.code, finding.status.name(), finding.openedByClaim,
                finding.openedOn, finding.openedByAudit, finding.resolvedByClaim, finding.resolvedOn, finding.closeReason,
                ChronoUnit.DAYS.between(finding.openedOn, today), List.of(finding.regions),
                finding.openedHow, finding.openingRule, finding.dueOn,
                finding.status == FindingStatus.OPEN && finding.dueOn != null && finding.dueOn.isBefore(today),
                finding.followedUpHow, finding.followUpRule);
    }
}

package org.radpair.api.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.radpair.rules.Edit;
import org.radpair.rules.LineResult;
import org.radpair.rules.Verdict;

/** One recorded validation as billing managers see it. */
public record AuditItem(
        UUID auditId,
        String claimId,
        int version,
        OffsetDateTime receivedAt,
        LocalDate dateOfService,
        Verdict verdict,
        Payer payer,
        List<String> cpts,
        List<String> diagnoses,
        List<Edit> edits,
        List<LineResult> lines,
        String rulesetVersion) {

    public record Payer(String id, String type) {
    }
}

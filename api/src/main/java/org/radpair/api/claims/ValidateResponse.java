package org.radpair.api.claims;

import java.util.List;
import java.util.UUID;

import org.radpair.rules.Edit;
import org.radpair.rules.LineResult;
import org.radpair.rules.Verdict;

/**
 * The answer to a validation. {@code auditId} and {@code version} are null when nothing was stored
 * ({@code persist=false}).
 */
public record ValidateResponse(
        String claimId,
        Verdict verdict,
        List<Edit> edits,
        List<LineResult> lines,
        FollowUp followUp,
        UUID auditId,
        Integer version,
        String rulesetVersion) {

    public record FollowUp(List<Finding> openFindings, List<Finding> closedFindings) {
        public static final FollowUp NONE = new FollowUp(List.of(), List.of());
    }

    public record Finding(UUID findingId, String code, String openedBy, java.time.LocalDate openedOn, String status) {
    }

    ValidateResponse stored(UUID auditId, int version) {
        return new ValidateResponse(claimId, verdict, edits, lines, followUp, auditId, version, rulesetVersion);
    }
}

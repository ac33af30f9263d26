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

    /**
     * A registry item. The first five fields are the contract's; the others say how it was opened
     * ({@code EXPLICIT}: {@code context.incidentalFindings}; {@code INFERRED}: recognised from a secondary
     * diagnosis, with the rule), when its follow-up is due, and how it was followed up ({@code EXPLICIT}:
     * {@code followUpOf}; {@code INFERRED}: recognised from this claim, with the rule). With
     * {@code persist=false} they describe what would be opened (no {@code findingId}) or followed up.
     */
    public record Finding(UUID findingId, String code, String openedBy, java.time.LocalDate openedOn, String status,
            String openedHow, String openingRule, java.time.LocalDate dueOn, String followedUpHow, String followUpRule) {
    }

    ValidateResponse stored(UUID auditId, int version) {
        return new ValidateResponse(claimId, verdict, edits, lines, followUp, auditId, version, rulesetVersion);
    }
}

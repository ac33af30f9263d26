package org.radpair.claim;

import java.util.List;

/**
 * What the audit history knows of the patient before this claim: findings waiting for (or already
 * given) their follow-up, and earlier studies. The rules read it; they never fetch it.
 */
public record ClaimHistory(List<PriorFinding> findings, List<PriorStudy> studies) {

    public static final ClaimHistory NONE = new ClaimHistory(List.of(), List.of());

    public ClaimHistory {
        findings = findings == null ? List.of() : List.copyOf(findings);
        studies = studies == null ? List.of() : List.copyOf(studies);
    }
}

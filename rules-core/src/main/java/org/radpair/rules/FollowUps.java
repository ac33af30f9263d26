package org.radpair.rules;

import java.util.List;

import org.radpair.claim.Claim;
import org.radpair.claim.ClaimHistory;
import org.radpair.claim.ClaimLine;
import org.radpair.claim.PriorFinding;
import org.radpair.codes.IcdCodes;

/**
 * Which open findings a claim resolves as their follow-up study: those opened by the claim named
 * in {@code followUpOf} whose code this claim lists first (first on the claim or first on a line).
 */
public final class FollowUps {

    private FollowUps() {
    }

    public static List<PriorFinding> resolvedBy(Claim claim, ClaimHistory history) {
        String followUpOf = claim.context().followUpOf();
        if (followUpOf == null || followUpOf.isBlank()) {
            return List.of();
        }
        return history.findings().stream()
                .filter(PriorFinding::open)
                .filter(finding -> followUpOf.equals(finding.openedBy()))
                .filter(finding -> firstListed(claim, finding.code()))
                .toList();
    }

    private static boolean firstListed(Claim claim, String code) {
        if (!claim.diagnoses().isEmpty() && IcdCodes.display(claim.diagnoses().get(0)).equals(code)) {
            return true;
        }
        for (ClaimLine line : claim.lines()) {
            if (!line.diagnosisPointers().isEmpty()) {
                String primary = claim.diagnosisAt(line.diagnosisPointers().get(0));
                if (primary != null && IcdCodes.display(primary).equals(code)) {
                    return true;
                }
            }
        }
        return false;
    }
}

package org.radpair.claim;

import java.util.List;

/** What the claim alone cannot say about why and after what the study was done. */
public record ClaimContext(
        Purpose purpose,
        Integer priorBirads,
        List<String> incidentalFindings,
        String followUpOf,
        Smoking smoking,
        boolean ruleOut) {

    public static final ClaimContext NONE = new ClaimContext(null, null, List.of(), null, null, false);

    public ClaimContext {
        incidentalFindings = incidentalFindings == null ? List.of() : List.copyOf(incidentalFindings);
    }
}

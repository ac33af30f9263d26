package org.radpair.claim;

import java.util.List;

/** What the claim alone cannot say about why and after what the study was done. */
public record ClaimContext(
        Purpose purpose,
        Integer priorBirads,
        List<String> incidentalFindings,
        String followUpOf,
        Smoking smoking,
        boolean ruleOut,
        String placeOfService) {

    public static final ClaimContext NONE = new ClaimContext(null, null, List.of(), null, null, false, null);

    /** A context without a place of service (the two-digit CMS code, e.g. 11 office, 22 outpatient hospital). */
    public ClaimContext(Purpose purpose, Integer priorBirads, List<String> incidentalFindings, String followUpOf,
            Smoking smoking, boolean ruleOut) {
        this(purpose, priorBirads, incidentalFindings, followUpOf, smoking, ruleOut, null);
    }

    public ClaimContext {
        incidentalFindings = incidentalFindings == null ? List.of() : List.copyOf(incidentalFindings);
    }
}

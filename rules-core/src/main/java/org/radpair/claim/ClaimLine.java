package org.radpair.claim;

import java.util.List;

/**
 * One service line: the study, its modifiers, units and one-based pointers into the claim's
 * diagnoses (the first pointer is the line's primary diagnosis).
 */
public record ClaimLine(String cpt, List<String> modifiers, int units, List<Integer> diagnosisPointers) {

    public ClaimLine {
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        diagnosisPointers = diagnosisPointers == null ? List.of() : List.copyOf(diagnosisPointers);
    }
}

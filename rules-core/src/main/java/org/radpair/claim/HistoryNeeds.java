package org.radpair.claim;

import java.util.Set;

/**
 * What the rules need to read of a patient's history for one claim, besides the findings (always read: any study may
 * follow one up): earlier studies of {@code studyCodes} within {@code studyMonths} before the date of service. Declared by
 * the rules (the frequency table), read by whoever keeps the history.
 */
public record HistoryNeeds(Set<String> studyCodes, int studyMonths) {

    public static final HistoryNeeds FINDINGS_ONLY = new HistoryNeeds(Set.of(), 0);

    public HistoryNeeds {
        studyCodes = Set.copyOf(studyCodes);
        if (studyMonths < 0) {
            throw new IllegalArgumentException("studyMonths must not be negative");
        }
    }

    public boolean studies() {
        return !studyCodes.isEmpty() && studyMonths > 0;
    }
}

package org.radpair.findings;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A finding of the patient's past as the recording path reads it before checking a claim: what the rules need
 * (code, who opened it and when, regions, whether it is open) and what a validate response says of it.
 */
public record PastFinding(UUID findingId, String code, List<String> regions, FindingStatus status, String openedByClaim,
        LocalDate openedOn, String openedHow, String openingRule, LocalDate dueOn) {

    public PastFinding {
        regions = List.copyOf(regions);
    }
}

package org.radpair.claim;

import java.time.LocalDate;
import java.util.List;

/**
 * An incidental finding recorded for the same patient by an earlier claim, as the audit history knows it.
 *
 * @param openedBy the claim id that found it
 * @param regions  body regions of the study that found it (for inferring which later study follows it up)
 * @param open     whether it still waits for its follow-up study
 */
public record PriorFinding(String findingId, String code, String openedBy, LocalDate openedOn, List<String> regions,
        boolean open) {

    public PriorFinding {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }
}

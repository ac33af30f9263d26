package org.radpair.claim;

import java.time.LocalDate;

/** A study billed for the same patient on an earlier claim (for screening intervals). */
public record PriorStudy(String claimId, String cpt, LocalDate dateOfService) {
}

package org.radpair.claim;

/** Smoking history for lung cancer screening eligibility. */
public record Smoking(Integer packYears, Boolean currentSmoker, Integer yearsSinceQuit) {
}

package org.radpair.codes;

/**
 * Laterality as the CMS fee schedule's bilateral-surgery indicator implies it: 1 and 3 mark codes
 * done on one side (modifier 50 or RT/LT apply), 2 codes that are bilateral by definition (never 50),
 * 0 and 9 codes to which the bilateral concept does not apply (never 50).
 */
public enum Laterality {
    UNILATERAL, INHERENTLY_BILATERAL, NOT_APPLICABLE;

    static Laterality fromBilateralIndicator(String indicator) {
        return switch (indicator) {
            case "1", "3" -> UNILATERAL;
            case "2" -> INHERENTLY_BILATERAL;
            default -> NOT_APPLICABLE;
        };
    }
}

package org.radpair.codes;

/**
 * A Medically Unlikely Edit: the most units of a code payable per line or per day.
 *
 * @param adjudicationIndicator 1 claim line, 2 date of service (policy), 3 date of service (clinical)
 */
public record Mue(String code, int value, int adjudicationIndicator, String rationale) {

    public String adjudication() {
        return switch (adjudicationIndicator) {
            case 1 -> "per claim line";
            case 2 -> "per date of service, by policy";
            case 3 -> "per date of service, clinical benchmark";
            default -> "MAI " + adjudicationIndicator;
        };
    }
}

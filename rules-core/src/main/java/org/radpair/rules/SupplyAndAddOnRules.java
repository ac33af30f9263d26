package org.radpair.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.radpair.claim.ClaimLine;
import org.radpair.claim.PayerType;
import org.radpair.codes.Contrast;
import org.radpair.codes.CptCode;

/**
 * CLAIM_STRUCTURE for lines that only make sense beside another: add-on codes need their primary code on the claim
 * ({@code add_on_codes.tsv}), and a contrast supply needs a study done with contrast ({@code contrast_supplies.tsv}).
 */
public final class SupplyAndAddOnRules implements RuleFamily {

    private static final String ADD_ON = "CPT add-on code convention; NCCI Policy Manual for Medicare Services Ch. I — add_on_codes.tsv";

    static final RuleDefinition ADD_ON_WITHOUT_PRIMARY = new RuleDefinition("STR-007", Category.CLAIM_STRUCTURE,
            Severity.ERROR, ADD_ON, "An add-on code billed without its primary code");
    static final RuleDefinition MEDICARE_ADD_ON = new RuleDefinition("STR-008", Category.CLAIM_STRUCTURE,
            Severity.ERROR, ADD_ON + "; CMS NCD 220.4", "Medicare pays another add-on code with this primary");
    static final RuleDefinition CONTRAST_WITHOUT_STUDY = new RuleDefinition("STR-009", Category.CLAIM_STRUCTURE,
            Severity.WARNING, "CMS Claims Processing Manual Ch. 13 §20 (contrast billed with the study that used it); "
                    + "HCPCS Level II — contrast_supplies.tsv",
            "A contrast supply on a claim whose studies used no contrast");

    @Override
    public List<RuleDefinition> rules() {
        return List.of(ADD_ON_WITHOUT_PRIMARY, MEDICARE_ADD_ON, CONTRAST_WITHOUT_STUDY);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        Set<String> billed = new HashSet<>();
        review.claim().lines().forEach(line -> billed.add(line.cpt()));
        boolean medicare = review.claim().payer().type() == PayerType.MEDICARE;
        boolean anyContrastStudy = false;
        boolean anyStudy = false;
        for (int i = 0; i < review.lineCount(); i++) {
            CptCode study = review.study(i);
            if (study != null) {
                anyStudy = true;
                anyContrastStudy |= study.contrast() == Contrast.WITH || study.contrast() == Contrast.WITHOUT_THEN_WITH;
            }
        }
        for (int i = 0; i < review.lineCount(); i++) {
            int number = i + 1;
            ClaimLine line = review.line(i);
            CodingKnowledge.AddOn addOn = review.knowledge().addOn(line.cpt());
            if (addOn != null) {
                boolean withPrimary = addOn.primaries().stream().anyMatch(billed::contains);
                List<String> insteadWith = addOn.medicareInsteadWith().stream().filter(billed::contains).toList();
                if (medicare && addOn.medicareInstead() != null && !withPrimary && !insteadWith.isEmpty()) {
                    edits.add(MEDICARE_ADD_ON.edit(number, List.of(line.cpt(), insteadWith.get(0)),
                            "Line " + number + ": with " + insteadWith.get(0) + " Medicare pays " + addOn.medicareInstead()
                                    + ", not " + line.cpt() + " (" + addOn.reference() + ").",
                            new Suggestion(SuggestionAction.REPLACE_CPT, line.cpt(), List.of(addOn.medicareInstead()))));
                } else if (!withPrimary) {
                    List<String> candidates = new ArrayList<>(addOn.primaries());
                    edits.add(ADD_ON_WITHOUT_PRIMARY.edit(number, List.of(line.cpt()),
                            "Line " + number + ": " + line.cpt() + " is an add-on code, billed only with "
                                    + String.join(" or ", candidates) + " on the same claim (" + addOn.reference() + ").",
                            Suggestion.removeCode(line.cpt())));
                }
            }
            String supply = review.knowledge().contrastSupply(line.cpt());
            if (supply != null && anyStudy && !anyContrastStudy) {
                edits.add(CONTRAST_WITHOUT_STUDY.edit(number, List.of(line.cpt()),
                        "Line " + number + ": " + line.cpt() + " is a contrast agent (" + supply.toLowerCase(java.util.Locale.ROOT)
                                + ") but no study on the claim was done with contrast: bill the with-contrast study, or"
                                + " remove the supply.",
                        Suggestion.removeCode(line.cpt())));
            }
        }
    }
}

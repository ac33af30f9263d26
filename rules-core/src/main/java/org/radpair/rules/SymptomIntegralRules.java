package org.radpair.rules;

import java.util.List;

import org.radpair.codes.IcdCodes;
import org.radpair.codes.IcdLookup;

/** SYMPTOM_INTEGRAL: a sign or symptom is not coded beside the definitive diagnosis that explains it. */
public final class SymptomIntegralRules implements RuleFamily {

    static final RuleDefinition INTEGRAL = new RuleDefinition("SYM-001", Category.SYMPTOM_INTEGRAL, Severity.WARNING,
            "ICD-10-CM Official Guidelines I.B.5 (signs and symptoms integral to a definitive diagnosis) and IV.D",
            "A sign or symptom coded with the diagnosis that explains it");

    @Override
    public List<RuleDefinition> rules() {
        return List.of(INTEGRAL);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        List<String> incidental = review.claim().context().incidentalFindings().stream().map(IcdCodes::display).toList();
        for (IcdLookup symptom : review.diagnoses()) {
            CodingKnowledge.IntegralSymptom row = review.knowledge().integralSymptom(symptom.code());
            if (row == null || !symptom.billable()) {
                continue;
            }
            for (IcdLookup definitive : review.diagnoses()) {
                // An incidental finding does not explain the symptom the study was ordered for.
                if (definitive != symptom && !incidental.contains(definitive.code())
                        && CodingKnowledge.startsWithAny(definitive.code(), row.definitive())) {
                    edits.add(INTEGRAL.edit(null, List.of(symptom.code(), definitive.code()),
                            symptom.code() + " (" + symptom.description() + ") is routinely part of " + definitive.code() + " ("
                                    + definitive.description() + "): once the definitive diagnosis is coded, the symptom is not.",
                            Suggestion.removeCode(symptom.code())));
                    break;
                }
            }
        }
    }
}

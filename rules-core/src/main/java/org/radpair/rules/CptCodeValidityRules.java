package org.radpair.rules;

import java.util.List;

import org.radpair.claim.ClaimLine;
import org.radpair.claim.PayerType;
import org.radpair.codes.CptCatalog;
import org.radpair.codes.CptLookup;

/** CODE_VALIDITY for procedure codes: every line's code must be a known imaging or HCPCS code on the date of service. */
public final class CptCodeValidityRules implements RuleFamily {

    private static final String HCPCS = "HIPAA code sets, 45 CFR 162.1002 (CPT/HCPCS in force on the date of service)";

    static final RuleDefinition MALFORMED = new RuleDefinition("CPT-001", Category.CODE_VALIDITY, Severity.ERROR,
            HCPCS, "Procedure code is not five letters or digits");
    static final RuleDefinition UNKNOWN = new RuleDefinition("CPT-002", Category.CODE_VALIDITY, Severity.ERROR,
            HCPCS + "; " + CptCatalog.FEE_SCHEDULE_RELEASE, "Procedure code in the imaging range 70010–79999 that does not exist");
    static final RuleDefinition NOT_JUDGED = new RuleDefinition("CPT-006", Category.CODE_VALIDITY, Severity.INFO,
            HCPCS + "; " + CptCatalog.FEE_SCHEDULE_RELEASE + " (radiology and radiology-adjacent services)",
            "A procedure code outside RadPair's imaging catalog: not judged");
    static final RuleDefinition DELETED = new RuleDefinition("CPT-003", Category.CODE_VALIDITY, Severity.ERROR,
            HCPCS + "; CMS HCPCS annual update", "Procedure code was deleted before the date of service");
    static final RuleDefinition NOT_VALID_FOR_MEDICARE = new RuleDefinition("CPT-004", Category.CODE_VALIDITY,
            Severity.ERROR, "CMS PFS Relative Value File, status indicator I", "Code not valid for Medicare purposes");
    static final RuleDefinition NOT_COVERED = new RuleDefinition("CPT-005", Category.CODE_VALIDITY, Severity.WARNING,
            "CMS PFS Relative Value File, status indicators N and X", "Medicare does not cover this code");

    /** Medicare's own codes for studies whose CPT code it does not recognise (status I). */
    private static final java.util.Map<String, List<String>> MEDICARE_INSTEAD = java.util.Map.of(
            "77061", List.of("G0279"),
            "77062", List.of("G0279"));

    @Override
    public List<RuleDefinition> rules() {
        return List.of(MALFORMED, UNKNOWN, DELETED, NOT_VALID_FOR_MEDICARE, NOT_COVERED, NOT_JUDGED);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        boolean medicare = review.claim().payer().type() == PayerType.MEDICARE;
        for (int i = 0; i < review.claim().lines().size(); i++) {
            int number = i + 1;
            ClaimLine line = review.claim().lines().get(i);
            CptLookup code = review.procedure(i);
            String name = "Line " + number + " (" + code.code() + ")";
            switch (code.status()) {
                case MALFORMED -> edits.add(MALFORMED.edit(number, List.of(code.code()),
                        name + " is not a CPT or HCPCS code: codes are five letters or digits (e.g. 70450); put modifiers in the modifier list."));
                // The fee schedule lists every radiology code: unknown there is a typo. Elsewhere RadPair holds only the
                // services radiology groups bill, so an unknown code may well be valid: say so instead of denying it.
                case UNKNOWN -> edits.add(CptCatalog.inImagingRange(code.code())
                        ? UNKNOWN.edit(number, List.of(code.code()),
                                name + " is not a radiology code (" + CptCatalog.FEE_SCHEDULE_RELEASE
                                        + " lists every code of 70010–79999 and this is not one of them); check the code.")
                        : NOT_JUDGED.edit(number, List.of(code.code()),
                                name + " is outside RadPair's catalog (radiology 70010–79999, vascular studies, image-guided"
                                        + " needle procedures and imaging HCPCS codes): its validity and pairing are not judged."));
                case DELETED -> edits.add(DELETED.edit(number, List.of(code.code()),
                        name + " was deleted on " + code.deletedOn() + " (" + code.description() + ")"
                                + (code.replacedBy().isEmpty() ? "; remove the line."
                                        : "; bill " + String.join(" or ", code.replacedBy()) + " instead."),
                        code.replacedBy().isEmpty() ? Suggestion.removeCode(code.code())
                                : new Suggestion(SuggestionAction.REPLACE_CPT, code.code(), code.replacedBy())));
                case CATALOGUED -> checkStatus(number, line, code, medicare, edits);
                case LEVEL_II_DESCRIBED -> { }
            }
        }
    }

    private static void checkStatus(int number, ClaimLine line, CptLookup code, boolean medicare, List<Edit> edits) {
        String status = code.entry().feeSchedule().status();
        if (!medicare) {
            return;
        }
        if ("I".equals(status)) {
            List<String> instead = MEDICARE_INSTEAD.getOrDefault(line.cpt(), List.of());
            edits.add(NOT_VALID_FOR_MEDICARE.edit(number, List.of(code.code()),
                    "Line " + number + ": Medicare does not recognise " + code.code() + " (" + code.entry().label() + ")"
                            + (instead.isEmpty() ? "." : "; bill " + String.join(" or ", instead) + " instead."),
                    instead.isEmpty() ? null : new Suggestion(SuggestionAction.REPLACE_CPT, code.code(), instead)));
        } else if ("N".equals(status) || "X".equals(status)) {
            edits.add(NOT_COVERED.edit(number, List.of(code.code()),
                    "Line " + number + ": Medicare does not cover " + code.code() + " (" + code.entry().label()
                            + "); the patient may be liable only with a signed advance beneficiary notice (modifier GA)."));
        }
    }
}

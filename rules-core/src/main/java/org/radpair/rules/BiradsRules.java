package org.radpair.rules;

import java.util.List;
import java.util.Set;

import org.radpair.codes.CptCode;
import org.radpair.codes.IcdLookup;

/** BIRADS: diagnostic breast imaging is coded from the BI-RADS category of the screening that led to it. */
public final class BiradsRules implements RuleFamily {

    private static final String REFERENCE = "ACR BI-RADS Atlas (assessment categories); ICD-10-CM Official Guidelines "
            + "I.C.21.c.5 and IV.K; CMS NCD 220.4; 42 CFR 410.34";

    static final RuleDefinition SCREENING_CODE_AFTER_ABNORMAL = new RuleDefinition("BIR-001", Category.BIRADS,
            Severity.ERROR, REFERENCE, "Z12.31 first on the diagnostic follow-up of an abnormal screening");
    static final RuleDefinition NO_FINDING_FIRST = new RuleDefinition("BIR-002", Category.BIRADS, Severity.WARNING,
            REFERENCE, "The follow-up of BI-RADS 0, 3, 4 or 5 does not list a breast finding first");
    static final RuleDefinition NOTHING_CALLED_FOR = new RuleDefinition("BIR-003", Category.BIRADS, Severity.WARNING,
            REFERENCE, "A diagnostic breast study after a BI-RADS 1 or 2 screening without a breast symptom");
    static final RuleDefinition KNOWN_MALIGNANCY = new RuleDefinition("BIR-004", Category.BIRADS, Severity.ERROR,
            REFERENCE, "BI-RADS 6 (known malignancy) without the breast cancer code first");
    static final RuleDefinition SCREENING_AFTER_ABNORMAL = new RuleDefinition("BIR-005", Category.BIRADS,
            Severity.ERROR, REFERENCE, "A screening mammogram billed as the follow-up of an abnormal screening");

    private static final Set<String> DIAGNOSTIC_BREAST = Set.of("77065", "77066", "G0279", "77061", "77062",
            "76641", "76642", "77046", "77047", "77048", "77049", "77053", "77054");
    private static final List<String> FINDINGS = List.of("R92", "N63", "N64.5", "N60", "N61", "N64.1", "C50", "D05", "D24", "D48.6", "D49.3");
    private static final List<String> BREAST_SYMPTOMS = List.of("N63", "N64.4", "N64.5", "N61", "N60", "N64.1", "R92", "N64.3");
    /**
     * Reasons for diagnostic mammography besides a sign or symptom: a personal history of breast cancer or of in-situ
     * breast neoplasm, a reconstructed or absent breast, a current breast malignancy (42 CFR 410.34(a)(1); CMS NCD 220.4).
     */
    private static final List<String> DIAGNOSTIC_HISTORY = List.of("Z85.3", "Z86.000", "Z90.1", "C50", "D05");
    private static final List<String> MALIGNANCY = List.of("C50", "D05");

    @Override
    public List<RuleDefinition> rules() {
        return List.of(SCREENING_CODE_AFTER_ABNORMAL, NO_FINDING_FIRST, NOTHING_CALLED_FOR, KNOWN_MALIGNANCY,
                SCREENING_AFTER_ABNORMAL);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        Integer birads = review.claim().context().priorBirads();
        if (birads == null) {
            return;
        }
        for (int i = 0; i < review.lineCount(); i++) {
            CptCode study = review.study(i);
            List<IcdLookup> pointed = review.pointedBy(i);
            if (study == null || pointed.isEmpty()) {
                continue;
            }
            int number = i + 1;
            String primary = pointed.get(0).code();
            boolean abnormal = birads == 0 || birads == 3 || birads == 4 || birads == 5;
            if ("77067".equals(study.code()) && abnormal) {
                edits.add(SCREENING_AFTER_ABNORMAL.edit(number, List.of(study.code()),
                        "Line " + number + ": the screening that led here was BI-RADS " + birads + ", so this study is its"
                                + " diagnostic work-up: bill 77065 (one breast) or 77066 (both), not screening 77067.",
                        new Suggestion(SuggestionAction.REPLACE_CPT, study.code(), List.of("77065", "77066"))));
                continue;
            }
            if (!DIAGNOSTIC_BREAST.contains(study.code())) {
                continue;
            }
            String name = "Line " + number + " (" + study.code() + ", " + study.label() + ")";
            if (abnormal && primary.startsWith("Z12")) {
                edits.add(SCREENING_CODE_AFTER_ABNORMAL.edit(number, List.of(primary),
                        name + ": after a BI-RADS " + birads + " screening the diagnostic study is coded with the finding"
                                + " first (R92.x for an imaging finding, N63.x for a mass), never the screening code " + primary + ".",
                        Suggestion.replaceCode(primary, List.of("R92.8", "N63.0"))));
            } else if (abnormal && !CodingKnowledge.startsWithAny(primary, FINDINGS)) {
                edits.add(NO_FINDING_FIRST.edit(number, List.of(primary),
                        name + ": after a BI-RADS " + birads + " screening, list the breast finding (R92.x, N63.x or the"
                                + " specific finding) first, not " + primary + "."));
            } else if ((birads == 1 || birads == 2)
                    && pointed.stream().noneMatch(d -> CodingKnowledge.startsWithAny(d.code(), BREAST_SYMPTOMS)
                            || CodingKnowledge.startsWithAny(d.code(), DIAGNOSTIC_HISTORY))) {
                edits.add(NOTHING_CALLED_FOR.edit(number, List.of(primary),
                        name + ": the screening was BI-RADS " + birads + " (no follow-up called for), so a diagnostic"
                                + " study needs its own breast sign or symptom (e.g. N63.x lump, N64.4 pain) first."));
            } else if (birads == 6 && !CodingKnowledge.startsWithAny(primary, MALIGNANCY)) {
                edits.add(KNOWN_MALIGNANCY.edit(number, List.of(primary),
                        name + ": BI-RADS 6 means a biopsy-proven malignancy: the breast cancer code (C50.x) comes first, not "
                                + primary + ".",
                        new Suggestion(SuggestionAction.ADD_CODE, null, List.of("C50.9"))));
            }
        }
    }
}

package org.radpair.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.radpair.claim.Claim;
import org.radpair.claim.ClaimLine;
import org.radpair.codes.CptCode;
import org.radpair.codes.IcdCodes;
import org.radpair.codes.NcciEdits;

/** CLAIM_STRUCTURE: pointers, lines without a diagnosis, duplicates. */
public final class ClaimStructureRules implements RuleFamily {

    private static final String POINTER_REF = "X12 837P 005010X222A1 loop 2400 SV107; CMS-1500 item 24E (diagnosis pointer)";

    static final RuleDefinition POINTER_OUT_OF_RANGE = new RuleDefinition("STR-001", Category.CLAIM_STRUCTURE,
            Severity.ERROR, POINTER_REF, "A diagnosis pointer points past the end of the claim's diagnoses");
    static final RuleDefinition NO_DIAGNOSIS = new RuleDefinition("STR-002", Category.CLAIM_STRUCTURE,
            Severity.ERROR, POINTER_REF, "A line has no diagnosis pointer");
    static final RuleDefinition REPEATED_POINTER = new RuleDefinition("STR-003", Category.CLAIM_STRUCTURE,
            Severity.WARNING, POINTER_REF, "A line points to the same diagnosis twice");
    static final RuleDefinition DUPLICATE_LINE = new RuleDefinition("STR-004", Category.CLAIM_STRUCTURE,
            Severity.WARNING, "CPT modifiers 76/77 (repeat procedure); CMS duplicate-claim edits",
            "Two lines bill the same study with the same modifiers");
    static final RuleDefinition UNITS_OVER_MUE = new RuleDefinition("STR-006", Category.CLAIM_STRUCTURE,
            Severity.ERROR, "NCCI Medically Unlikely Edits, practitioner services, " + NcciEdits.RELEASE,
            "Units of service over the NCCI MUE value");
    static final RuleDefinition DUPLICATE_DIAGNOSIS = new RuleDefinition("STR-005", Category.CLAIM_STRUCTURE,
            Severity.WARNING, "X12 837P 005010X222A1 loop 2300 HI; CMS-1500 item 21",
            "The same diagnosis is listed twice on the claim");

    @Override
    public List<RuleDefinition> rules() {
        return List.of(POINTER_OUT_OF_RANGE, NO_DIAGNOSIS, REPEATED_POINTER, DUPLICATE_LINE, DUPLICATE_DIAGNOSIS,
                UNITS_OVER_MUE);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        Claim claim = review.claim();
        Map<String, Integer> firstLineOfStudy = new HashMap<>();
        for (int i = 0; i < claim.lines().size(); i++) {
            int number = i + 1;
            ClaimLine line = claim.lines().get(i);
            checkPointers(claim, number, line, edits);
            String study = line.cpt() + line.modifiers();
            Integer earlier = firstLineOfStudy.putIfAbsent(study, number);
            if (earlier != null) {
                edits.add(DUPLICATE_LINE.edit(number, List.of(line.cpt()),
                        "Line " + number + " bills " + line.cpt() + " again with the same modifiers as line " + earlier
                                + ": payers deny it as a duplicate. If the study was really repeated, add modifier 76"
                                + " (same physician) or 77 (another physician); if not, remove the line.",
                        Suggestion.addModifier(List.of("76", "77"))));
            }
        }
        checkDuplicateDiagnoses(claim, edits);
        checkUnits(review, edits);
    }

    /** MAI 1 limits each line; MAI 2 and 3 limit the day, so the units of every line of the code add up. */
    private static void checkUnits(ClaimReview review, List<Edit> edits) {
        Map<String, Integer> unitsPerDay = new HashMap<>();
        Map<String, Integer> lastLine = new HashMap<>();
        for (int i = 0; i < review.lineCount(); i++) {
            CptCode study = review.study(i);
            if (study == null || study.mue() == null) {
                continue;
            }
            int units = review.line(i).units();
            if (study.mue().adjudicationIndicator() == 1) {
                if (units > study.mue().value()) {
                    edits.add(mueEdit(i + 1, study, units));
                }
            } else {
                unitsPerDay.merge(study.code(), units, Integer::sum);
                lastLine.put(study.code(), i + 1);
            }
        }
        unitsPerDay.forEach((code, units) -> {
            CptCode study = review.reference().cpt().get(code);
            if (units > study.mue().value()) {
                edits.add(mueEdit(lastLine.get(code), study, units));
            }
        });
    }

    private static Edit mueEdit(int line, CptCode study, int units) {
        return UNITS_OVER_MUE.edit(line, List.of(study.code()),
                "Line " + line + ": " + units + " units of " + study.code() + " exceed its MUE of " + study.mue().value()
                        + " (" + study.mue().adjudication() + ", MAI " + study.mue().adjudicationIndicator() + ", "
                        + study.mue().rationale() + "): units over the MUE are denied"
                        + (study.mue().adjudicationIndicator() == 1 ? "; report further units on separate lines with a modifier"
                                + " only if they were truly distinct." : "; the day's total counts across lines."));
    }

    private static void checkPointers(Claim claim, int number, ClaimLine line, List<Edit> edits) {
        if (line.diagnosisPointers().isEmpty()) {
            edits.add(NO_DIAGNOSIS.edit(number, List.of(line.cpt()),
                    "Line " + number + " (" + line.cpt() + ") points to no diagnosis: every line needs at least one"
                            + " pointer to the diagnosis that justifies the study."));
            return;
        }
        Set<Integer> seen = new HashSet<>();
        for (int pointer : line.diagnosisPointers()) {
            if (claim.diagnosisAt(pointer) == null) {
                edits.add(POINTER_OUT_OF_RANGE.edit(number, List.of(line.cpt()),
                        "Line " + number + " (" + line.cpt() + ") points to diagnosis " + pointer + " but the claim lists "
                                + claim.diagnoses().size() + (claim.diagnoses().size() == 1 ? " diagnosis." : " diagnoses.")));
            } else if (!seen.add(pointer)) {
                edits.add(REPEATED_POINTER.edit(number, List.of(IcdCodes.display(claim.diagnosisAt(pointer))),
                        "Line " + number + " points to diagnosis " + pointer + " ("
                                + IcdCodes.display(claim.diagnosisAt(pointer)) + ") more than once."));
            }
        }
    }

    private static void checkDuplicateDiagnoses(Claim claim, List<Edit> edits) {
        List<String> seen = new ArrayList<>(claim.diagnoses().size());
        for (int i = 0; i < claim.diagnoses().size(); i++) {
            String code = IcdCodes.display(claim.diagnoses().get(i));
            int earlier = seen.indexOf(code);
            if (earlier >= 0) {
                edits.add(DUPLICATE_DIAGNOSIS.edit(null, List.of(code),
                        "Diagnosis " + (i + 1) + " (" + code + ") repeats diagnosis " + (earlier + 1)
                                + ": list each code once and point lines to the first.",
                        Suggestion.removeCode(code)));
            }
            seen.add(code);
        }
    }
}

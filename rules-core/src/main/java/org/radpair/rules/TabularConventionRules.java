package org.radpair.rules;

import java.util.ArrayList;
import java.util.List;

import org.radpair.codes.IcdCodes;
import org.radpair.codes.IcdConventions;
import org.radpair.codes.IcdLookup;

/**
 * The ICD-10-CM Tabular List's instructional notes between the codes of one claim: Excludes1 pairs and "use additional
 * code" notes whose codes are all missing. The notes are the Tabular List's (FY2023; Excludes1 FY2027 from 2026-10-01)
 * and apply only to codes valid on the date of service. The sequencing notes (code first, manifestations, external
 * causes) are {@link PrimaryDiagnosisRules}'.
 */
public final class TabularConventionRules implements RuleFamily {

    /**
     * CODE_VALIDITY rather than PRIMARY_DIAGNOSIS: an Excludes1 note says which codes are not reported together,
     * whatever their order, like the code-pair edits of the Medicare Code Editor; it says nothing about what is first.
     */
    static final RuleDefinition EXCLUDES1 = new RuleDefinition("TAB-001", Category.CODE_VALIDITY, Severity.WARNING,
            "ICD-10-CM Official Guidelines I.A.12.a (Excludes1: not coded together; exception when the two conditions are"
                    + " unrelated) and the Tabular List's Excludes1 notes",
            "Two codes on the claim that an Excludes1 note keeps apart");
    static final RuleDefinition USE_ADDITIONAL = new RuleDefinition("TAB-002", Category.CODE_VALIDITY, Severity.INFO,
            "ICD-10-CM Official Guidelines I.A.13 and I.B.7 (\"use additional code\" notes) and the Tabular List",
            "A \"use additional code\" note whose codes are all missing from the claim");

    @Override
    public List<RuleDefinition> rules() {
        return List.of(EXCLUDES1, USE_ADDITIONAL);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        int count = review.diagnosisCount();
        if (count == 0) {
            return;
        }
        IcdConventions conventions = review.reference().conventions();
        IcdConventions.CodeNotes[] notes = new IcdConventions.CodeNotes[count];
        String[] undotted = new String[count];
        for (int i = 0; i < count; i++) {
            IcdLookup diagnosis = review.diagnosis(i);
            if (diagnosis.billable()) {
                undotted[i] = IcdCodes.undotted(diagnosis.code());
                notes[i] = conventions.notes(diagnosis.code(), review.dateOfService());
            }
        }
        for (int a = 0; a < count; a++) {
            if (notes[a] == null) {
                continue;
            }
            for (int b = a + 1; b < count; b++) {
                if (notes[b] == null || undotted[a].equals(undotted[b])) {
                    continue;
                }
                IcdConventions.Note ab = notes[a].excludes(undotted[b]);
                IcdConventions.Note ba = notes[b].excludes(undotted[a]);
                if ((ab != null || ba != null) && !alreadySaid(edits, notes[a].code(), notes[b].code())) {
                    edits.add(excludes1(notes[a].code(), notes[b].code(), ab, ba));
                }
            }
        }
        for (int i = 0; i < count; i++) {
            if (notes[i] != null) {
                useAdditional(notes[i], undotted, edits);
            }
        }
    }

    /**
     * Whether an earlier family already made an edit about these two codes (SYM-001: a symptom with the diagnosis that
     * explains it is often also an Excludes1 pair, R51.9 with G43.909): one finding per pair. This family runs after them.
     */
    private static boolean alreadySaid(List<Edit> edits, String a, String b) {
        for (Edit edit : edits) {
            if (edit.codes().contains(a) && edit.codes().contains(b)) {
                return true;
            }
        }
        return false;
    }

    private static Edit excludes1(String a, String b, IcdConventions.Note ab, IcdConventions.Note ba) {
        StringBuilder message = new StringBuilder();
        if (ab != null) {
            message.append(a).append(" has an Excludes1 note (at ").append(ab.sits()).append(") for \"").append(ab.text())
                    .append("\", which ").append(b).append(" is. ");
        }
        if (ba != null) {
            message.append(b).append(" has an Excludes1 note (at ").append(ba.sits()).append(") for \"").append(ba.text())
                    .append("\", which ").append(a).append(" is. ");
        }
        message.append("Excludes1 means the two are not coded together; the guideline's exception (I.A.12.a) is two"
                + " unrelated conditions, e.g. ones that are independent of each other. Keep both only if the record shows that.");
        // The note's holder is the general code; the excluded code is the specific condition coded elsewhere: keep it.
        Suggestion suggestion = ab != null && ba == null ? Suggestion.removeCode(a)
                : ba != null && ab == null ? Suggestion.removeCode(b) : null;
        return EXCLUDES1.edit(null, List.of(a, b), message.toString(), suggestion);
    }

    private static void useAdditional(IcdConventions.CodeNotes notes, String[] claim, List<Edit> edits) {
        for (IcdConventions.Note note : notes.useAdditional()) {
            if (!"INFO".equals(note.flag()) || note.covers(IcdCodes.undotted(notes.code()))) {
                continue;
            }
            boolean present = false;
            for (String code : claim) {
                if (code != null && note.covers(code)) {
                    present = true;
                    break;
                }
            }
            if (!present) {
                List<String> cited = new ArrayList<>(note.cited(8));
                edits.add(USE_ADDITIONAL.edit(null, List.of(notes.code()),
                        notes.code() + " has a \"use additional code\" note (at " + note.sits() + "): "
                                + PrimaryDiagnosisRules.shorten(note.text()) + ". None of " + String.join(", ", cited)
                                + (note.targets().size() > cited.size() ? " …" : "") + " is on the claim; add the one the"
                                + " record supports.",
                        new Suggestion(SuggestionAction.ADD_CODE, null, cited)));
            }
        }
    }
}

package org.radpair.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.radpair.claim.Claim;
import org.radpair.claim.ClaimHistory;
import org.radpair.claim.ClaimLine;
import org.radpair.codes.CptCode;
import org.radpair.codes.CptLookup;
import org.radpair.codes.IcdLookup;
import org.radpair.codes.ReferenceData;

/**
 * One claim under review with what the reference data says about its codes, looked up once and
 * shared by every rule family, and what the history knows of the patient.
 */
public final class ClaimReview {

    private final Claim claim;
    private final ReferenceData reference;
    private final CodingKnowledge knowledge;
    private final ClaimHistory history;
    private final IcdLookup[] diagnoses;
    private final CptLookup[] procedures;
    private final List<List<IcdLookup>> pointedByLine;

    ClaimReview(Claim claim, ClaimHistory history, ReferenceData reference, CodingKnowledge knowledge) {
        this.claim = claim;
        this.history = history == null ? ClaimHistory.NONE : history;
        this.reference = reference;
        this.knowledge = knowledge;
        this.diagnoses = new IcdLookup[claim.diagnoses().size()];
        for (int i = 0; i < diagnoses.length; i++) {
            diagnoses[i] = reference.icd10().lookup(claim.diagnoses().get(i), claim.dateOfService());
        }
        this.procedures = new CptLookup[claim.lines().size()];
        for (int i = 0; i < procedures.length; i++) {
            procedures[i] = reference.cpt().lookup(claim.lines().get(i).cpt(), claim.dateOfService());
        }
        this.pointedByLine = new ArrayList<>(procedures.length);
        for (ClaimLine line : claim.lines()) {
            List<IcdLookup> pointedTo = new ArrayList<>(line.diagnosisPointers().size());
            for (int pointer : line.diagnosisPointers()) {
                IcdLookup lookup = pointed(pointer);
                if (lookup != null) {
                    pointedTo.add(lookup);
                }
            }
            pointedByLine.add(List.copyOf(pointedTo));
        }
    }

    public Claim claim() {
        return claim;
    }

    public ReferenceData reference() {
        return reference;
    }

    public CodingKnowledge knowledge() {
        return knowledge;
    }

    public ClaimHistory history() {
        return history;
    }

    public LocalDate dateOfService() {
        return claim.dateOfService();
    }

    public int diagnosisCount() {
        return diagnoses.length;
    }

    /** The look-up of the diagnosis at a zero-based position in the claim's list. */
    public IcdLookup diagnosis(int index) {
        return diagnoses[index];
    }

    /** The look-up a one-based pointer designates, or null when it points past the list. */
    public IcdLookup pointed(int pointer) {
        return pointer >= 1 && pointer <= diagnoses.length ? diagnoses[pointer - 1] : null;
    }

    public List<IcdLookup> diagnoses() {
        return List.of(diagnoses);
    }

    /** The look-up of the procedure code of a zero-based line. */
    public CptLookup procedure(int lineIndex) {
        return procedures[lineIndex];
    }

    /** The catalog entry of a zero-based line, or null when the code is not catalogued. */
    public CptCode study(int lineIndex) {
        return procedures[lineIndex].entry();
    }

    public ClaimLine line(int lineIndex) {
        return claim.lines().get(lineIndex);
    }

    public int lineCount() {
        return procedures.length;
    }

    /** The line's primary diagnosis (its first pointer), or null. */
    public IcdLookup primaryOf(int lineIndex) {
        List<Integer> pointers = claim.lines().get(lineIndex).diagnosisPointers();
        return pointers.isEmpty() ? null : pointed(pointers.get(0));
    }

    /** Every diagnosis the line points to, in pointer order (pointers past the end skipped). Read-only. */
    public List<IcdLookup> pointedBy(int lineIndex) {
        return pointedByLine.get(lineIndex);
    }

    /** Whether the claim lists a diagnosis starting with one of the dotted prefixes. */
    public boolean claimHasAny(List<String> prefixes) {
        for (IcdLookup diagnosis : diagnoses) {
            if (CodingKnowledge.startsWithAny(diagnosis.code(), prefixes)) {
                return true;
            }
        }
        return false;
    }

    /** The patient's age in whole years on the date of service, or null when the birth date is unknown. */
    public Integer age() {
        LocalDate birth = claim.patient().birthDate();
        return birth == null || birth.isAfter(claim.dateOfService()) ? null
                : Period.between(birth, claim.dateOfService()).getYears();
    }

    /** Whether any line of the claim bills one of these codes. */
    public boolean bills(String... cpts) {
        for (ClaimLine line : claim.lines()) {
            for (String cpt : cpts) {
                if (cpt.equals(line.cpt())) {
                    return true;
                }
            }
        }
        return false;
    }
}

package org.radpair.rules;

import java.util.List;

import org.radpair.claim.Claim;
import org.radpair.codes.CptLookup;
import org.radpair.codes.IcdLookup;
import org.radpair.codes.ReferenceData;

/**
 * One claim under review with what the reference data says about its codes, looked up once and
 * shared by every rule family.
 */
public final class ClaimReview {

    private final Claim claim;
    private final ReferenceData reference;
    private final IcdLookup[] diagnoses;
    private final CptLookup[] procedures;

    ClaimReview(Claim claim, ReferenceData reference) {
        this.claim = claim;
        this.reference = reference;
        this.diagnoses = new IcdLookup[claim.diagnoses().size()];
        for (int i = 0; i < diagnoses.length; i++) {
            diagnoses[i] = reference.icd10().lookup(claim.diagnoses().get(i), claim.dateOfService());
        }
        this.procedures = new CptLookup[claim.lines().size()];
        for (int i = 0; i < procedures.length; i++) {
            procedures[i] = reference.cpt().lookup(claim.lines().get(i).cpt(), claim.dateOfService());
        }
    }

    public Claim claim() {
        return claim;
    }

    public ReferenceData reference() {
        return reference;
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

    /** The look-up of the procedure code of a zero-based line. */
    public CptLookup procedure(int lineIndex) {
        return procedures[lineIndex];
    }

    public List<IcdLookup> diagnoses() {
        return List.of(diagnoses);
    }
}

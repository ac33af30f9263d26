package org.radpair.claim;

import java.time.LocalDate;
import java.util.List;

/** A professional radiology claim as the rules see it. Codes are as submitted, not yet checked. */
public record Claim(
        String claimId,
        Patient patient,
        Payer payer,
        LocalDate dateOfService,
        List<String> diagnoses,
        List<ClaimLine> lines,
        ClaimContext context) {

    public Claim {
        diagnoses = List.copyOf(diagnoses);
        lines = List.copyOf(lines);
        patient = patient == null ? new Patient(Sex.U, null) : patient;
        payer = payer == null ? new Payer(null, PayerType.OTHER) : payer;
        context = context == null ? ClaimContext.NONE : context;
    }

    /** The diagnosis a one-based pointer designates, or null when the pointer is out of range. */
    public String diagnosisAt(int pointer) {
        return pointer >= 1 && pointer <= diagnoses.size() ? diagnoses.get(pointer - 1) : null;
    }
}

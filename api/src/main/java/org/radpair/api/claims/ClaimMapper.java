package org.radpair.api.claims;

import java.util.List;

import org.radpair.claim.Claim;
import org.radpair.claim.ClaimContext;
import org.radpair.claim.ClaimLine;
import org.radpair.claim.Patient;
import org.radpair.claim.Payer;
import org.radpair.claim.Smoking;

/** From the API's request shape to the rules' claim model (which has no patient identifier). */
public final class ClaimMapper {

    private ClaimMapper() {
    }

    public static Claim toClaim(ValidateRequest request) {
        return new Claim(
                request.claimId(),
                new Patient(request.patient().sex(), request.patient().birthDate()),
                request.payer() == null ? null : new Payer(request.payer().id(), request.payer().type()),
                request.dateOfService(),
                request.diagnoses(),
                request.lines().stream().map(ClaimMapper::toLine).toList(),
                toContext(request.context()));
    }

    private static ClaimLine toLine(ValidateRequest.Line line) {
        return new ClaimLine(line.cpt().strip().toUpperCase(java.util.Locale.ROOT),
                line.modifiers() == null ? List.of()
                        : line.modifiers().stream().map(m -> m.toUpperCase(java.util.Locale.ROOT)).toList(),
                line.units() == null ? 1 : line.units(),
                line.diagnosisPointers());
    }

    private static ClaimContext toContext(ValidateRequest.Context context) {
        if (context == null) {
            return ClaimContext.NONE;
        }
        ValidateRequest.Smoking smoking = context.smoking();
        return new ClaimContext(context.purpose(), context.priorBirads(), context.incidentalFindings(), context.followUpOf(),
                smoking == null ? null : new Smoking(smoking.packYears(), smoking.currentSmoker(), smoking.yearsSinceQuit()),
                Boolean.TRUE.equals(context.ruleOut()), context.placeOfService());
    }
}

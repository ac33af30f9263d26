package org.radpair.api.claims;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.radpair.audit.AuditLog;
import org.radpair.audit.AuditRecord;
import org.radpair.audit.PatientKeys;
import org.radpair.claim.Claim;
import org.radpair.codes.IcdCodes;
import org.radpair.rules.CheckResult;
import org.radpair.rules.ClaimChecker;

import io.smallrye.mutiny.Uni;

/** Checks a claim and, unless asked not to, records it in the tenant's audit history. */
@ApplicationScoped
public class ClaimValidation {

    @Inject
    ClaimChecker checker;

    @Inject
    AuditLog auditLog;

    @Inject
    PatientKeys patientKeys;

    @Inject
    StoredResults stored;

    public Uni<ValidateResponse> validate(String tenant, ValidateRequest request, boolean persist) {
        Claim claim = ClaimMapper.toClaim(request);
        CheckResult result = checker.check(claim);
        ValidateResponse response = new ValidateResponse(request.claimId(), result.verdict(), result.edits(),
                result.lines(), ValidateResponse.FollowUp.NONE, null, null, result.rulesetVersion());
        if (!persist) {
            return Uni.createFrom().item(response);
        }
        String patientKey = patientKeys.keyOf(tenant, request.patient().id());
        String storedRequest = stored.write(request.withPatientId(patientKey));
        AuditRecord record = new AuditRecord();
        record.tenant = tenant;
        record.claimId = request.claimId();
        record.patientKey = patientKey;
        record.requestHash = sha256(storedRequest);
        record.dateOfService = request.dateOfService();
        record.payerId = request.payer() == null ? null : request.payer().id();
        record.payerType = request.payer() == null || request.payer().type() == null ? null : request.payer().type().name();
        record.cpts = claim.lines().stream().map(l -> l.cpt()).toArray(String[]::new);
        record.diagnoses = request.diagnoses().stream().map(IcdCodes::display).toArray(String[]::new);
        record.verdict = result.verdict().name();
        record.rulesetVersion = result.rulesetVersion();
        record.request = storedRequest;
        record.result = stored.write(response);
        return auditLog.record(record).map(recorded -> recorded.created()
                ? response.stored(recorded.record().auditId, recorded.record().version)
                : stored.read(recorded.record().result).stored(recorded.record().auditId, recorded.record().version));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
